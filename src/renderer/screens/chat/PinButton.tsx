import { PushpinFilled, PushpinOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowPin } from '../../../shared/rpc/bridge';

const SHORTCUT = 'Ctrl/⌘+Shift+P';

/**
 * Keeps a pop-out chat above other windows (Ctrl/Cmd+Shift+P too). It shows what the shell says
 * the window is, never what was asked, and nothing while the shell has not answered or refuses.
 */
export function PinButton({ pin }: { pin: WindowPin }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pinned, setPinned] = useState<boolean | null>(null);
  // the key handler reads the latest state without re-registering on every change
  const current = useRef<boolean | null>(null);
  current.current = pinned;

  // Asked again whenever the window gets focus: the OS frame menu can pin or unpin it too.
  useEffect(() => {
    let live = true;
    const ask = () =>
      pin.pin().then(
        (state) => live && setPinned(state),
        () => live && setPinned(null),
      );
    void ask();
    window.addEventListener('focus', ask);
    return () => {
      live = false;
      window.removeEventListener('focus', ask);
    };
  }, [pin]);

  const toggle = useCallback(() => {
    if (current.current === null) return;
    pin.pin(!current.current).then(setPinned, () => void message.error(t('windowPin.failed')));
  }, [pin, message, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || !(event.ctrlKey || event.metaKey) || !event.shiftKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);

  if (pinned === null) return null;
  const label = t(pinned ? 'windowPin.unpin' : 'windowPin.pin');
  return (
    <Tooltip title={`${label} (${SHORTCUT})`}>
      <Button
        type={pinned ? 'primary' : 'text'}
        icon={pinned ? <PushpinFilled /> : <PushpinOutlined />}
        aria-label={label}
        aria-pressed={pinned}
        data-testid="pin-window"
        data-pinned={pinned}
        onClick={toggle}
      />
    </Tooltip>
  );
}
