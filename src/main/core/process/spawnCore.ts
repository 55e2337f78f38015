import { MAX_FRAME_CHARS, type ServerFrame } from '../../../shared/rpc/protocol';
import { CORE_SECRET_KEYS, type Core } from '../core';
import type { SecretStore, SettingsStore } from '../ports';
import type { RpcConnection } from '../rpc/connection';
import type { WindowRef } from '../rpc/handlers';
import { FromCoreSchema, type CorePort, type CoreProcessOptions, type FromCore, type ToCore } from './protocol';

/** One running core process as the parent sees it (Node's fork or Electron's utility process). */
export interface CoreChild extends CorePort {
  onExit(listener: (code: number | null) => void): void;
  /** ends the process at once */
  kill(): void;
}

export interface CoreLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface SpawnCoreOptions {
  options: CoreProcessOptions;
  /** the real stores; they stay in this process and receive every write the core makes */
  settings: SettingsStore;
  secrets: SecretStore;
  /** starts a core process; called again after each crash */
  fork(): CoreChild;
  log: CoreLog;
  /** waits before each restart after a crash; the last one repeats */
  restartDelaysMs?: readonly number[];
  /** how long quitting waits for the core to flush and close before it is killed */
  closeTimeoutMs?: number;
}

/** What the transports need from a core, wherever it runs. */
export type CoreHandle = Pick<Core, 'connect' | 'close'>;

