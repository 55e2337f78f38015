import type { SyncedEntity } from '../../shared/api/sync';
import { cannedSource } from '../canned/rows';
import { conversationsSource } from '../conversations/rows';
import { customersSource, ordersSource } from '../customers/rows';
import { kbSource } from '../kb/rows';
import { messagesSource } from '../messages/rows';
import { agentsSource, queuesSource, shopsSource, teamsSource } from '../org/rows';
import type { EntitySource } from './source';

/**
 * Every entity served by pull and push. Order matters only for ties, which cannot happen (seq is
 * unique); parents come first for readability. Tickets, follow-ups and QC flags join here.
 */
export const ENTITY_SOURCES: Record<SyncedEntity, EntitySource> = {
  shops: shopsSource,
  teams: teamsSource,
  queues: queuesSource,
  agents: agentsSource,
  customers: customersSource,
  orders: ordersSource,
  conversations: conversationsSource,
  messages: messagesSource,
  kb: kbSource,
  canned: cannedSource,
};

export const SYNCED_ENTITIES = Object.keys(ENTITY_SOURCES) as SyncedEntity[];
