import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/resources';

type Shortcut = [string, MessageKey];

/** The chat's own keys, the same in the workstation and in a popped-out chat. */
const CHAT: Shortcut[] = [
  ['Enter', 'shortcuts.send'],
  ['Shift+Enter', 'shortcuts.newline'],
  ['Ctrl/⌘+Enter', 'shortcuts.resolve'],
  ['/', 'shortcuts.canned'],
  ['#', 'shortcuts.kb'],
];
const CLOSING: Shortcut[] = [
  ['Esc', 'shortcuts.close'],
  ['?', 'shortcuts.sheet'],
];
const WORKSTATION: Shortcut[] = [...CHAT, ['Ctrl/⌘+K', 'shortcuts.palette'], ['Alt+↑ / Alt+↓', 'shortcuts.switch'], ...CLOSING];
const POP_OUT: Shortcut[] = [...CHAT, ...CLOSING];
const PINNABLE_POP_OUT: Shortcut[] = [...CHAT, ['Ctrl/⌘+Shift+P', 'shortcuts.pin'], ...CLOSING];

/**
 * The "?" sheet: every keyboard shortcut of the window it opens in — the workstation, or a
 * popped-out chat (with the pin key where the platform can pin it).
 */
export function ShortcutSheet({ open, onClose, popOut, pinnable = false }: { open: boolean; onClose(): void; popOut?: boolean; pinnable?: boolean }) {
  const { t } = useTranslation();
  const shortcuts = !popOut ? WORKSTATION : pinnable ? PINNABLE_POP_OUT : POP_OUT;
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} data-testid="shortcut-sheet">
      <Descriptions size="small" column={1} data-testid="shortcut-list">
        {shortcuts.map(([keys, label]) => (
          <Descriptions.Item key={keys} label={<Typography.Text keyboard>{keys}</Typography.Text>}>
            {t(label)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Modal>
  );
}
