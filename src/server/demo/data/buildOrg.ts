import { AGENTS, QUEUES, SHOPS, TEAMS } from './content/org';
import type { Org } from './schema';

/** The demo centre's organisation. Fixed content, no randomness: copies so callers may mutate. */
export function buildOrg(): Org {
  return structuredClone({ teams: TEAMS, shops: SHOPS, queues: QUEUES, agents: AGENTS });
}
