import type { CannedReply } from '../../../../shared/domain/canned';
import { fuzzyRank } from './fuzzy';

/** Canned replies for what the agent typed after "/": fuzzy over shortcut, then title, then body. */
export function searchCanned<T extends CannedReply>(query: string, replies: readonly T[], limit = 8): T[] {
  return fuzzyRank(query, replies, [(r) => r.shortcut, (r) => r.title, (r) => r.body], limit);
}
