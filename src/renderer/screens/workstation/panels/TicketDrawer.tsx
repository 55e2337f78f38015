import { Button, Drawer, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../shared/domain/org';
import { TICKET_TRANSITIONS } from '../../../../shared/domain/tickets';
import type { EvidenceTicket } from '../../../../shared/evidence';
import { maskPii } from '../../../../shared/text';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { useCoreQuery } from '../../../state/useCoreQuery';
import { TicketTimeline } from '../../history/TicketTimeline';
import { useDirectory } from '../../history/useDirectory';

const TICKET_ROWS = ['tickets', 'ticket_events'];

/**
 * A ticket from the customer panel: its timeline (as the history window shows it), the status
 * moves the machine allows from where it is, a transfer to another department with a note, and
 * comments. Every change goes through the outbox; the drawer shows the ticket as the server
 * returns it, so a move the server refuses never shows as done (the outbox keeps the reason).
 */
export function TicketDrawer({ ticketId, onClose }: { ticketId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const found = useCoreQuery<EvidenceTicket | null>(
    null,
    (rpc) => (ticketId ? rpc.tickets.get({ ticketId }) : null),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.some((e) => TICKET_ROWS.includes(e))) again();
      }),
    ],
    [ticketId],
  );
  const shown = found && found.ticket.id === ticketId ? found : null;
  return (
    <Drawer open={ticketId !== null} onClose={onClose} size={520} title={shown ? maskPii(shown.ticket.title) : t('ticketDrawer.title')} destroyOnHidden>
      {shown ? <TicketBody key={shown.ticket.id} found={shown} /> : <Empty description={t('ticketDrawer.loading')} />}
    </Drawer>
  );
}

function TicketBody({ found }: { found: EvidenceTicket }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const directory = useDirectory();
  const teams = useCoreQuery<Team[]>([], (core) => core.teams.list(), () => [], []);
  const [department, setDepartment] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const { ticket } = found;
  const ticketId = ticket.id;
  const run = (write: Promise<unknown>, done?: () => void) => void write.then(done, report);

  return (
    <Flex vertical gap={16} data-testid="ticket-drawer" data-status={ticket.status}>
      <TicketTimeline ticket={ticket} events={found.events} names={directory.names} />

      <Flex vertical gap={6}>
        <Typography.Text strong>{t('ticketDrawer.status')}</Typography.Text>
        {TICKET_TRANSITIONS[ticket.status].length === 0 ? (
          <Typography.Text type="secondary">{t('ticketDrawer.final')}</Typography.Text>
        ) : (
          <Space wrap>
            {TICKET_TRANSITIONS[ticket.status].map((status) => (
              <Button key={status} data-testid={`ticket-move-${status}`} onClick={() => run(rpc.tickets.update({ ticketId, status }))}>
                {t('ticketDrawer.moveTo', { status: t(`ticketStatus.${status}`) })}
              </Button>
            ))}
          </Space>
        )}
      </Flex>

      <Flex vertical gap={6}>
        <Typography.Text strong>{t('ticketDrawer.comment')}</Typography.Text>
        <Input.TextArea data-testid="ticket-comment" value={comment} maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setComment(e.target.value)} />
        <Button
          data-testid="ticket-comment-send"
          disabled={!comment.trim()}
          onClick={() => run(rpc.tickets.comment({ ticketId, text: comment.trim() }), () => setComment(''))}
          style={{ alignSelf: 'flex-end' }}
        >
          {t('ticketDrawer.addComment')}
        </Button>
      </Flex>

      <Flex vertical gap={6}>
        <Typography.Text strong>{t('ticketDrawer.transfer')}</Typography.Text>
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{t('ticketDrawer.holder')}</Typography.Text>
          <Tag>{directory.names.team(ticket.departmentTeamId)}</Tag>
        </Flex>
        <Select
          data-testid="ticket-transfer-team"
          placeholder={t('ticketDrawer.transferTo')}
          value={department}
          onChange={setDepartment}
          options={teams.filter((team) => team.id !== ticket.departmentTeamId).map((team) => ({ value: team.id, label: team.name }))}
        />
        <Input.TextArea data-testid="ticket-transfer-note" placeholder={t('ticketDrawer.note')} value={note} maxLength={5000} autoSize={{ minRows: 2, maxRows: 4 }} onChange={(e) => setNote(e.target.value)} />
        <Button
          data-testid="ticket-transfer-confirm"
          disabled={!department || !note.trim()}
          onClick={() =>
            run(rpc.tickets.transfer({ ticketId, departmentTeamId: department!, note: note.trim() }), () => {
              setNote('');
              setDepartment(undefined);
            })
          }
          style={{ alignSelf: 'flex-end' }}
        >
          {t('ticketDrawer.transferConfirm')}
        </Button>
      </Flex>
    </Flex>
  );
}
