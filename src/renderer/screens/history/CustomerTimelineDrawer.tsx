import { Drawer, Empty, Flex, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTimeline } from '../../../shared/domain/workstation';
import { maskPii } from '../../../shared/text';
import { useCoreQuery } from '../../state/useCoreQuery';
import { TicketTimeline } from './TicketTimeline';
import type { Directory } from './useDirectory';

export interface CustomerTimelineDrawerProps {
  customerId: string | null;
  directory: Directory;
  onOpenConversation(conversationId: string): void;
  onClose(): void;
}

const when = (at: number) => new Date(at).toLocaleString();

/**
 * Every cached conversation and ticket of one customer across channels, newest first, with
 * status. A conversation (or a ticket made from one) opens its transcript; a ticket with no
 * conversation unfolds its own timeline here.
 */
export function CustomerTimelineDrawer({ customerId, directory, onOpenConversation, onClose }: CustomerTimelineDrawerProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [unfolded, setUnfolded] = useState<string | null>(null);
  const timeline = useCoreQuery<CustomerTimeline | null>(
    null,
    (rpc) => (customerId ? rpc.customers.timeline({ customerId }) : null),
    (rpc, again) => [
      rpc.on('conversations.changed', again),
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.some((e) => ['tickets', 'ticket_events', 'customers'].includes(e))) again();
      }),
    ],
    [customerId],
  );
  const name = timeline?.customer ? maskPii(timeline.customer.name) : customerId;

  return (
    <Drawer open={customerId !== null} onClose={onClose} size={520} title={t('historyView.timelineOf', { name: name ?? '' })} destroyOnHidden>
      {timeline && timeline.items.length === 0 && <Empty description={t('historyView.timelineEmpty')} />}
      <Flex vertical data-testid="customer-timeline">
        {timeline?.items.map((item) => {
          const key = item.kind === 'conversation' ? item.conversation.id : item.ticket.id;
          const target = item.kind === 'conversation' ? item.conversation.id : item.ticket.conversationId;
          return (
            <div key={`${item.kind}:${key}`} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, padding: '8px 0' }}>
              <Flex
                gap={8}
                align="center"
                wrap
                data-testid="timeline-item"
                data-kind={item.kind}
                data-id={key}
                style={{ cursor: 'pointer' }}
                onClick={() => (target ? onOpenConversation(target) : setUnfolded(unfolded === key ? null : key))}
              >
                <Typography.Text type="secondary">{when(item.at)}</Typography.Text>
                {item.kind === 'conversation' ? (
                  <>
                    <Tag color="geekblue">{t(`historyView.channel.${item.conversation.channel}`)}</Tag>
                    <Tag>{t(`status.${item.conversation.status}`)}</Tag>
                    <Typography.Text>
                      {item.counterpart.kind === 'platform' ? t('historyView.platform') : t('historyView.shopCounterpart', { shop: item.counterpart.shopName ?? item.counterpart.shopId })}
                      {' · '}
                      {item.queueName ?? directory.names.queue(item.conversation.queueId)}
                    </Typography.Text>
                  </>
                ) : (
                  <>
                    <Tag color="purple">{t('historyView.ticket')}</Tag>
                    <Tag>{t(`ticketStatus.${item.ticket.status}`)}</Tag>
                    <Typography.Text>{maskPii(item.ticket.title)}</Typography.Text>
                  </>
                )}
              </Flex>
              {item.kind === 'ticket' && unfolded === key && (
                <div style={{ padding: '8px 0 0 16px' }}>
                  <TicketTimeline ticket={item.ticket} events={item.events} names={directory.names} />
                </div>
              )}
            </div>
          );
        })}
      </Flex>
    </Drawer>
  );
}
