import type { WebSocket } from 'ws';
import type { AuthSession } from '../accounts/service';

/** The part of a ws socket the hub and heartbeat touch; tests pass fakes. */
export type HubSocket = Pick<WebSocket, 'close' | 'terminate' | 'ping' | 'send'>;

export interface Connection {
  readonly socket: HubSocket;
  readonly userId: string;
  readonly tokenHash: string;
  readonly expiresAt: number;
  /** Cleared on each heartbeat ping, set again by the pong (or any frame). */
  alive: boolean;
  /** seq of the last row pushed on this socket: the next rows frame's `prev` (sync/push.ts) */
  pushedSeq: number;
}

/**
 * The open, authenticated sockets, indexed by user (to push to a person on all their
 * workstations) and by session (so signing out closes exactly that token's sockets).
 */
export class ConnectionHub {
  private readonly bySocket = new Map<HubSocket, Connection>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly bySession = new Map<string, Set<Connection>>();

  add(socket: HubSocket, session: AuthSession, pushedSeq = 0): Connection {
    const connection: Connection = {
      socket,
      userId: session.user.id,
      tokenHash: session.tokenHash,
      expiresAt: session.expiresAt,
      alive: true,
      pushedSeq,
    };
    this.bySocket.set(socket, connection);
    addTo(this.byUser, connection.userId, connection);
    addTo(this.bySession, connection.tokenHash, connection);
    return connection;
  }

  /** Forgets the socket; called from its 'close' event, so safe to call more than once. */
  remove(socket: HubSocket): void {
    const connection = this.bySocket.get(socket);
    if (!connection) return;
    this.bySocket.delete(socket);
    removeFrom(this.byUser, connection.userId, connection);
    removeFrom(this.bySession, connection.tokenHash, connection);
  }

  forUser(userId: string): Connection[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  all(): Connection[] {
    return [...this.bySocket.values()];
  }

  /**
   * Each connected user with their sockets, without copying: push walks it on every commit.
   * Safe against a socket removed meanwhile (a Map iterator skips deleted entries).
   */
  users(): IterableIterator<[string, ReadonlySet<Connection>]> {
    return this.byUser.entries();
  }

  get size(): number {
    return this.bySocket.size;
  }

  /** Closes every socket of one session; the 'close' events then remove them. */
  closeSession(tokenHash: string, code: number, reason: string): number {
    const connections = [...(this.bySession.get(tokenHash) ?? [])];
    for (const c of connections) c.socket.close(code, reason);
    return connections.length;
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.all()) c.socket.close(code, reason);
  }
}

function addTo<K>(index: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(connection);
}

function removeFrom<K>(index: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(connection);
  if (set.size === 0) index.delete(key);
}
