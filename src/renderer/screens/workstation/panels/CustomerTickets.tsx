import { Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/domain/tickets';
import { useCoreQuery } from '../../../state/useCoreQuery';
import { TicketDrawer } from './TicketDrawer';

/** The customer's tickets, newest first, kept current as ticket rows sync; one opens in the ticket drawer. */
export function CustomerTickets({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
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
          <Flex
            key={ticket.id}
            gap={6}
            align="center"
            data-testid="customer-ticket"
            role="button"
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            onClick={() => setOpen(ticket.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setOpen(ticket.id);
            }}
          >
            <Tag>{t(`ticketStatus.${ticket.status}`)}</Tag>
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {ticket.title}
            </Typography.Text>
            <Typography.Text type="secondary">{t(`ticketPriority.${ticket.priority}`)}</Typography.Text>
          </Flex>
        ))
      )}
      <TicketDrawer ticketId={open} onClose={() => setOpen(null)} />
    </>
  );
}
