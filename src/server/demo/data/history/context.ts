import { CITIES } from '../content/people';
import type { Rng } from '../random';
import type { Agent, Customer, DemoReference, KbArticle, Order, Queue, QueueHours, TicketPriority } from '../schema';
import type { OrderNeed } from '../content/dialogue/types';
import { cstDayStart, cstMonthDay, DAY, HOUR, MINUTE } from '../time';
import { yuanText, type Vars } from '../text';

/** A ticket before its id is known; conversations refer to it as #TICKET<index># until then. */
export interface DraftTicket {
  index: number;
  conversation?: { id?: string };
  customerId: string;
  orderId?: string;
  title: string;
  department: string;
  category: string;
  priority: TicketPriority;
  createdAt: number;
  createdBy: string;
  /** First timeline line of a ticket that did not come from a chat. */
  createdNote?: string;
}

/** Everything the conversation writers share: the reference data, indexed, and the tickets drafted so far. */
export class HistoryContext {
  readonly queues = new Map<string, Queue>();
  readonly teamNames = new Map<string, string>();
  readonly shopNames = new Map<string, string>();
  readonly articlesByTitle = new Map<string, KbArticle>();
  readonly tickets: DraftTicket[] = [];
  private readonly staff = new Map<string, (readonly [Agent, number])[]>();
  private readonly customerWeights: (readonly [Customer, number])[];
  private readonly customersById = new Map<string, Customer>();
  private readonly orders: Order[];

  constructor(
    readonly rng: Rng,
    readonly ref: DemoReference,
    readonly anchor: number,
  ) {
    for (const q of ref.org.queues) this.queues.set(q.id, q);
    for (const t of ref.org.teams) this.teamNames.set(t.id, t.name);
    for (const s of ref.org.shops) this.shopNames.set(s.id, s.name);
    for (const a of ref.kb.articles) {
      this.articlesByTitle.set(a.title, a);
    }
    // Who takes chats, and how busy: leads now and then, the demo `agent` account a little more than most.
    for (const a of ref.org.agents) {
      if (a.role === 'admin') continue;
      const weight = a.role === 'lead' ? 0.2 : a.username === 'agent' || a.username === 'shop' ? 1.6 : 0.7 + rng.next() * 0.6;
      for (const teamId of a.teamIds) this.staff.set(teamId, [...(this.staff.get(teamId) ?? []), [a, weight] as const]);
    }
    this.customerWeights = ref.customers.customers.map((c) => [c, c.level === 'VIP' ? 2.5 : c.level === 'KOC' ? 2 : 1] as const);
    for (const c of ref.customers.customers) this.customersById.set(c.id, c);
    this.orders = ref.customers.orders;
  }

  queue(id: string): Queue {
    const q = this.queues.get(id);
    if (!q) throw new Error(`no queue ${id}`);
    return q;
  }

  customer(id: string): Customer {
    const c = this.customersById.get(id);
    if (!c) throw new Error(`no customer ${id}`);
    return c;
  }

  /** Someone of the team to handle a chat or a ticket. */
  pickAgent(teamId: string): Agent {
    const members = this.staff.get(teamId);
    if (!members?.length) throw new Error(`team ${teamId} has nobody`);
    return this.rng.weighted(members);
  }

  /** A customer who already had an account at `at`. */
  pickCustomer(at: number): Customer {
    for (let tries = 0; tries < 50; tries++) {
      const c = this.rng.weighted(this.customerWeights);
      if (c.createdAt < at) return c;
    }
    const fallback = this.ref.customers.customers.find((c) => c.createdAt < at);
    if (!fallback) throw new Error('no customer existed yet');
    return fallback;
  }

  /**
   * An order a customer would be asking about at `at`: fits the need's status and age window, is
   * from `shopId` when given, holds an item named like one of `items`, and has a parcel when the
   * lines mention one. Returns it with the item the conversation is about.
   */
  pickOrder(need: OrderNeed, at: number, want: { shopId?: string; items?: string[]; parcel?: boolean } = {}): { order: Order; item: string } | undefined {
    if (need === 'none') return undefined;
    const [minDays, maxDays, statuses] = ORDER_WINDOWS[need];
    const fits: { order: Order; item: string }[] = [];
    for (const o of this.orders) {
      const age = (at - o.createdAt) / DAY;
      if (age < minDays || age > maxDays || !statuses.includes(o.status)) continue;
      if (want.shopId !== undefined && o.shopId !== want.shopId) continue;
      if (want.parcel && !o.carrier) continue;
      const item = want.items ? o.items.find((it) => want.items?.some((w) => it.name.includes(w))) : o.items[0];
      if (item) fits.push({ order: o, item: item.name });
    }
    return fits.length ? this.rng.pick(fits) : undefined;
  }

  /** The article a template names by title. */
  article(title: string, shopId?: string): KbArticle {
    const a = this.articlesByTitle.get(title);
    if (!a || a.shopId !== shopId) throw new Error(`no ${shopId ?? 'platform'} article titled "${title}"`);
    return a;
  }

  /** Placeholder values about the customer, the order and the agent. */
  vars(customer: Customer, order: Order | undefined, item: string | undefined, agent: Agent | undefined, extra: Vars = {}): Vars {
    const city = CITIES.find((c) => customer.address?.includes(c.city))?.city ?? this.rng.pick(CITIES).city;
    return {
      name: customer.name,
      tail: customer.phone.slice(-4),
      city,
      agent: agent?.displayName,
      order: order?.id,
      item,
      amount: order ? yuanText(Math.round(order.total * 100)) : undefined,
      date: order ? cstMonthDay(order.createdAt) : undefined,
      carrier: order?.carrier,
      tracking: order?.trackingNo,
      shop: order ? this.shopNames.get(order.shopId) : undefined,
      ...extra,
    };
  }

  /** Drafts a ticket; its marker stands for its id in message text until ids are given out. */
  addTicket(ticket: Omit<DraftTicket, 'index'>): DraftTicket {
    const draft: DraftTicket = { ...ticket, index: this.tickets.length };
    this.tickets.push(draft);
    return draft;
  }
}

/** Stands for a ticket's id in message text until ids are given out. */
export function ticketMarker(ticket: DraftTicket): string {
  return `#TICKET${ticket.index}#`;
}

export const TICKET_MARKER = /#TICKET(\d+)#/g;

const ORDER_WINDOWS: Record<Exclude<OrderNeed, 'none'>, [minDays: number, maxDays: number, statuses: Order['status'][]]> = {
  inTransit: [1, 9, ['paid', 'shipped', 'delivered']],
  received: [2, 25, ['delivered', 'refunding', 'refunded']],
  refund: [1, 30, ['refunding', 'refunded']],
  any: [0.02, 30, ['paid', 'shipped', 'delivered', 'refunding', 'refunded', 'closed']],
};

/** Whether humans staff a queue at `ms` (China time). */
export function inHours(hours: QueueHours, ms: number): boolean {
  if (hours === '24x7') return true;
  const minutes = Math.floor((ms - cstDayStart(ms)) / MINUTE);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes >= toMinutes(hours.start) && minutes < toMinutes(hours.end);
}

/** "09:00–22:00" or "全天" for chat text. */
export function hoursText(hours: QueueHours): string {
  return hours === '24x7' ? '全天24小时' : `每天${hours.start}至${hours.end}`;
}

/** Ticket deadlines by priority. */
export const TICKET_SLA: Record<TicketPriority, number> = { urgent: 4 * HOUR, high: 24 * HOUR, normal: 48 * HOUR, low: 72 * HOUR };
