import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain/conversations';
import { useNow } from '../../components/useNow';
import { formatCountdown, slaClock } from './sla';

const COLOUR = { ok: 'green', soon: 'orange', late: 'red' } as const;

/**
 * The running SLA timer of a conversation as a coloured countdown, nothing when none runs. It
 * ticks on its own, so the row or chat around it does not re-render every second.
 */
export function SlaTag({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const now = useNow();
  const sla = slaClock(conversation, now);
  if (!sla) return null;
  return (
    <Tag color={COLOUR[sla.level]} data-testid="sla" data-level={sla.level} style={{ marginInlineEnd: 0 }}>
      {t(`sla.${sla.kind}`)} {formatCountdown(sla.remainingMs)}
    </Tag>
  );
}
