import { App, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketPrioritySchema, type TicketPriority } from '../../../../shared/domain/tickets';
import type { Team } from '../../../../shared/domain/org';
import type { ConversationSummary } from '../../../../shared/domain/workstation';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { useCoreQuery } from '../../../state/useCoreQuery';
import { fromLocalInput } from './localTime';

/**
 * A ticket from the open chat: the server takes customer, shop and order from the conversation;
 * the title starts from the customer and order so the agent only types what is new. Without a
 * chosen department the server gives the ticket to the agent's own team.
 */
export function TicketDialog({ conversation, open, onClose }: { conversation: ConversationSummary; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { message } = App.useApp();
  const report = useReportError();
  const customer = conversation.customer?.name ?? t('list.unknownCustomer');
  const [title, setTitle] = useState<string>(() =>
    conversation.orderId ? t('work.defaultTitleOrder', { customer, order: conversation.orderId }) : t('work.defaultTitle', { customer }),
  );
  const [category, setCategory] = useState(conversation.category ?? '');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [departmentTeamId, setDepartment] = useState<string | undefined>();
  const teams = useCoreQuery<Team[]>(
    [],
    (rpc) => rpc.teams.list(),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.includes('teams')) again();
      }),
    ],
    [],
  );
  const [due, setDue] = useState('');
  const [description, setDescription] = useState('');
  const ready = title.trim() !== '' && category.trim() !== '';
  const submit = () => {
    if (!ready) return;
    onClose();
    void rpc.tickets
      .create({ conversationId: conversation.id, title: title.trim(), category: category.trim(), priority, departmentTeamId, description, dueAt: fromLocalInput(due) })
      .then(() => message.success(t('work.ticketQueued')))
      .catch(report);
  };
  return (
    <Modal
      open={open}
      title={t('work.ticketTitle')}
      okText={t('work.ticket')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: !ready, ...{ 'data-testid': 'ticket-confirm' } }}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('work.title')} required>
          <Input data-testid="ticket-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </Form.Item>
        <Form.Item label={t('actions.category')} required>
          <AutoComplete data-testid="ticket-category" value={category} onChange={setCategory} placeholder={t('actions.categoryPlaceholder')} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('work.priority')}>
          <Select
            data-testid="ticket-priority"
            value={priority}
            onChange={setPriority}
            options={TicketPrioritySchema.options.map((value) => ({ value, label: t(`ticketPriority.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('work.department')}>
          <Select
            data-testid="ticket-department"
            allowClear
            placeholder={t('work.ownTeam')}
            value={departmentTeamId}
            onChange={setDepartment}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item label={t('work.due')}>
          <Input data-testid="ticket-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('work.description')}>
          <Input.TextArea data-testid="ticket-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
