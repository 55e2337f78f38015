import WebSocket from 'ws';
import { WS_CLOSE_UNAUTHENTICATED, WsHelloSchema } from '../../../shared/api/auth';
import { backoffDelay } from '../../../shared/backoff';
import type { SyncStatus } from '../../../shared/domain/sync';
import type { EventHub } from '../rpc/eventHub';

const RECONNECT = { baseMs: 500, maxMs: 30_000 };
/** A hello must arrive this fast after the socket opens, or the link counts as down. */
const HELLO_TIMEOUT_MS = 10_000;

/** Who is told about the live link: the signed-in account's sync engine and outbox. */
export interface LinkListener {
  /** the server greeted: pull since the cursor, send the outbox */
  online(): void;
  /** every parsed frame after the hello (rows, events, mutation answers) */
  frame(frame: unknown): void;
}

export interface ServerLinkOptions {
  hub: EventHub;
  /** told when the server rejects the token: the session is over */
  onUnauthenticated: () => void;
  now?: () => number;
}

/**
 * The core's live connection to the server (the WebSocket the sync engine will push rows on).
 * It owns the online / offline state the windows show and reconnects with backoff and jitter.
 */
export class ServerLink {
  private socket: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private target: { serverUrl: string; token: string } | null = null;
  private current: SyncStatus;
  private readonly now: () => number;
  private listener: LinkListener | null = null;

  constructor(private readonly options: ServerLinkOptions) {
    this.now = options.now ?? Date.now;
    this.current = { state: 'signed_out', since: this.now() };
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Hands the live link to one account's sync engine (null: nobody listens). */
  listen(listener: LinkListener | null): void {
    this.listener = listener;
    if (listener && this.current.state === 'online') listener.online();
  }

  start(serverUrl: string, token: string): void {
    this.stop();
    this.target = { serverUrl, token };
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.target = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.on('error', () => {});
    socket?.terminate();
    this.setStatus({ state: 'signed_out' });
  }

  /**
   * Sends a live frame (typing) now, or drops it: live state is worth nothing later, so it is
   * never queued. True when it went out.
   */
  send(frame: object): boolean {
    if (this.current.state !== 'online' || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Skips the wait before the next attempt (the user pressed "reconnect", or the OS came back online). */
  retryNow(): void {
    if (!this.target || this.socket) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  private connect(): void {
    const target = this.target;
    if (!target) return;
    this.setStatus({ state: 'connecting' });
    const url = new URL('/api/ws', target.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${target.token}` }, handshakeTimeout: HELLO_TIMEOUT_MS });
    this.socket = socket;
    let lastError: string | undefined;
    const helloTimer = setTimeout(() => {
      lastError = 'the server did not greet in time';
      socket.terminate();
    }, HELLO_TIMEOUT_MS);

    socket.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (WsHelloSchema.safeParse(frame).success) {
        clearTimeout(helloTimer);
        this.attempt = 0;
        this.setStatus({ state: 'online' });
        this.listener?.online();
        return;
      }
      this.listener?.frame(frame);
    });
    socket.on('error', (error) => {
      lastError = error.message;
    });
    socket.on('close', (code) => {
      clearTimeout(helloTimer);
      if (this.socket !== socket) return;
      this.socket = null;
      if (code === WS_CLOSE_UNAUTHENTICATED) {
        this.options.onUnauthenticated();
        return;
      }
      this.scheduleReconnect(lastError ?? `connection closed (${code})`);
    });
  }

  private scheduleReconnect(reason: string): void {
    if (!this.target) return;
    const delay = backoffDelay(this.attempt++, RECONNECT);
    this.setStatus({ state: 'offline', lastError: reason, retryAt: this.now() + delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private setStatus(next: Omit<SyncStatus, 'since'>): void {
    const changed = next.state !== this.current.state || next.lastError !== this.current.lastError;
    this.current = { ...next, since: next.state === this.current.state ? this.current.since : this.now() };
    if (changed) this.options.hub.emit('sync.changed', this.current);
  }
}
