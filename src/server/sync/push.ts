import type { Commit, Writer } from '../db/writer';
import type { Connection, ConnectionHub } from '../realtime/hub';
import type { ScopeResolver } from '../scope/resolver';
import type { SyncService } from './service';

/**
 * Push (docs/sync-protocol.md): after every commit, each connected user gets the rows of that
 * commit they may see, read through the same scoped queries as pull, as one
 * `{t:'rows', rows, prev}` frame per socket. `prev` is the seq of the last row sent on that
 * socket (at first, the server's seq when it connected), so a client whose cursor is below
 * `prev` knows it missed rows and pulls.
 */
export function startPush(deps: { writer: Writer; hub: ConnectionHub; sync: SyncService; scopes: ScopeResolver }): () => void {
  const { writer, hub, sync, scopes } = deps;
  return writer.onCommit((commit: Commit) => {
    const byUser = new Map<string, Connection[]>();
    for (const connection of hub.all()) {
      const list = byUser.get(connection.userId) ?? [];
      list.push(connection);
      byUser.set(connection.userId, list);
    }
    for (const [userId, connections] of byUser) {
      const scope = scopes.scopeFor(userId);
      if (!scope) continue;
      const rows = sync.rowsInRange(scope, commit.from - 1, commit.to, commit.entities);
      const last = rows[rows.length - 1];
      if (!last) continue;
      // Serialised once per user; only `prev` differs between their sockets.
      const rowsJson = JSON.stringify(rows);
      for (const connection of connections) {
        const frame = `{"t":"rows","prev":${connection.pushedSeq},"rows":${rowsJson}}`;
        connection.pushedSeq = last.seq;
        try {
          connection.socket.send(frame);
        } catch {
          // A socket closing under us: its client reconnects and pulls.
        }
      }
    }
  });
}
