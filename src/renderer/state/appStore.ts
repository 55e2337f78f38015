import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionInfo } from '../../shared/domain/session';
import type { Settings, SettingsPatch } from '../../shared/domain/settings';
import type { SyncStatus } from '../../shared/domain/sync';
import type { Rpc } from '../../shared/rpc/client';
import type { AppInfo } from '../../shared/rpc/contract';
import { RpcError, type RpcErrorCode } from '../../shared/rpc/errors';

export interface LoginFields {
  serverUrl: string;
  username: string;
  password: string;
}

export interface AppState {
  info: AppInfo | null;
  session: SessionInfo | null;
  settings: Settings | null;
  sync: SyncStatus | null;
  /** This window's link to the core (not the core's link to the server). */
  linkUp: boolean;
  /** True until the first complete load from the core. */
  loading: boolean;
  /** Why the last load failed, when it failed for a reason other than a lost link. */
  loadError: RpcErrorCode | null;
}

export interface AppActions {
  /** Subscribes to the core's events and loads everything; returns the function that stops it. */
  start(): () => void;
  /** Loads app info, session, settings and sync status again (done on every relink). */
  refresh(): Promise<void>;
  login(fields: LoginFields): Promise<SessionInfo>;
  logout(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
}

export type AppStore = StoreApi<AppState & AppActions>;

type Pushed = 'session' | 'settings' | 'sync';

/**
 * The app-wide view of the core: who is signed in, the settings, the sync state and the link.
 * The core is the truth; this store only mirrors what calls return and what events push.
 *
 * A pushed event is newer than the answer of any call that was already under way when it came,
 * so such answers do not overwrite it (each pushed field counts the events it received).
 */
export function createAppStore(rpc: Rpc, options: { linkUp: boolean }): AppStore {
  const pushes: Record<Pushed, number> = { session: 0, settings: 0, sync: 0 };
  let refreshes = 0;

  return createStore<AppState & AppActions>()((set, get) => {
    /** Applies a call's answer for `field` unless an event for it arrived since `before`. */
    const unlessPushed = <F extends Pushed>(field: F, before: Record<Pushed, number>, value: AppState[F]) => {
      if (pushes[field] === before[field]) set({ [field]: value } as Pick<AppState, F>);
    };
    const pushed = <F extends Pushed>(field: F, value: AppState[F]) => {
      pushes[field] += 1;
      set({ [field]: value } as Pick<AppState, F>);
    };

    return {
      info: null,
      session: null,
      settings: null,
      sync: null,
      linkUp: options.linkUp,
      loading: true,
      loadError: null,

      start() {
        const stops = [
          rpc.on('session.changed', (session) => pushed('session', session)),
          rpc.on('settings.changed', (settings) => pushed('settings', settings)),
          rpc.on('sync.changed', (sync) => pushed('sync', sync)),
          rpc.onLink((up) => {
            set({ linkUp: up });
            if (up) void get().refresh();
          }),
        ];
        if (get().linkUp) void get().refresh();
        return () => {
          for (const stop of stops) stop();
        };
      },

      async refresh() {
        const mine = ++refreshes;
        const before = { ...pushes };
        try {
          const [info, session, settings, sync] = await Promise.all([
            rpc.app.info(),
            rpc.session.get(),
            rpc.settings.get(),
            rpc.sync.status(),
          ]);
          if (mine !== refreshes) return;
          set({ info, loading: false, loadError: null });
          unlessPushed('session', before, session);
          unlessPushed('settings', before, settings);
          unlessPushed('sync', before, sync);
        } catch (error) {
          if (mine !== refreshes) return;
          const code = error instanceof RpcError ? error.code : 'internal';
          // A lost link is not a load error: the next relink loads again.
          if (code !== 'disconnected' && code !== 'cancelled') set({ loadError: code });
        }
      },

      async login(fields) {
        const before = { ...pushes };
        const session = await rpc.session.login(fields);
        unlessPushed('session', before, session);
        return session;
      },

      async logout() {
        const before = { ...pushes };
        await rpc.session.logout();
        unlessPushed('session', before, null);
      },

      async updateSettings(patch) {
        const before = { ...pushes };
        const settings = await rpc.settings.set(patch);
        unlessPushed('settings', before, settings);
        return settings;
      },
    };
  });
}
