import WebSocket from 'ws';

export interface WsResult {
  socket: WebSocket;
  /** resolves with the first message, parsed as JSON */
  firstMessage: Promise<unknown>;
  /** resolves with the close code and reason once the socket closes */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens GET /api/ws on a test server, with an optional bearer token on the upgrade request. */
export function openWs(httpUrl: string, token?: string): WsResult {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/api/ws`, {
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
