import type { SyncedEntity } from '../../shared/api/sync';
import { cannedSource } from '../canned/rows';
import { conversationsSource } from '../conversations/rows';
import { customersSource, ordersSource } from '../customers/rows';
import { followupsSource } from '../followups/rows';
import { kbSource } from '../kb/rows';
import { messagesSource } from '../messages/rows';
import { qcFlagsSource } from '../qc/rows';
import { reviewsSource } from '../reviews/rows';
import { agentsSource, queuesSource, shopsSource, teamsSource } from '../org/rows';
import { ticketEventsSource, ticketsSource } from '../tickets/rows';
import type { EntitySource } from './source';

/**
 * Every entity served by pull and push. Order matters only for ties, which cannot happen (seq is
 * unique); parents come first for readability. QC flags join here.
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
  tickets: ticketsSource,
  ticket_events: ticketEventsSource,
  followups: followupsSource,
  kb: kbSource,
  canned: cannedSource,
  qc_flags: qcFlagsSource,
  reviews: reviewsSource,
};

export const SYNCED_ENTITIES = Object.keys(ENTITY_SOURCES) as SyncedEntity[];