const RESTART_DELAYS_MS = [250, 1000, 4000, 15_000];
// A core that stayed up this long after a crash is healthy again: the next crash restarts fast.
const STABLE_MS = 30_000;
// Frames held while the core (re)starts; past this, calls fail at once rather than pile up.
const MAX_QUEUED_FRAMES = 2000;
const MAX_TRACKED_SUBSCRIPTIONS = 256;
// The child writes answers with JSON.stringify({ t, id, r }): the id is read without parsing the result.
const ANSWER_ID = /^\{"t":"res","id":(\d{1,16}),/;

interface WindowLink {
  window: WindowRef;
  send: (text: string) => void;
  /** calls sent to the core and not answered yet: they fail if the core goes away */
  calls: Set<number>;
  /** what the window subscribed to: renewed with a restarted core */
  subscriptions: Set<string>;
}

function failure(id: number, message: string): string {
  return JSON.stringify({ t: 'res', id, r: { ok: false, code: 'internal', message } } satisfies ServerFrame);
}

/**
 * Follows a window's own frames (calls, cancels, subscriptions) so a core restart can be handled
 * for it. Returns the id of a call.
 */
function track(link: WindowLink, text: string): number | null {
  if (text.length > MAX_FRAME_CHARS) return null;
  let frame: { t?: unknown; id?: unknown; e?: unknown };
  try {
    frame = JSON.parse(text) as typeof frame;
  } catch {
    return null;
  }
  if (typeof frame !== 'object' || frame === null) return null;
  const id = Number.isSafeInteger(frame.id) && (frame.id as number) >= 0 ? (frame.id as number) : null;
  const event = typeof frame.e === 'string' && frame.e.length <= 100 ? frame.e : null;
  if (frame.t === 'call' && id !== null) link.calls.add(id);
  else if (frame.t === 'cancel' && id !== null) link.calls.delete(id);
  else if (frame.t === 'sub' && event && link.subscriptions.size < MAX_TRACKED_SUBSCRIPTIONS) link.subscriptions.add(event);
  else if (frame.t === 'unsub' && event) link.subscriptions.delete(event);
  return frame.t === 'call' ? id : null;
}

/**
 * Runs the core in a process of its own and gives the transports the same `connect` / `close`
 * as an in-process core. Frames pass through as text. The parent keeps the stores: it sends
 * their contents at each start and persists every write the core reports. If the core process
 * dies, the windows' open calls fail with a clear error, and a new core starts (with backoff)
 * on the same cache, with every window connected and subscribed again.
 */
export function spawnCore(spawn: SpawnCoreOptions): CoreHandle {
  const { log } = spawn;
  const delays = spawn.restartDelaysMs ?? RESTART_DELAYS_MS;
  const windows = new Map<string, WindowLink>();
  const queue: ToCore[] = [];
  let child: CoreChild | null = null;
  let ready = false;
  let readyAt = 0;
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;
  let onExited: (() => void) | null = null;

  const post = (message: ToCore) => {
    try {
      child?.postMessage(message);
    } catch (error) {
      log.error('could not reach the core process', error);
    }
  };

  function failCalls(link: WindowLink, ids: Iterable<number>, message: string): void {
    for (const id of ids) {
      link.calls.delete(id);
      try {
        link.send(failure(id, message));
      } catch {
        // the window is gone already
      }
    }
  }

  function persist(message: Extract<FromCore, { t: 'settings' | 'secret' }>): void {
    try {
      if (message.t === 'settings') spawn.settings.write(message.value);
      else spawn.secrets.set(message.key, message.value);
    } catch (error) {
      log.error(`could not store the core's ${message.t}`, error);
    }
  }

  function onMessage(raw: unknown): void {
    const parsed = FromCoreSchema.safeParse(raw);
    if (!parsed.success) return log.warn('dropped a message from the core process that is not of the core protocol');
    const message = parsed.data;
    switch (message.t) {
      case 'ready':
        ready = true;
        readyAt = Date.now();
        for (const link of windows.values()) {
          post({ t: 'connect', w: link.window.id, kind: link.window.kind });
          for (const event of link.subscriptions) post({ t: 'frame', w: link.window.id, text: JSON.stringify({ t: 'sub', e: event }) });
        }
        for (const queued of queue.splice(0)) post(queued);
        return;
      case 'frame': {
        const link = windows.get(message.w);
        if (!link) return;
        const answered = ANSWER_ID.exec(message.text)?.[1];
        if (answered !== undefined) link.calls.delete(Number(answered));
        try {
          link.send(message.text);
        } catch (error) {
          log.warn(`could not deliver a frame to ${message.w}: ${String(error)}`);
        }
        return;
      }
      case 'settings':
      case 'secret':
        return persist(message);
      case 'closed':
        return onClosed?.();
    }
  }

  function onExit(code: number | null): void {
    child = null;
    ready = false;
    if (closing) return onExited?.();
    if (readyAt > 0 && Date.now() - readyAt >= STABLE_MS) crashes = 0;
    const delay = delays[Math.min(crashes, delays.length - 1)] ?? 1000;
    crashes += 1;
    log.error(`the core process exited unexpectedly (code ${code}); restarting in ${delay} ms`);
    // A write may have been stored (its outbox entry survives) before the core died: say so.
    const lost = 'the workstation core stopped unexpectedly and is restarting; this call may or may not have taken effect';
    for (const link of windows.values()) failCalls(link, [...link.calls], lost);
    // Held frames go too: their calls were just failed and must not run later behind the
    // window's back; subscriptions are renewed from what each window keeps.
    queue.length = 0;
    restartTimer = setTimeout(start, delay);
  }

  function start(): void {
    let current: CoreChild;
    try {
      current = spawn.fork();
    } catch (error) {
      log.error('could not start the core process', error);
      return onExit(null);
    }
    child = current;
    readyAt = 0;
    current.on('message', (raw) => {
      if (child === current) onMessage(raw);
    });
    current.onExit((code) => {
      if (child === current) onExit(code);
    });
    const secrets: Record<string, string> = {};
    for (const key of CORE_SECRET_KEYS) {
      const value = spawn.secrets.get(key);
      if (value !== null) secrets[key] = value;
    }
    post({ t: 'init', options: spawn.options, settings: spawn.settings.read(), secrets });
  }

  async function shutdown(timeoutMs: number): Promise<void> {
    clearTimeout(restartTimer);
    queue.length = 0;
    const current = child;
    if (!current) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = (ms: number) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    const exited = new Promise<void>((resolve) => (onExited = resolve));
    const closed = new Promise<void>((resolve) => (onClosed = resolve));
    post({ t: 'close' });
    await Promise.race([closed, exited, timeout(timeoutMs)]);
    clearTimeout(timer);
    if (child === current) {
      current.kill();
      await Promise.race([exited, timeout(1000)]);
      clearTimeout(timer);
    }
  }

  start();
  return {
    connect(window, send): RpcConnection {
      const link: WindowLink = { window, send, calls: new Set(), subscriptions: new Set() };
      windows.set(window.id, link);
      if (ready) post({ t: 'connect', w: window.id, kind: window.kind });
      const current = () => windows.get(window.id) === link && !closing;
      return {
        receive(raw) {
          if (!current()) return;
          const text = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? new TextDecoder().decode(raw) : null;
          if (text === null) return;
          const call = track(link, text);
          const message: ToCore = { t: 'frame', w: window.id, text };
          if (ready) post(message);
          else if (queue.length < MAX_QUEUED_FRAMES) queue.push(message);
          // The core has been away for long: answer the call now instead of holding it.
          else if (call !== null) failCalls(link, [call], 'the workstation core is restarting; this call was not run');
        },
        close() {
          if (windows.get(window.id) !== link) return;
          windows.delete(window.id);
          if (ready) post({ t: 'disconnect', w: window.id });
        },
      };
    },
    close() {
      closing ??= shutdown(spawn.closeTimeoutMs ?? 5000);
      return closing;
    },
  };
}
