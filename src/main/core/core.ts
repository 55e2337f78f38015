import { createDispatcher } from './rpc/dispatcher';
import { createRpcConnection, type RpcConnection } from './rpc/connection';
import { EventHub } from './rpc/eventHub';
import type { Handlers, WindowRef } from './rpc/handlers';
import type { CoreOptions } from './ports';
import { SettingsService } from './settings/settingsService';
import { SECRET_KEY as SESSION_SECRET_KEY, SessionService } from './session/sessionService';
import { ServerLink } from './sync/serverLink';
import { CACHE_KEYS_SECRET, CacheKeys } from './cache/cacheKeys';
import { cacheFilePath } from './cache/openCache';
import { workstationHandlers } from './rpc/workstationHandlers';
import { Workspace } from './workspace/workspace';

/** Every key the core keeps in its SecretStore: what a host hands over when the core runs in another process. */
export const CORE_SECRET_KEYS: readonly string[] = [SESSION_SECRET_KEY, CACHE_KEYS_SECRET];

export interface Core {
  readonly hub: EventHub;
  /** Opens the core end of one window's RPC link; `send` delivers core → window text frames. */
  connect(window: WindowRef, send: (text: string) => void): RpcConnection;
  close(): Promise<void>;
}

/**
 * The workstation core: plain Node, no Electron. Both hosts (the Electron shell and the browser
 * host) create one and connect each window to it through their own transport.
 */
export function createCore(options: CoreOptions): Core {
  const hub = new EventHub();
  const settings = new SettingsService(options.settings, hub, options.defaultServerUrl);
  const link: ServerLink = new ServerLink({ hub, onUnauthenticated: () => session.expire() });
  const session = new SessionService(options.secrets, hub, link);
  const cacheKeys = new CacheKeys(options.secrets);
  const cacheStatus = () => ({ keyCustody: options.cacheKeyCustody, reset: workspace?.cacheReset ?? null });

  // One workspace (cache file, sync engine, outbox) per signed-in account, swapped on every sign-in / out.
  let workspace: Workspace | null = null;
  const closing = new Set<Promise<void>>();
  const switchWorkspace = () => {
    if (workspace) {
      link.listen(null);
      const done = workspace.close().finally(() => closing.delete(done));
      closing.add(done);
      workspace = null;
    }
    const credentials = session.credentials();
    if (!credentials) return;
    try {
      workspace = new Workspace({
        ...credentials,
        file: cacheFilePath(options.dataDir, credentials.serverUrl, credentials.userId),
        keys: cacheKeys,
        hub,
        isOnline: () => link.status().state === 'online',
        sendLive: (frame) => link.send(frame),
      });
      link.listen(workspace);
      const reset = workspace.cacheReset;
      if (reset) {
        console.warn(`[core] the local cache could not be read (${reset.reason}); kept as ${reset.movedTo}, syncing a new one`);
        hub.emit('cache.changed', cacheStatus());
      }
    } catch (error) {
      // Signed in without a cache: sign-in still works, the workstation methods answer unauthenticated.
      console.error('[core] cannot open the local cache', error);
    }
  };
  hub.subscribe('session.changed', switchWorkspace);
  session.restore();
  switchWorkspace();

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Seatdesk',
      version: options.version,
      shell: options.shell,
      embeddedServerUrl: options.embeddedServerUrl,
    }),
    'session.get': () => session.current(),
    'session.login': async ({ serverUrl, username, password }, ctx) => {
      const info = await session.login(serverUrl, username, password, ctx.signal);
      // The server that accepted us is the one to offer next time.
      if (settings.get().serverUrl !== info.serverUrl) settings.set({ serverUrl: info.serverUrl });
      return info;
    },
    'session.logout': async () => {
      await session.logout();
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    'sync.status': () => link.status(),
    'cache.status': cacheStatus,
    ...workstationHandlers(() => workspace),
  };

  const dispatcher = createDispatcher({
    handlers,
    session: () => session.current(),
    onInternalError: (method, error) => console.error(`[core] ${method} failed`, error),
  });

  return {
    hub,
    connect(window, send) {
      return createRpcConnection({
        dispatcher,
        hub,
        window,
        send,
        onRejectedFrame: (reason) => console.warn(`[core] dropped ${reason} from ${window.id}`),
      });
    },
    async close() {
      link.stop();
      await workspace?.close();
      workspace = null;
      await Promise.all(closing);
    },
  };
}
