import type { QcFlag } from '../../shared/domain/qc';
import { defineSource, type BaseRow } from '../sync/source';

export interface QcFlagRow extends BaseRow {
  conversation_id: string;
  message_id: string;
  rule_id: string;
  side: QcFlag['side'];
  severity: QcFlag['severity'];
  agent_id: string | null;
  excerpt: string;
  status: QcFlag['status'];
  reviewed_by: string | null;
  reviewed_at: number | null;
  created_at: number;
}

export const QC_FLAG_COLUMNS = `t.id, t.seq, t.deleted, t.conversation_id, t.message_id, t.rule_id, t.side, t.severity, t.agent_id,
  t.excerpt, t.status, t.reviewed_by, t.reviewed_at, t.created_at`;

export function toQcFlag(r: QcFlagRow): QcFlag {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    ruleId: r.rule_id,
    side: r.side,
    severity: r.severity,
    agentId: r.agent_id,
    excerpt: r.excerpt,
    status: r.status,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
  };
}

export const qcFlagsSource = defineSource({
  entity: 'qc_flags',
  table: 'qc_flags',
  columns: QC_FLAG_COLUMNS,
  toData: (r: QcFlagRow) => toQcFlag(r),
});
