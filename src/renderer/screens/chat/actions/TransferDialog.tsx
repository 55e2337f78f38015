import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { useWorkstation } from '../../workstation/workstationContext';

/**
 * Hand the chat to a colleague or back to a queue, with an internal note for whoever takes it.
 * Colleagues are those sharing a team with the agent, each with their concurrent-chat limit.
 */
export function TransferDialog({ conversationId, open, onClose }: { conversationId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const closeTab = useWorkstation((s) => s.close);
  const me = useAppState((s) => s.session?.userId);
  const agents = useWorkstation((s) => s.agents);
  const queues = useWorkstation((s) => s.queues);
  const [target, setTarget] = useState<'agent' | 'queue'>('agent');
  const [agentId, setAgentId] = useState<string>();
  const [queueId, setQueueId] = useState<string>();
  const [note, setNote] = useState('');
  const myTeams = new Set(agents.find((a) => a.id === me)?.teamIds ?? []);
  const colleagues = agents.filter((a) => a.id !== me && a.teamIds.some((id) => myTeams.has(id)));
  const chosen = target === 'agent' ? agentId : queueId;

  const submit = () => {
    if (!chosen) return;
    onClose();
    const to = target === 'agent' ? { agentId: chosen } : { queueId: chosen };
    void rpc.conversations.transfer({ conversationId, to, ...(note.trim() ? { note: note.trim() } : {}) }).catch(report);
    // Done with it here: its tab closes (it stays in the lists and can be opened again).
    closeTab(conversationId);
    setNote('');
  };

  return (
    <Modal open={open} title={t('actions.transferTitle')} okText={t('actions.transfer')} onOk={submit} onCancel={onClose} okButtonProps={{ disabled: !chosen, ...{ 'data-testid': 'transfer-confirm' } }} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group data-testid="transfer-target" value={target} onChange={(e) => setTarget(e.target.value as 'agent' | 'queue')}>
            <Radio.Button value="agent">{t('actions.toAgent')}</Radio.Button>
            <Radio.Button value="queue">{t('actions.toQueue')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={target === 'agent' ? t('actions.toAgent') : t('actions.toQueue')} required>
          {target === 'agent' ? (
            <Select
              data-testid="transfer-agent"
              showSearch={{ optionFilterProp: 'label' }}
              value={agentId}
              onChange={setAgentId}
              options={colleagues.map((a) => ({ value: a.id, label: `${a.displayName} · ${t('actions.capacity', { count: a.maxConcurrent })}` }))}
            />
          ) : (
            <Select
              data-testid="transfer-queue"
              value={queueId}
              onChange={setQueueId}
              options={queues.map((q) => ({ value: q.id, label: `${q.name} · ${t('queue.waiting', { count: q.waiting })}` }))}
            />
          )}
        </Form.Item>
        <Form.Item label={t('actions.transferNote')}>
          <Input.TextArea data-testid="transfer-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
