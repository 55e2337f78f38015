import { createCore, type Core } from '../core';
import type { RpcConnection } from '../rpc/connection';
import { ToCoreSchema, type CorePort, type FromCore } from './protocol';
import { snapshotSecretStore, snapshotSettingsStore } from './snapshotStores';

export interface CoreProcess {
  /** resolves once the core closed after the parent asked (or `shutdown` was called) */
  readonly closed: Promise<void>;
  /** closes the core as if the parent had asked, e.g. when the parent went away */
  shutdown(): Promise<void>;
}

/**
 * The child end: creates the core on the parent's `init` and runs each window's connection by
 * the window id the parent gives. Messages that do not fit the protocol are dropped with a log
 * line, so a garbled message never takes the core down.
 */
export function serveCore(port: CorePort): CoreProcess {
  let core: Core | null = null;
  let closing: Promise<void> | null = null;
  const connections = new Map<string, RpcConnection>();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const post = (message: FromCore) => port.postMessage(message);

  const disconnect = (id: string) => {
    connections.get(id)?.close();
    connections.delete(id);
  };

  const shutdown = () => {
    closing ??= (async () => {
      for (const id of [...connections.keys()]) disconnect(id);
      try {
        await core?.close();
      } catch (error) {
        console.error('[core] closing failed', error);
      }
      post({ t: 'closed' });
      resolveClosed();
    })();
    return closing;
  };

  port.on('message', (raw) => {
    const parsed = ToCoreSchema.safeParse(raw);
    if (!parsed.success) return console.warn(`[core] dropped a message that is not of the core protocol: ${parsed.error.issues[0]?.path.join('.') || 't'}`);
    const message = parsed.data;
    if (closing) return;
    if (message.t === 'init') {
      if (core) return console.warn('[core] dropped a second init');
      core = createCore({
        ...message.options,
        settings: snapshotSettingsStore(message.settings, (value) => post({ t: 'settings', value: { ...value } })),
        secrets: snapshotSecretStore(message.secrets, (key, value) => post({ t: 'secret', key, value })),
      });
      post({ t: 'ready' });
      return;
    }
    if (message.t === 'close') return void shutdown();
    if (!core) return console.warn(`[core] dropped ${message.t} before init`);
    switch (message.t) {
      case 'connect': {
        disconnect(message.w);
        const window = message.w;
        connections.set(window, core.connect({ id: window, kind: message.kind }, (text) => post({ t: 'frame', w: window, text })));
        return;
      }
      case 'frame':
        return connections.get(message.w)?.receive(message.text);
      case 'disconnect':
        return disconnect(message.w);
    }
  });

  return { closed, shutdown };
}
