import type { TicketPriority } from '../../schema';

/*
 * Dialogue templates. A thread is one coherent exchange (what the customer is stuck on, what the
 * agent asks, the answer, the resolution, the internal note), so lines never contradict each
 * other. Lines may hold placeholders the builder fills in:
 * {name} customer nickname, {agent} agent display name, {order} order id, {item} the order line
 * the thread is about, {amount} order total, {carrier} / {tracking} parcel, {date} order date,
 * {shop} shop name, {city} the customer's city, {tail} last four digits of the customer's phone.
 * A thread whose lines use {carrier} only goes with orders that have a parcel.
 */

/** Which order a conversation topic needs, by the order's status and age at the time of the chat. */
export type OrderNeed = 'none' | 'inTransit' | 'received' | 'refund' | 'any';

export interface ThreadTicket {
  title: string;
  priority: TicketPriority;
}

/** One exchange on a platform topic. */
export interface Thread {
  /** Title of the KB article the customer's question is about; the bot answers from it. */
  article: string;
  stuck: string;
  probe: string;
  answer: string;
  resolve: string;
  note: string;
  /** The order must hold an item whose name contains one of these. */
  items?: string[];
  /** What the ticket is called when this exchange ends in one. */
  ticket?: ThreadTicket;
}

/** A platform topic (a KB category) handled in one queue. */
export interface TopicDialogue {
  category: string;
  queue: 'account' | 'trade' | 'content';
  /** Relative frequency among the queue's conversations. */
  weight: number;
  order: OrderNeed;
  /** Share of human-handled conversations with a ticketed thread that end in a ticket. */
  ticketChance: number;
  threads: Thread[];
}

/** One exchange with a shop. */
export interface ShopThread {
  /** Customer openers. */
  ask: string[];
  probe: string;
  answer: string;
  resolve: string;
  note: string;
  items?: string[];
}

/** A shop conversation subject, bound to one of the shop's KB articles. */
export interface ShopScenario {
  category: string;
  /** Title of the shop article the bot answers from. */
  article: string;
  order: OrderNeed;
  threads: ShopThread[];
  /** What a platform agent says after an escalation. */
  platform: string[];
  ticket?: ThreadTicket & { chance: number };
  /** Complaints carrying a sensitive keyword (投诉, 假货 …), used now and then. */
  angry?: string[];
}
