import { Badge, Flex, Typography, theme } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/domain/workstation';
import { emotionScore } from '../../../shared/text';
import { EscalatableTag } from './EscalatableTag';
import { LevelTag } from './LevelTag';
import { SlaTag } from './SlaTag';

export const ROW_HEIGHT = 64;

/** One conversation in the left list: customer, badges, escalatable mark, SLA countdown, emotion cue, last message, unread. */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  onOpen,
}: {
  conversation: ConversationSummary;
  active: boolean;
  onOpen(id: string): void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const last = conversation.lastMessage;
  const upset = last?.senderKind === 'customer' && emotionScore(last.body).level !== 'calm';
  return (
    <Flex
      vertical
      justify="center"
      data-testid="conversation-row"
      data-id={conversation.id}
      data-unread={conversation.unread}
      role="button"
      tabIndex={0}
      aria-current={active || undefined}
      onClick={() => onOpen(conversation.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(conversation.id);
        }
      }}
      style={{
        height: ROW_HEIGHT,
        padding: '0 12px',
        cursor: 'pointer',
        background: active ? token.colorPrimaryBg : undefined,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex align="center" gap={6}>
        <Typography.Text strong ellipsis style={{ flex: 1 }}>
          {conversation.customer?.name ?? t('list.unknownCustomer')}
        </Typography.Text>
        <LevelTag level={conversation.customer?.level} />
        {upset && (
          <span data-testid="emotion-cue" title={t('list.upset')} role="img" aria-label={t('list.upset')}>
            😠
          </span>
        )}
        <EscalatableTag conversation={conversation} compact />
        <SlaTag conversation={conversation} />
        <Badge count={conversation.unread} size="small" data-testid="unread-badge" />
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: token.fontSizeSM }}>
        {last ? (last.kind === 'note' ? `${t('thread.note')}: ${last.body}` : last.body) : t('list.noMessages')}
      </Typography.Text>
    </Flex>
  );
});
