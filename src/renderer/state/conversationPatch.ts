import type { ConversationSummary } from '../../shared/domain/workstation';
import type { Rpc } from '../../shared/rpc/client';

/** Conversation summaries by id. */
export type Summaries = Record<string, ConversationSummary>;

/** What conversations.summaries takes in one call. */
const BATCH = 500;

/** The summaries of these conversations, in batches; those not in the core's cache are absent. */
export async function readSummaries(rpc: Rpc, ids: readonly string[]): Promise<Summaries> {
  const batches: string[][] = [];
  for (let at = 0; at < ids.length; at += BATCH) batches.push(ids.slice(at, at + BATCH));
  const read = await Promise.all(batches.map((batch) => rpc.conversations.summaries({ ids: batch })));
  return Object.fromEntries(read.flat().map((summary) => [summary.id, summary]));
}

/** The fields that place a conversation in the lists and order them (see the core's ConversationReads). */
const PLACING = ['status', 'assigneeId', 'createdAt', 'resolvedAt'] as const;

/**
 * Whether the lists' ids must be read again after these conversations changed: one may have joined
 * a list (new here), left one (gone, or its status or assignee moved) or moved in one. A change to
 * anything else (a new message, the unread count, the customer) leaves the ids as they are.
 */
export function listChanges(
  before: { ids: Record<string, readonly string[]>; summaries: Summaries },
  changed: readonly string[],
  fresh: Summaries,
): { relist: boolean } {
  const listed = (id: string) => Object.values(before.ids).some((ids) => ids.includes(id));
  const relist = changed.some((id) => {
    const was = before.summaries[id];
    const now = fresh[id];
    if (!was) return now !== undefined || listed(id);
    return !now || PLACING.some((field) => was[field] !== now[field]);
  });
  return { relist };
}
