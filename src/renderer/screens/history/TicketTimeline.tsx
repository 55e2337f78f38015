import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceTicket } from '../../../shared/evidence';
import { maskPii } from '../../../shared/text';
import { ticketEventText } from './ticketEventText';
import type { Directory } from './useDirectory';

const when = (at: number) => new Date(at).toLocaleString();

/** One ticket with its timeline, oldest entry first; personal data in its texts masked. */
export function TicketTimeline({ ticket, events, names }: EvidenceTicket & { names: Directory['names'] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} data-testid="history-ticket" data-ticket={ticket.id}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{maskPii(ticket.title)}</Typography.Text>
        <Tag color="blue">{t(`ticketStatus.${ticket.status}`)}</Tag>
        <Tag>{t(`ticketPriority.${ticket.priority}`)}</Tag>
        <Typography.Text type="secondary">{names.team(ticket.departmentTeamId)}</Typography.Text>
      </Flex>
      {ticket.description && <Typography.Text type="secondary">{maskPii(ticket.description)}</Typography.Text>}
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('historyView.noTicketEvents')}</Typography.Text>
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: event.id,
            content: (
              <span data-testid="ticket-event">
                {maskPii(ticketEventText(event, names, t))} · <Typography.Text type="secondary">{when(event.createdAt)}</Typography.Text>
              </span>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
