import type { WindowRoute } from '../../shared/windows';
import { ChatWindow } from '../screens/chat/ChatWindow';
import { HistoryWindow } from '../screens/history/HistoryWindow';
import { LoginScreen } from '../screens/login/LoginScreen';
import { MonitorWindow } from '../screens/monitor/MonitorWindow';
import { SettingsWindow } from '../screens/settings/SettingsWindow';
import { WorkstationFrame } from '../screens/workstation/WorkstationFrame';
import { useAppState } from './shell';

/** The screen of this window's kind; every kind but settings needs a signed-in user. */
export function WindowContent({ route }: { route: WindowRoute }) {
  const signedIn = useAppState((s) => s.session !== null);
  if (route.kind === 'settings') return <SettingsWindow />;
  if (!signedIn) return <LoginScreen />;
  switch (route.kind) {
    case 'workstation':
      return <WorkstationFrame />;
    case 'chat':
      return <ChatWindow conversationId={route.conversationId} />;
    case 'monitor':
      return <MonitorWindow />;
    case 'history':
      return <HistoryWindow />;
  }
}
