import { Alert, Button, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryTranscript } from '../../../shared/domain/workstation';
import { maskPii } from '../../../shared/text';
import { errorKey } from '../../i18n/errorKey';
import type { MessageKey } from '../../i18n/resources';
import { useCoreQuery } from '../../state/useCoreQuery';
import { MessageThread } from '../chat/MessageThread';
import { TicketTimeline } from './TicketTimeline';
import type { Directory } from './useDirectory';

export interface TranscriptPaneProps {
  conversationId: string;
  /** the search's matched message, scrolled to and marked */
  focusId: string | null;
  directory: Directory;
  onClose(): void;
  onTimeline(customerId: string): void;
  onFilterCustomer(customerId: string, label: string | null): void;
  onExport(conversationId: string): void;
}

const noop = () => {};

/**
 * One conversation's whole record, read-only: who the customer talked to (the platform or which
 * shop), every message in order through the chat window's thread (bot turns, transfers, notes,
 * status lines, files), personal data masked, and the linked tickets with their timelines.
 */
export function TranscriptPane({ conversationId, focusId, directory, onClose, onTimeline, onFilterCustomer, onExport }: TranscriptPaneProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<MessageKey | null>(null);
  const transcript = useCoreQuery<HistoryTranscript | null>(
    null,
    (rpc) =>
      rpc.history.transcript({ conversationId }).then(
        (value) => {
          setError(null);
          return value;
        },
        (failure: unknown) => {
          setError(errorKey(failure));
          throw failure;
        },
      ),
    (rpc, again) => [
      rpc.on('messages.changed', (change) => {
        if (change.conversationIds.includes(conversationId)) again();
      }),
      rpc.on('conversations.changed', ({ ids }) => {
        if (ids.includes(conversationId)) again();
      }),
    ],
    [conversationId],
  );
  // Personal data is masked wherever history shows it; the export's unmasked option is the audited way to see it.
  const messages = useMemo(() => transcript?.messages.map((m) => ({ ...m, body: maskPii(m.body) })) ?? [], [transcript]);

  if (!transcript) {
    return (
      <Flex flex={1} align="center" justify="center" data-testid="history-transcript-loading">
        {error ? <Alert type="error" showIcon title={t(error)} /> : <Spin />}
      </Flex>
    );
  }
  const { conversation, counterpart, queueName, customer, tickets } = transcript.entry;
  const customerName = customer ? maskPii(customer.name) : null;
  return (
    <Flex vertical flex={1} gap={8} data-testid="history-transcript" data-conversation={conversationId} style={{ minHeight: 0 }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'customer', label: t('historyView.customer'), children: <span data-testid="transcript-customer">{customerName ?? conversation.customerId}</span> },
            {
              key: 'counterpart',
              label: t('historyView.counterpart'),
              children: (
                <span data-testid="transcript-counterpart">
                  {counterpart.kind === 'platform' ? t('historyView.platform') : t('historyView.shopCounterpart', { shop: counterpart.shopName ?? counterpart.shopId })}
                </span>
              ),
            },
            { key: 'queue', label: t('historyView.queue'), children: queueName ?? directory.names.queue(conversation.queueId) },
            { key: 'status', label: t('historyView.status'), children: <Tag>{t(`status.${conversation.status}`)}</Tag> },
            { key: 'channel', label: t('historyView.channelLabel'), children: t(`historyView.channel.${conversation.channel}`) },
            { key: 'created', label: t('historyView.createdAt'), children: new Date(conversation.createdAt).toLocaleString() },
            { key: 'agent', label: t('historyView.agent'), children: directory.names.agent(conversation.assigneeId) },
            { key: 'order', label: t('historyView.orderId'), children: conversation.orderId ?? '—' },
          ]}
        />
        <Flex gap={6} wrap justify="end" style={{ maxWidth: 280 }}>
          <Button size="small" data-testid="open-timeline" onClick={() => onTimeline(conversation.customerId)}>
            {t('historyView.customerTimeline')}
          </Button>
          <Button size="small" data-testid="filter-this-customer" onClick={() => onFilterCustomer(conversation.customerId, customerName)}>
            {t('historyView.filterCustomer')}
          </Button>
          <Button size="small" data-testid="export-conversation" onClick={() => onExport(conversationId)}>
            {t('historyView.exportConversation')}
          </Button>
          <Button size="small" data-testid="close-transcript" onClick={onClose} title="Esc">
            {t('historyView.close')}
          </Button>
        </Flex>
      </Flex>
      {transcript.truncated && <Alert type="info" showIcon title={t('historyView.truncated', { count: messages.length })} />}
      <Flex flex={1} style={{ minHeight: 240 }}>
        <MessageThread messages={messages} hasMore={false} names={directory.names} onLoadOlder={noop} onRetry={noop} focusId={focusId} />
      </Flex>
      <Typography.Text strong>{t('historyView.tickets')}</Typography.Text>
      <Flex vertical gap={12} data-testid="transcript-tickets" style={{ maxHeight: 240, overflow: 'auto' }}>
        {tickets.length === 0 ? (
          <Typography.Text type="secondary">{t('historyView.noTickets')}</Typography.Text>
        ) : (
          tickets.map(({ ticket, events }) => <TicketTimeline key={ticket.id} ticket={ticket} events={events} names={directory.names} />)
        )}
      </Flex>
    </Flex>
  );
}
