import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/tickets';
import { useCoreQuery } from '../../../state/useCoreQuery';

/** The customer's tickets, newest first, kept current as ticket rows sync. */
export function CustomerTickets({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const tickets = useCoreQuery<Ticket[]>(
    [],
    (rpc) => rpc.tickets.list({ customerId }),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.includes('tickets')) again();
      }),
    ],
    [customerId],
  );
  return (
    <>
      <Typography.Text strong>{t('work.tickets')}</Typography.Text>
      {tickets.length === 0 ? (
        <Typography.Text type="secondary">{t('work.noTickets')}</Typography.Text>
      ) : (
        tickets.map((ticket) => (
          <Flex key={ticket.id} gap={6} align="center" data-testid="customer-ticket">
            <Tag>{t(`ticketStatus.${ticket.status}`)}</Tag>
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {ticket.title}
            </Typography.Text>
            <Typography.Text type="secondary">{t(`ticketPriority.${ticket.priority}`)}</Typography.Text>
          </Flex>
        ))
      )}
    </>
  );
}
