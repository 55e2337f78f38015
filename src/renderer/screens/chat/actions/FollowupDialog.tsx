import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { fromLocalInput, toLocalInput } from './localTime';

const AN_HOUR = 3_600_000;

/** "Remind me to follow up on this chat by then": the server tells this agent when it falls due. */
export function FollowupDialog({ conversationId, open, onClose }: { conversationId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { message } = App.useApp();
  const report = useReportError();
  const [due, setDue] = useState(() => toLocalInput(Date.now() + AN_HOUR));
  const [note, setNote] = useState('');
  const dueAt = fromLocalInput(due);
  const submit = () => {
    if (dueAt === undefined) return;
    onClose();
    void rpc.followups
      .create({ conversationId, dueAt, note: note.trim() })
      .then(() => message.success(t('work.followupQueued')))
      .catch(report);
  };
  return (
    <Modal
      open={open}
      title={t('work.followupTitle')}
      okText={t('work.followup')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: dueAt === undefined, ...{ 'data-testid': 'followup-confirm' } }}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('work.due')} required>
          <Input data-testid="followup-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('work.note')}>
          <Input.TextArea data-testid="followup-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
