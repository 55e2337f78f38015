import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/domain/workstation';
import { useAppState, useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import { useWorkstation } from '../workstation/workstationContext';

export interface ChatActionsProps {
  conversation: ConversationSummary;
  onResolve(): void;
  onTransfer(): void;
  onTicket(): void;
  onFollowup(): void;
  /** absent in the pop-out window itself */
  onPopOut?: () => void;
}

/**
 * What the agent can do with the chat in its state: accept or decline, transfer, resolve, reopen,
 * a ticket or a follow-up on any chat past the offer, pop out.
 */
export function ChatActions({ conversation, onResolve, onTransfer, onTicket, onFollowup, onPopOut }: ChatActionsProps) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const me = useAppState((s) => s.session?.userId);
  const offered = useWorkstation((s) => s.offers.some((o) => o.conversationId === conversation.id));
  const id = { conversationId: conversation.id };
  const mine = conversation.assigneeId === me;
  const active = mine && (conversation.status === 'assigned' || conversation.status === 'waiting_customer');
  const done = conversation.status === 'resolved' || conversation.status === 'closed';

  return (
    <Flex gap={6} wrap data-testid="chat-actions">
      {conversation.status === 'queued' && (
        <Button size="small" type="primary" data-testid="chat-accept" onClick={() => void rpc.conversations.accept(id).catch(report)}>
          {t('offers.accept')}
        </Button>
      )}
      {offered && (
        <Button size="small" data-testid="chat-decline" onClick={() => void rpc.conversations.decline(id).catch(report)}>
          {t('offers.decline')}
        </Button>
      )}
      {active && (
        <>
          <Button size="small" data-testid="chat-transfer" onClick={onTransfer}>
            {t('actions.transfer')}
          </Button>
          <Button size="small" data-testid="chat-resolve" onClick={onResolve}>
            {t('actions.resolve')}
          </Button>
        </>
      )}
      {done && conversation.status === 'resolved' && (
        <Button size="small" data-testid="chat-reopen" onClick={() => void rpc.conversations.reopen(id).catch(report)}>
          {t('actions.reopen')}
        </Button>
      )}
      {conversation.status !== 'queued' && (
        <>
          <Button size="small" data-testid="chat-ticket" onClick={onTicket}>
            {t('work.ticket')}
          </Button>
          <Button size="small" data-testid="chat-followup" onClick={onFollowup}>
            {t('work.followup')}
          </Button>
        </>
      )}
      {onPopOut && (
        <Button size="small" data-testid="chat-popout" onClick={onPopOut}>
          {t('actions.popOut')}
        </Button>
      )}
    </Flex>
  );
}
