import type { SyncedEntity } from '../../shared/api/sync';
import type { Commit, Writer } from '../db/writer';
import type { ConnectionHub } from '../realtime/hub';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import type { SyncService } from './service';

/**
 * Entities an agent (not a lead or admin) sees only in conversations they take or took part in
 * (scope/predicates.ts: both go through the participants list). A commit touching nothing else
 * (a chat message and its conversation: most commits) can skip every other agent unread.
 */
const CONVERSATION_BOUND: ReadonlySet<SyncedEntity> = new Set(['messages', 'conversations']);

/**
 * Push (docs/sync-protocol.md): after every commit, each connected user gets the rows of that
 * commit they may see, read through the same scoped queries as pull, as one
 * `{t:'rows', rows, prev}` frame per socket. `prev` is the seq of the last row sent on that
 * socket (at first, the server's seq when it connected), so a client whose cursor is below
 * `prev` knows it missed rows and pulls.
 *
 * With many agents connected, reading every user's scope for every commit cost
 * O(users × commit); for a commit of conversation-bound rows only, agents who are not in those
 * conversations are ruled out with one query (leads and admins are still read in full).
 */
export function startPush(deps: { writer: Writer; hub: ConnectionHub; sync: SyncService; scopes: ScopeResolver }): () => void {
  const { writer, hub, sync, scopes } = deps;
  return writer.onCommit((commit: Commit) => {
    const mayConcern = audienceOf(commit, sync);
    for (const [userId, connections] of hub.users()) {
      const scope = scopes.scopeFor(userId);
      if (!scope || !mayConcern(scope)) continue;
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

/** Whether a user could see anything of the commit: a cheap superset test before the scoped read. */
function audienceOf(commit: Commit, sync: SyncService): (scope: Scope) => boolean {
  if (![...commit.entities].every((entity) => CONVERSATION_BOUND.has(entity))) return () => true;
  let participants: Set<string> | null = null;
  return (scope) => {
    if (scope.audience === 'lead' || scope.audience === 'admin') return true;
    participants ??= sync.participantsInRange(commit.from - 1, commit.to);
    return participants.has(scope.userId);
  };
}
