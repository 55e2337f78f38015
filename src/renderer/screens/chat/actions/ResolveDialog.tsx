import { AutoComplete, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import type { Summaries } from '../../../state/conversationPatch';
import { useWorkstation } from '../../workstation/workstationContext';

const NONE: Summaries = {};

/** Resolve with a category (required by the server): the categories used today are offered first. */
export function ResolveDialog({ conversationId, open, onClose }: { conversationId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const closeTab = useWorkstation((s) => s.close);
  const resolved = useWorkstation((s) => s.ids.resolved_today);
  // Closed, it follows no summaries (a long list reads them as it scrolls).
  const summaries = useWorkstation((s) => (open ? s.summaries : NONE));
  const [category, setCategory] = useState('');
  // Of the resolved conversations read so far (the list reads those it shows).
  const options = useMemo(
    () => [...new Set(resolved.map((id) => summaries[id]?.category).filter((c): c is string => !!c))].map((value) => ({ value })),
    [resolved, summaries],
  );
  const submit = () => {
    const value = category.trim();
    if (!value) return;
    onClose();
    setCategory('');
    void rpc.conversations.resolve({ conversationId, category: value }).catch(report);
    // Done with it here: its tab closes (it stays in the lists and can be opened again).
    closeTab(conversationId);
  };
  return (
    <Modal open={open} title={t('actions.resolveTitle')} okText={t('actions.resolve')} onOk={submit} onCancel={onClose} okButtonProps={{ disabled: !category.trim(), ...{ 'data-testid': 'resolve-confirm' } }} destroyOnHidden>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('actions.category')} required>
          <AutoComplete
            data-testid="resolve-category"
            autoFocus
            options={options}
            filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
            value={category}
            onChange={setCategory}
            placeholder={t('actions.categoryPlaceholder')}
            maxLength={64}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
