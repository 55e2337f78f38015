import type { QcReviewItem } from '../../shared/api/monitor';
import type { QcFlagStatus } from '../../shared/domain/qc';
import { maskPii } from '../../shared/text';
import type { SqliteDatabase, SqlValue } from '../db/sqlite';
import { QC_FLAG_COLUMNS, toQcFlag, type QcFlagRow } from '../qc/rows';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';

/** Messages shown on each side of a flagged one: enough to judge tone and what was asked. */
export const QC_CONTEXT_MESSAGES = 2;

interface ContextRow {
  id: string;
  sender_kind: string;
  sender_id: string | null;
  kind: string;
  body: string;
  created_at: number;
}

/**
 * The lead's QC review list: flags of their teams' conversations (the sync scope of qc_flags),
 * newest first, each with the flagged message and its neighbours. Bodies are masked: the list is
 * for judging conduct, and a reveal goes through the audited customer route. Merchant leads do not
 * get platform-only notes in the context (the messages scope).
 */
export function createQcList(db: SqliteDatabase): (scope: Scope, status: QcFlagStatus, limit: number) => QcReviewItem[] {
  const run = <R>(sql: string, params: Record<string, SqlValue>) => db.prepare<[Record<string, SqlValue>], R>(sql).all(params);
  return (scope, status, limit) => {
    const flags = visibleFilter('qc_flags', scope);
    const messages = visibleFilter('messages', scope);
    const rows = run<QcFlagRow>(
      `SELECT ${QC_FLAG_COLUMNS} FROM qc_flags t WHERE t.status = @status AND t.deleted = 0 AND (${flags.sql}) ORDER BY t.created_at DESC, t.id LIMIT @limit`,
      { ...flags.params, status, limit },
    );
    // Neighbours by position in the conversation: the flagged message's rank ± QC_CONTEXT_MESSAGES.
    const contextSql = `WITH ranked AS (
        SELECT t.id, t.sender_kind, t.sender_id, t.kind, t.body, t.created_at,
          ROW_NUMBER() OVER (ORDER BY t.created_at, t.seq) AS n
        FROM messages t WHERE t.conversation_id = @conversation AND t.deleted = 0 AND (${messages.sql}))
      SELECT r.id, r.sender_kind, r.sender_id, r.kind, r.body, r.created_at FROM ranked r, ranked f
      WHERE f.id = @message AND r.n BETWEEN f.n - @around AND f.n + @around ORDER BY r.n`;
    return rows.map((row) => ({
      flag: toQcFlag(row),
      context: run<ContextRow>(contextSql, { ...messages.params, conversation: row.conversation_id, message: row.message_id, around: QC_CONTEXT_MESSAGES }).map((m) => ({
        id: m.id,
        senderKind: m.sender_kind,
        senderId: m.sender_id,
        kind: m.kind,
        body: maskPii(m.body),
        createdAt: m.created_at,
        flagged: m.id === row.message_id,
      })),
    }));
  };
}
