import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/domain/conversations';

/**
 * A shop chat its customer may now take to the platform (the shop missed its pickup or reply
 * time). The escalation is the customer's to make; the agent sees it coming. `compact` for the list.
 */
export function EscalatableTag({
  conversation,
  compact = false,
}: {
  conversation: Pick<Conversation, 'escalatableAt' | 'escalationReason' | 'escalatedFromQueueId'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (conversation.escalatableAt == null || conversation.escalatedFromQueueId !== null) return null;
  const reason = conversation.escalationReason ? t(`sla.reason.${conversation.escalationReason}`) : '';
  const full = t('work.escalatable', { reason });
  return (
    <Tag color="volcano" data-testid="escalatable" title={full} style={{ marginInlineEnd: 0 }}>
      {compact ? t('work.escalatableShort') : full}
    </Tag>
  );
}
