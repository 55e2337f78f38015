import WebSocket from 'ws';

export interface WsResult {
  socket: WebSocket;
  /** resolves with the first message, parsed as JSON */
  firstMessage: Promise<unknown>;
  /** resolves with the close code and reason once the socket closes */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens GET /api/ws (or another socket path) on a test server, with an optional bearer token on the upgrade request. */
export function openWs(httpUrl: string, token?: string, path = '/api/ws'): WsResult {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const firstMessage = new Promise<unknown>((resolve, reject) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString()) as unknown));
    socket.once('close', (code) => reject(new Error(`closed (${code}) before any message`)));
  });
  firstMessage.catch(() => undefined); // a test that only awaits `closed` must not see an unhandled rejection
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('error', () => undefined); // failures surface through `closed`
  return { socket, firstMessage, closed };
}

/** A frame as received: parsed JSON with a `t`. */
export type Frame = { t: string } & Record<string, unknown>;

export interface WsCollector extends WsResult {
  /** every frame received so far, in order (the hello included) */
  frames: Frame[];
  /** resolves with the first frame (already received or still to come) that matches */
  next(match: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  send(frame: unknown): void;
  close(): Promise<void>;
}

/** Opens a socket that records every frame, for push and mutate tests. Resolves after the hello. */
export async function openCollector(httpUrl: string, token: string, path = '/api/ws'): Promise<WsCollector> {
  const ws = openWs(httpUrl, token, path);
  const frames: Frame[] = [];
  const waiters = new Set<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }>();
  ws.socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.delete(waiter);
        waiter.resolve(frame);
      }
    }
  });
  await ws.firstMessage;
  return {
    ...ws,
    frames,
    next(match, timeoutMs = 5000) {
      const seen = frames.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<Frame>((resolve, reject) => {
        const waiter = { match, resolve: (f: Frame) => (clearTimeout(timer), resolve(f)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('no matching frame in time'));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    send(frame) {
      ws.socket.send(JSON.stringify(frame));
    },
    async close() {
      ws.socket.close();
      await ws.closed;
    },
  };
}
