import { reconnectDelay } from './backoff';
import type { LinkedTransport } from './linkedTransport';

/** A connection that stayed open this long was a real link: the backoff starts over after it. */
export const STABLE_LINK_MS = 1_000;

/** WebSocket.OPEN, spelled out so the module loads where no WebSocket global exists (tests). */
const OPEN = 1;

export interface WsTransportDeps {
  createSocket: (url: string) => WebSocket;
  random: () => number;
  now: () => number;
}

const defaultDeps: WsTransportDeps = {
  createSocket: (url) => new WebSocket(url),
  random: Math.random,
  now: () => Date.now(),
};

/**
 * The browser-mode transport: one WebSocket to the host, reopened with backoff whenever it drops.
 *
 * Frames sent while the socket is not open are held and flushed when it opens, so calls made while
 * (re)connecting go through. Every close discards what was held and reports the link down, which
 * makes the client fail its pending calls: nothing sent before a `down` is delivered after it, so
 * a call reported as failed never runs later behind the caller's back.
 */
export function createWsTransport(url: string, deps: Partial<WsTransportDeps> = {}): LinkedTransport {
  const { createSocket, random, now } = { ...defaultDeps, ...deps };
  let receiver: (text: string) => void = () => {};
  const linkListeners = new Set<(up: boolean) => void>();
  let socket: WebSocket | null = null;
  let up = false;
  let openedAt = 0;
  let failures = 0;
  let held: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const emit = (value: boolean) => {
    for (const listener of [...linkListeners]) listener(value);
  };

  function connect() {
    timer = undefined;
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch {
      // A malformed address throws synchronously; treat it like a failed attempt.
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      up = true;
      openedAt = now();
      const frames = held;
      held = [];
      for (const frame of frames) ws.send(frame);
      emit(true);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (socket === ws && typeof event.data === 'string') receiver(event.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (up && now() - openedAt >= STABLE_LINK_MS) failures = 0;
      up = false;
      held = [];
      emit(false);
      scheduleReconnect();
    };
    // An error is always followed by a close, which does the work.
    ws.onerror = () => {};
  }

  function scheduleReconnect() {
    if (stopped) return;
    timer = setTimeout(connect, reconnectDelay(failures, random));
    failures += 1;
  }

  connect();

  return {
    send(text) {
      if (up && socket?.readyState === OPEN) socket.send(text);
      else held.push(text);
    },
    onFrame(next) {
      receiver = next;
    },
    onLink(listener) {
      linkListeners.add(listener);
    },
    isUp: () => up,
    close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      const ws = socket;
      socket = null;
      up = false;
      held = [];
      ws?.close();
    },
  };
}
