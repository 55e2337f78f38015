import type { SessionInfo } from '../../shared/domain/session';
import { defaultSettings, type Settings } from '../../shared/domain/settings';
import type { SyncStatus } from '../../shared/domain/sync';
import type { AppInfo } from '../../shared/rpc/contract';
import type { FakeHandlers } from './fakeCore';

export const appInfo: AppInfo = { name: 'Seatdesk', version: '0.0.0-test', shell: 'browser', embeddedServerUrl: null };

export const agentSession: SessionInfo = {
  userId: 'u_1',
  username: 'agent1',
  displayName: 'Agent One',
  role: 'agent',
  teamKind: 'platform',
  serverUrl: 'http://127.0.0.1:4700',
  expiresAt: 4_102_444_800_000,
};

export const signedOut: SyncStatus = { state: 'signed_out', since: 0 };

/** A fake core holding `state`, mutated by the calls the way the real one would be. */
export function coreHandlers(state: { session: SessionInfo | null; settings: Settings; sync: SyncStatus }): FakeHandlers {
  return {
    'app.info': () => appInfo,
    'session.get': () => state.session,
    'settings.get': () => state.settings,
    'settings.set': (patch) => (state.settings = { ...state.settings, ...patch }),
    'sync.status': () => state.sync,
    'session.logout': () => {
      state.session = null;
      return null;
    },
  };
}

export function freshCoreState(): { session: SessionInfo | null; settings: Settings; sync: SyncStatus } {
  return { session: null, settings: defaultSettings(), sync: signedOut };
}
