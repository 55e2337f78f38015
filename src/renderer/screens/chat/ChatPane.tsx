import { Empty, Flex, Tag, Typography, theme } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { usePageVisible } from '../../components/usePageVisible';
import { useReportError } from '../../components/useReportError';
import { EscalatableTag } from '../workstation/EscalatableTag';
import { LevelTag } from '../workstation/LevelTag';
import { SlaTag } from '../workstation/SlaTag';
import { ChatActions } from './ChatActions';
import { Composer } from './composer/Composer';
import { MessageThread } from './MessageThread';
import { FollowupDialog } from './actions/FollowupDialog';
import { ResolveDialog } from './actions/ResolveDialog';
import { TicketDialog } from './actions/TicketDialog';
import { TransferDialog } from './actions/TransferDialog';
import { useChat } from './useChat';
import { useNames } from './useNames';

/**
 * One chat: its header with the actions, the thread and the composer. The workstation's tabs and
 * the pop-out window both show this, each reading from the core, so they stay in sync.
 * While it is on screen, new customer messages count as read.
 */
export function ChatPane({ conversationId, onPopOut, onCustomer }: { conversationId: string; onPopOut?: () => void; onCustomer?: (name: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { rpc } = useShell();
  const report = useReportError();
  const chat = useChat(conversationId);
  const names = useNames();
  const [dialog, setDialog] = useState<'resolve' | 'transfer' | 'ticket' | 'followup' | null>(null);
  const conversation = chat.conversation;
  const unread = conversation?.unread ?? 0;
  const visible = usePageVisible();
  const customerName = conversation?.customer?.name;

  useEffect(() => {
    if (customerName) onCustomer?.(customerName);
  }, [customerName, onCustomer]);

  useEffect(() => {
    // Only an open chat on screen counts as read: a minimised window keeps its unread badge.
    // The core then says conversations.changed for it, which every window's lists follow.
    if (unread > 0 && visible) void rpc.conversations.read({ conversationId }).catch(() => undefined);
  }, [rpc, conversationId, unread, visible]);

  // Stable, so the thread's rows (memo) do not render again with each change of the pane.
  const { loadOlder } = chat;
  const onLoadOlder = useCallback(() => void loadOlder().catch(report), [loadOlder, report]);
  const onRetry = useCallback((messageId: string) => void rpc.messages.retry({ messageId }).catch(report), [rpc, report]);

  if (chat.missing && !conversation) return <Empty data-testid="chat-missing" description={t('chat.missing')} />;
  if (!conversation) return null;

  return (
    <Flex vertical data-testid="chat-pane" data-conversation={conversationId} data-status={conversation.status} style={{ height: '100%', minHeight: 0 }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: '8px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex align="center" gap={8}>
          <Typography.Text strong data-testid="chat-customer">
            {conversation.customer?.name ?? t('list.unknownCustomer')}
          </Typography.Text>
          <LevelTag level={conversation.customer?.level} />
          <Tag data-testid="chat-status">{t(`status.${conversation.status}`)}</Tag>
          <SlaTag conversation={conversation} />
          {conversation.orderId && <Typography.Text type="secondary">{t('chat.order', { id: conversation.orderId })}</Typography.Text>}
          <EscalatableTag conversation={conversation} />
        </Flex>
        <ChatActions
          conversation={conversation}
          onResolve={() => setDialog('resolve')}
          onTransfer={() => setDialog('transfer')}
          onTicket={() => setDialog('ticket')}
          onFollowup={() => setDialog('followup')}
          onPopOut={onPopOut}
        />
      </Flex>
      <MessageThread
        messages={chat.messages}
        hasMore={chat.hasMore}
        names={names}
        onLoadOlder={onLoadOlder}
        onRetry={onRetry}
      />
      <Composer key={conversationId} conversation={conversation} onResolve={() => setDialog('resolve')} />
      <ResolveDialog conversationId={conversationId} open={dialog === 'resolve'} onClose={() => setDialog(null)} />
      <TransferDialog conversationId={conversationId} open={dialog === 'transfer'} onClose={() => setDialog(null)} />
      {/* Mounted per opening, so each starts prefilled from the chat as it is now. */}
      {dialog === 'ticket' && <TicketDialog conversation={conversation} open onClose={() => setDialog(null)} />}
      {dialog === 'followup' && <FollowupDialog conversationId={conversationId} open onClose={() => setDialog(null)} />}
    </Flex>
  );
}
