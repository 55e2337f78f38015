import { useTranslation } from 'react-i18next';
import type { WindowRoute } from '../../shared/windows';
import { CoreLinkBanner } from '../components/CoreLinkBanner';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { DEFAULT_LANGUAGE } from '../i18n/resources';
import { useFollowLanguage } from '../i18n/useFollowLanguage';
import { ThemeProvider } from '../theme/ThemeProvider';
import { BootGate } from './BootGate';
import { useAppState } from './shell';
import { WindowContent } from './WindowContent';

/**
 * The root of every window. Render it inside <ShellContext value={...}>.
 *
 * Stable selectors for the end-to-end tests (data-testid), keep them when refactoring:
 *   login-form, login-server, login-username, login-password, login-submit, login-error
 *   workstation-frame, connection-state (data-state = the sync state: signed_out | connecting |
 *     syncing | online | offline), user-name, user-role, lang-switch (Segmented; its options
 *     read "中文" and "English"), theme-toggle (data-theme = the theme shown now), logout,
 *     open-history, open-settings, open-monitor (leads and admins only)
 *   empty-conversations, empty-queues, empty-chats, empty-customer
 *   presence-switch (data-presence), queue-panel, queue-row, list-filter, conversation-list,
 *     conversation-row (data-id, data-unread), unread-badge, sla (data-level), emotion-cue,
 *     badge-vip, badge-koc, offer-bar, offer (data-conversation), offer-accept, offer-decline
 *   chat-tabs, chat-tab (data-id, data-unread), chat-pane (data-conversation, data-status),
 *     chat-customer, chat-status, chat-actions, chat-accept, chat-decline, chat-transfer,
 *     chat-resolve, chat-reopen, chat-popout, message-thread, thread-message (data-sender,
 *     data-delivery), thread-note, thread-event, message-body, retry-message, load-older
 *   composer, composer-input (data-mode), composer-mode, composer-send, canned-picker, kb-picker,
 *     trigger-option, guard-block, guard-warn, guard-send-anyway, resolve-category,
 *     resolve-confirm, transfer-target, transfer-agent, transfer-queue, transfer-note,
 *     transfer-confirm
 *   right-tabs, customer-panel, customer-name, customer-phone, customer-order, assist-panel,
 *     empty-assist, kb-panel, kb-search, kb-hit, canned-panel, canned-search, canned-hit
 *   command-palette, palette-input, palette-item, shortcut-sheet, shortcut-list
 *   core-connecting (full page, link to the core not up yet), app-loading, boot-failed,
 *     core-link-down (banner, link to the core lost after start)
 *   chat-window, empty-messages, monitor-window, empty-monitor, monitor-forbidden,
 *     history-window, empty-history
 *   settings-window, settings-form, settings-server, settings-language, settings-theme,
 *     settings-sounds, settings-notifications, settings-font-size, settings-save,
 *     settings-revert, settings-error
 */
export function App({ route }: { route: WindowRoute }) {
  const settings = useAppState((s) => s.settings);
  const language = settings?.language ?? DEFAULT_LANGUAGE;
  useFollowLanguage(language);
  return (
    <ThemeProvider language={language} theme={settings?.theme ?? 'light'} fontSize={settings?.fontSize ?? 14}>
      <WindowTitle route={route} />
      <CoreLinkBanner />
      <BootGate>
        <WindowContent route={route} />
      </BootGate>
    </ThemeProvider>
  );
}

function WindowTitle({ route }: { route: WindowRoute }) {
  const { t } = useTranslation();
  useDocumentTitle(`Seatdesk — ${t(`window.${route.kind}`)}`);
  return null;
}
