import type { SyncedEntity, SyncRow } from '../../shared/api/sync';
import type { Commit, Writer } from '../db/writer';
import type { ConnectionHub } from '../realtime/hub';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import type { RowRef, SyncService } from './service';

/**
 * Entities an agent (not a lead or admin) sees only in conversations they take or took part in
 * (scope/predicates.ts: both go through the participants list). For a commit touching nothing
 * else (a chat message and its conversation: most commits), an agent's rows are among those of
 * their own conversations.
 */
const CONVERSATION_BOUND: ReadonlySet<SyncedEntity> = new Set(['messages', 'conversations']);

/**
 * Past this many rows of their own in one commit (a long history re-stamped when they took the
 * chat), an agent's rows are read as the range, one query, rather than one query per row.
 */
const MAX_READ_BY_ID = 64;

/**
 * Push (docs/sync-protocol.md): after every commit, each connected user gets the rows of that
 * commit they may see, read through the same scoped queries as pull, as one
 * `{t:'rows', rows, prev}` frame per socket. `prev` is the seq of the last row sent on that
 * socket (at first, the server's seq when it connected), so a client whose cursor is below
 * `prev` knows it missed rows and pulls.
 *
 * With many agents connected, reading every user's scope over the commit's whole range cost
 * O(agents × rows): a group commit of 32 chats read its ~100 rows for each of their 32 agents
 * (the largest item of the server's profile under the full load, docs/benchmarks.md). For a
 * commit of conversation-bound rows, one query lists which of its rows belong to whose
 * conversations, and each agent reads back (scoped, like pull) only those; leads and admins
 * still read the range.
 */
export function startPush(deps: { writer: Writer; hub: ConnectionHub; sync: SyncService; scopes: ScopeResolver }): () => void {
  const { writer, hub, sync, scopes } = deps;
  return writer.onCommit((commit: Commit) => {
    const rowsOf = commitReader(commit, sync);
    for (const [userId, connections] of hub.users()) {
      const scope = scopes.scopeFor(userId);
      const rows = scope ? rowsOf(scope) : [];
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

/** The rows of the commit a user may see, in seq order. */
function commitReader(commit: Commit, sync: SyncService): (scope: Scope) => SyncRow[] {
  const range = (scope: Scope) => sync.rowsInRange(scope, commit.from - 1, commit.to, commit.entities);
  if (![...commit.entities].every((entity) => CONVERSATION_BOUND.has(entity))) return range;
  let concerned: Map<string, RowRef[]> | null = null;
  return (scope) => {
    if (scope.audience === 'lead' || scope.audience === 'admin') return range(scope);
    concerned ??= sync.participantRowsInRange(commit.from - 1, commit.to);
    const refs = concerned.get(scope.userId);
    if (!refs) return [];
    if (refs.length > MAX_READ_BY_ID) return range(scope);
    // Read back as they are now: a row a listener changed again during this announcement has a
    // later seq and goes out with that later commit, as the range read would leave it too.
    return sync.rowsFor(scope, refs).filter((row) => row.seq <= commit.to);
  };
}
