import { hashPassword } from '../accounts/passwords';
import type { AccountsStore } from '../accounts/store';
import type { Domain } from '../domain';
import { DEMO_SEED, generateDemoData } from './data/generate';
import { loadDemoData, type DemoLoadResult } from './load';
import { DEMO_PASSWORD } from './seed';

/**
 * With --demo on a server whose org is empty: generates the demo data set (fixed seed, history
 * ending now) and loads it in one transaction. Every demo agent signs in with DEMO_PASSWORD;
 * the hash is computed once and shared, which is what makes loading fast.
 */
export async function loadDemoDataIfEmpty(domain: Domain, accounts: AccountsStore, now: number): Promise<(DemoLoadResult & { ms: number }) | null> {
  if (domain.org.hasOrg()) return null;
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = generateDemoData({ seed: DEMO_SEED, anchor: now });
  // Another start may have loaded it while the hash was computed (two servers, one folder).
  if (domain.org.hasOrg()) return null;
  const result = loadDemoData(domain, accounts, data, { passwordHash, now });
  return { ...result, ms: Math.round(performance.now() - started) };
}
