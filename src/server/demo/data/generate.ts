import { buildCanned } from './buildCanned';
import { buildCustomers } from './buildCustomers';
import { buildHistory } from './buildHistory';
import { buildKb } from './buildKb';
import { buildOrg } from './buildOrg';
import { createRng } from './random';
import type { DemoData, DemoReference, History } from './schema';

/*
 * The demo data set of the Seatdesk contact centre, generated from a seed. Pure and
 * deterministic: the same seed and anchor give the same data, byte for byte once serialised.
 * Each section draws from its own stream (rng.fork), so the reference parts do not depend on
 * the history and editing one section's templates leaves the others as they were.
 */

export const DEMO_SEED = 20261123;

/** 2026-11-23 00:00 China time: the anchor of the static files in resources/demo. */
export const DEMO_STATIC_ANCHOR = Date.UTC(2026, 10, 22, 16, 0, 0);

export interface GenerateOptions {
  seed?: number;
  /** Epoch ms; everything generated lies before it, the history in the 90 days before it. */
  anchor: number;
}

function checkOptions({ seed = DEMO_SEED, anchor }: GenerateOptions): { seed: number; anchor: number } {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(anchor) || anchor < Date.UTC(2000, 0, 1)) throw new RangeError(`demo anchor must be epoch milliseconds, got ${anchor}`);
  return { seed, anchor };
}

/** The static parts: org, KB, canned replies, customers and orders (what resources/demo holds). */
export function generateDemoReference(options: GenerateOptions): DemoReference {
  const { seed, anchor } = checkOptions(options);
  const rng = createRng(seed);
  const org = buildOrg();
  return {
    meta: { version: 1, seed, anchor },
    org,
    kb: buildKb(rng.fork('kb'), org),
    canned: buildCanned(),
    customers: buildCustomers(rng.fork('customers'), anchor),
  };
}

/**
 * Conversations and tickets written against `reference` (e.g. the parsed static files). Defaults
 * to the reference's own seed and anchor, which reproduces generateDemoData's history exactly.
 */
export function generateDemoHistory(reference: DemoReference, options: Partial<GenerateOptions> = {}): History {
  const { seed, anchor } = checkOptions({ seed: options.seed ?? reference.meta.seed, anchor: options.anchor ?? reference.meta.anchor });
  return buildHistory(createRng(seed).fork('history'), reference, anchor);
}

/** The whole demo data set. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const reference = generateDemoReference(options);
  return { ...reference, history: generateDemoHistory(reference) };
}
