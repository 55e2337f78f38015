import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/resources';

const SHORTCUTS: [string, MessageKey][] = [
  ['Enter', 'shortcuts.send'],
  ['Shift+Enter', 'shortcuts.newline'],
  ['Ctrl/⌘+Enter', 'shortcuts.resolve'],
  ['/', 'shortcuts.canned'],
  ['#', 'shortcuts.kb'],
  ['Ctrl/⌘+K', 'shortcuts.palette'],
  ['Alt+↑ / Alt+↓', 'shortcuts.switch'],
  ['Esc', 'shortcuts.close'],
  ['?', 'shortcuts.sheet'],
];

/** The "?" sheet: every keyboard shortcut of the workstation. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} data-testid="shortcut-sheet">
      <Descriptions size="small" column={1} data-testid="shortcut-list">
        {SHORTCUTS.map(([keys, label]) => (
          <Descriptions.Item key={keys} label={<Typography.Text keyboard>{keys}</Typography.Text>}>
            {t(label)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Modal>
  );
}
