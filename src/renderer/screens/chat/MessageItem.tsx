import { Button, Flex, Tag, Typography, theme } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../shared/domain/workstation';
import { MessageAttachments } from './attachments/MessageAttachments';
import { eventText, type Names } from './eventText';

export interface MessageItemProps {
  message: MessageView;
  names: Names;
  onRetry(messageId: string): void;
}

// One formatter for every row: toLocaleTimeString builds a new one per call, which showed in the
// profile of opening a chat and of each new message (the same output: the default locale).
const timeFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const time = (at: number) => timeFormat.format(at);

/**
 * One line of the thread. Chat text is rendered as React text (never HTML), with its line
 * breaks kept: a customer's `<img onerror>` shows as the characters they typed.
 */
export const MessageItem = memo(function MessageItem({ message, names, onRetry }: MessageItemProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();

  if (message.kind === 'event') {
    return (
      <Flex justify="center" data-testid="thread-event" style={{ padding: '6px 16px' }}>
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {eventText(message, names, t)} · {time(message.createdAt)}
        </Typography.Text>
      </Flex>
    );
  }

  const ours = message.senderKind === 'agent';
  const note = message.kind === 'note';
  const background = note ? token.colorWarningBg : ours ? token.colorPrimaryBg : message.senderKind === 'bot' ? token.colorFillTertiary : token.colorBgContainer;
  const sender =
    message.senderKind === 'customer' ? t('thread.customer') : message.senderKind === 'bot' ? t('thread.bot') : message.senderKind === 'system' ? t('thread.system') : names.agent(message.senderId);

  return (
    <Flex justify={ours ? 'flex-end' : 'flex-start'} style={{ padding: '4px 16px' }}>
      <div
        data-testid={note ? 'thread-note' : 'thread-message'}
        data-sender={message.senderKind}
        data-delivery={message.delivery}
        style={{
          maxWidth: '72%',
          background,
          border: `1px ${note ? 'dashed' : 'solid'} ${note ? token.colorWarningBorder : token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          padding: '6px 10px',
        }}
      >
        <Flex gap={6} align="center" style={{ fontSize: token.fontSizeSM }}>
          <Typography.Text type="secondary">{sender}</Typography.Text>
          {note && <Tag color="warning">{t('thread.note')}</Tag>}
          <Typography.Text type="secondary">{time(message.createdAt)}</Typography.Text>
        </Flex>
        {message.body && (
          <div data-testid="message-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </div>
        )}
        {message.attachments?.length ? <MessageAttachments files={message.attachments} /> : null}
        {ours && <DeliveryMark message={message} onRetry={onRetry} />}
      </div>
    </Flex>
  );
});

function DeliveryMark({ message, onRetry }: Pick<MessageItemProps, 'message' | 'onRetry'>) {
  const { t } = useTranslation();
  if (message.delivery === 'sent') {
    return <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="delivery-sent">{t('thread.sent')}</Typography.Text>;
  }
  if (message.delivery === 'pending') {
    return <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="delivery-pending">{t('thread.pending')}</Typography.Text>;
  }
  return (
    <Flex gap={6} align="center" data-testid="delivery-failed">
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {t('thread.failed')}
        {message.failure ? `: ${message.failure.message}` : ''}
      </Typography.Text>
      <Button size="small" type="link" data-testid="retry-message" onClick={() => onRetry(message.id)}>
        {t('thread.retry')}
      </Button>
    </Flex>
  );
}
