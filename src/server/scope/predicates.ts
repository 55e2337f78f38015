import type { SyncedEntity } from '../../shared/api/sync';
import type { SqlValue } from '../db/sqlite';
import { isMerchant, type Scope } from './scope';

/*
 * The scope table of docs/sync-protocol.md as SQL: for each entity, a condition on the row
 * (table alias `t`) that holds when the scoped user may see it. Memberships are read through
 * subqueries, so a change of teams takes effect in the same transaction that makes it.
 * Plain SQL (IN / EXISTS / UNION), valid in SQLite and PostgreSQL alike.
 */

export interface SqlFilter {
  sql: string;
  params: Record<string, SqlValue>;
}

const MY_TEAMS = 'SELECT team_id FROM team_members WHERE user_id = @scope_uid';

/** Ids of conversations the user is or was a participant of, plus (leads) those that passed through their teams' queues. */
function conversationIds(scope: Scope): string {
  const participated = 'SELECT conversation_id FROM conversation_participants WHERE user_id = @scope_uid';
  if (scope.audience !== 'lead') return participated;
  return `${participated} UNION SELECT cq.conversation_id FROM conversation_queues cq
    JOIN queue_teams cqt ON cqt.queue_id = cq.queue_id
    WHERE cqt.team_id IN (${MY_TEAMS})`;
}

/** Visible conversations as an id subquery; merchant users only within their own shop. */
function visibleConversations(scope: Scope): string {
  const ids = conversationIds(scope);
  return isMerchant(scope) ? `SELECT sc.id FROM conversations sc WHERE sc.id IN (${ids}) AND sc.shop_id = @scope_shop` : ids;
}

/**
 * Conversation `ref` (an SQL expression on the row) is visible. A lead's visible set is whole
 * queues, and `IN (set)` builds that set before reading a single row: every push of one message
 * to a lead cost a scan of the queue's history (11 ms at 200k messages, growing with it). For
 * leads the condition is asked per row instead, through the participants', queue visits' and
 * queue teams' primary keys; an agent's set (their own chats) stays a set, which their pull
 * plans start from.
 */
function conversationVisible(scope: Scope, ref: string): string {
  if (scope.audience !== 'lead') return `${ref} IN (${visibleConversations(scope)})`;
  // The queue test first: it holds for nearly every row a lead sees, so OR stops there (a lead's
  // pull read ~8% less CPU than asking the participants first).
  const visible = `(EXISTS (SELECT 1 FROM conversation_queues cq JOIN queue_teams cqt ON cqt.queue_id = cq.queue_id
      WHERE cq.conversation_id = ${ref} AND cqt.team_id IN (${MY_TEAMS}))
    OR EXISTS (SELECT 1 FROM conversation_participants scp WHERE scp.conversation_id = ${ref} AND scp.user_id = @scope_uid))`;
  return isMerchant(scope)
    ? `(${visible} AND EXISTS (SELECT 1 FROM conversations sc WHERE sc.id = ${ref} AND sc.shop_id = @scope_shop))`
    : visible;
}

/** Customer `ref` has a visible conversation; for leads asked per row too (conversations_by_customer). */
function customerVisible(scope: Scope, ref: string): string {
  if (scope.audience !== 'lead') return `${ref} IN (SELECT svc.customer_id FROM conversations svc WHERE svc.id IN (${visibleConversations(scope)}))`;
  return `EXISTS (SELECT 1 FROM conversations svc WHERE svc.customer_id = ${ref} AND ${conversationVisible(scope, 'svc.id')})`;
}

/**
 * Tickets (alias `alias`) the user works on: assigned to or created by them, or held by one of
 * their teams (departments); a lead's teams are theirs too. Merchant users: own shop only.
 */
function visibleTickets(scope: Scope, alias: string): string {
  const mine = `(${alias}.assignee_id = @scope_uid OR ${alias}.creator_id = @scope_uid OR ${alias}.department_team_id IN (${MY_TEAMS}))`;
  return isMerchant(scope) ? `(${mine} AND ${alias}.shop_id = @scope_shop)` : mine;
}

function predicate(entity: SyncedEntity, scope: Scope): string {
  if (scope.audience === 'admin') return '1 = 1';
  const merchant = isMerchant(scope);
  switch (entity) {
    case 'teams':
      return `t.id IN (${MY_TEAMS})`;
    case 'shops':
      return `(t.id = @scope_shop OR t.id IN (SELECT st.shop_id FROM teams st WHERE st.id IN (${MY_TEAMS})))`;
    case 'queues':
      return scope.audience === 'merchant_agent'
        ? 't.shop_id = @scope_shop'
        : `t.id IN (SELECT sqt.queue_id FROM queue_teams sqt WHERE sqt.team_id IN (${MY_TEAMS}))`;
    case 'agents':
      if (scope.audience === 'merchant_agent') return 't.shop_id = @scope_shop';
      if (scope.audience === 'platform_agent') {
        return `t.id IN (SELECT stm.user_id FROM team_members stm JOIN teams st ON st.id = stm.team_id WHERE st.kind = 'platform')`;
      }
      return `t.id IN (SELECT stm.user_id FROM team_members stm WHERE stm.team_id IN (${MY_TEAMS}))`;
    case 'conversations':
      return conversationVisible(scope, 't.id');
    case 'messages':
      // Merchant users never receive platform-side notes (e.g. those written after an escalation).
      return `${conversationVisible(scope, 't.conversation_id')}${merchant ? ' AND t.platform_only = 0' : ''}`;
    case 'customers':
      return customerVisible(scope, 't.id');
    case 'orders':
      return `${customerVisible(scope, 't.customer_id')}${
        merchant ? ' AND t.shop_id = @scope_shop' : ''
      }`;
    case 'kb': {
      const byTeam = `t.id IN (SELECT skt.article_id FROM kb_article_teams skt WHERE skt.team_id IN (${MY_TEAMS}))`;
      return merchant ? `(${byTeam} OR t.shop_id = @scope_shop)` : byTeam;
    }
    case 'tickets':
      return visibleTickets(scope, 't');
    case 'ticket_events':
      return `t.ticket_id IN (SELECT stk.id FROM tickets stk WHERE ${visibleTickets(scope, 'stk')})`;
    case 'followups':
      // Agents see their own; a lead also those of the agents of their teams.
      return scope.audience === 'lead'
        ? `(t.agent_id = @scope_uid OR t.agent_id IN (SELECT sfm.user_id FROM team_members sfm WHERE sfm.team_id IN (${MY_TEAMS})))`
        : 't.agent_id = @scope_uid';
    case 'canned':
      return `((t.scope = 'team' AND t.team_id IN (${MY_TEAMS})) OR (t.scope = 'personal' AND t.owner_id = @scope_uid))`;
    case 'qc_flags':
      // Agents see the flags on their own messages; a lead those of their teams' conversations.
      return scope.audience === 'lead' ? conversationVisible(scope, 't.conversation_id') : 't.agent_id = @scope_uid';
    case 'reviews':
      // Verdicts are for those who judge: the reviewer, and a lead every verdict on their teams' conversations.
      return scope.audience === 'lead' ? `(t.reviewer_id = @scope_uid OR ${conversationVisible(scope, 't.conversation_id')})` : 't.reviewer_id = @scope_uid';
  }
}

/** The visibility condition for `entity` rows (alias `t`) and the parameters it binds. */
export function visibleFilter(entity: SyncedEntity, scope: Scope): SqlFilter {
  return { sql: predicate(entity, scope), params: { scope_uid: scope.userId, scope_shop: scope.shopId } };
}
