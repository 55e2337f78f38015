import type { z } from 'zod';
import type { HistorySearchArgsSchema } from '../../../shared/domain/workstation';

export type HistoryArgs = z.output<typeof HistorySearchArgsSchema>;

/** SQL text to append after a WHERE (each part starts with AND) and its parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * Conversations with a file in a message: one set read from the partial index messages_with_files
 * (cache migration 4, same condition), so the filter costs the messages with files, not every
 * message of every candidate (an EXISTS per candidate took 0.4–0.8 s at 200k messages).
 */
export const WITH_FILES = `c.id IN (SELECT a.conversation_id FROM messages a WHERE instr(a.data, '"attachments":[{') > 0 AND a.deleted = 0)`;
/**
 * Conversations with a QC flag not dismissed: one set built per query (the flags table is small
 * next to the messages), rather than a JSON lookup per candidate.
 */
const FLAGGED =
  "c.id IN (SELECT json_extract(q.data, '$.conversationId') FROM entities q WHERE q.entity = 'qc_flags' AND q.deleted = 0 AND json_extract(q.data, '$.status') <> 'dismissed')";
/** The shop, read through the expression index conversations_by_shop (cache migration 5): the column exists only in the row's JSON. */
const SHOP = "json_extract(c.data, '$.shopId')";

function part(parts: string[], params: unknown[]): SqlPart {
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * The filters on the conversation, as SQL over `c` (conversations). `narrow` says whether one of
 * them usually keeps few conversations (one customer, order, agent or shop, files, open QC flags),
 * which is when a search starts from the conversations rather than from the text's matches.
 */
export function conversationFilters(args: HistoryArgs): SqlPart & { narrow: boolean } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (args.queueId) add('c.queue_id = ?', args.queueId);
  if (args.agentId) add('c.assignee_id = ?', args.agentId);
  if (args.status) add('c.status = ?', args.status);
  if (args.customerId) add('c.customer_id = ?', args.customerId);
  if (args.channel) add('c.channel = ?', args.channel);
  if (args.orderId) add('c.order_id = ?', args.orderId);
  if (args.shopId) add(`${SHOP} = ?`, args.shopId);
  // Yes/no filters add SQL but no parameter: the SQL text (and so the prepared statement) differs per choice.
  if (args.hasAttachment !== undefined) parts.push(args.hasAttachment ? WITH_FILES : `NOT ${WITH_FILES}`);
  if (args.qcFlagged !== undefined) parts.push(args.qcFlagged ? FLAGGED : `NOT ${FLAGGED}`);
  const narrow = Boolean(args.customerId || args.orderId || args.agentId || args.shopId || args.hasAttachment || args.qcFlagged);
  return { ...part(parts, params), narrow };
}

/** The date range over the timestamp column given. */
export function dateFilters(args: HistoryArgs, at: string): SqlPart {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (args.from !== undefined) {
    parts.push(`${at} >= ?`);
    params.push(args.from);
  }
  if (args.to !== undefined) {
    parts.push(`${at} <= ?`);
    params.push(args.to);
  }
  return part(parts, params);
}

/** Every filter: the date range over `at`, then the conversation's. */
export function allFilters(args: HistoryArgs, at: string): SqlPart {
  const dates = dateFilters(args, at);
  const conversation = conversationFilters(args);
  return { sql: dates.sql + conversation.sql, params: [...dates.params, ...conversation.params] };
}
