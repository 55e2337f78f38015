import type { ServerUser } from '../../shared/api/auth';
import type { AccountsService, NewAccount } from '../accounts/service';
import type { AccountsReads } from '../accounts/store';

/*
 * Demo accounts for trying Seatdesk out and for end-to-end tests. Only created with
 * `--demo` on an empty database, so a real centre never gets a known password.
 */

export const DEMO_PASSWORD = 'seatdesk';

export const DEMO_ACCOUNTS = [
  { username: 'agent', displayName: '李小满', role: 'agent', teamKind: 'platform' },
  { username: 'lead', displayName: '王组长', role: 'lead', teamKind: 'platform' },
  { username: 'shop', displayName: '小铺客服', role: 'agent', teamKind: 'merchant' },
] as const satisfies readonly Omit<NewAccount, 'password'>[];

export type DemoUsername = (typeof DEMO_ACCOUNTS)[number]['username'];

/** Creates the demo accounts when no user exists yet; returns the users created (none otherwise). */
export async function seedDemoAccounts(accounts: AccountsService, reads: AccountsReads): Promise<ServerUser[]> {
  if (reads.countUsers() > 0) return [];
  return accounts.createAccounts(DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })));
}
