import {
  STANDALONE_TICKETS,
  TICKET_ACCEPTED,
  TICKET_CLOSED_BY_AGENT,
  TICKET_CLOSED_BY_SYSTEM,
  TICKET_CREATED_FROM_CHAT,
  TICKET_PROGRESS,
  TICKET_RESOLVED,
  TICKET_TRANSFER,
  TRANSFER_TARGETS,
  type Department,
} from '../content/dialogue/tickets';
import { TEAM } from '../content/org';
import { instantOnDay } from '../buildCustomers';
import type { Ticket, TicketEvent, TicketStatus } from '../schema';
import { cstDateCode, DAY, HOUR, MINUTE } from '../time';
import { line } from './chat';
import { TICKET_SLA, type DraftTicket, type HistoryContext } from './context';
import { pad } from '../text';

/** Working-hours profile for tickets raised by phone or by QC (09:00–21:00). */
const OFFICE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 8, 8, 5, 6, 8, 8, 7, 6, 4, 3, 2, 1, 0, 0];

/** Tickets that do not come from a chat: phone call-backs, QC findings, tips. */
export function draftStandaloneTickets(ctx: HistoryContext, count: number): void {
  const { rng, anchor } = ctx;
  for (let made = 0, tries = 0; made < count && tries < count * 20; tries++) {
    const spec = rng.pick(STANDALONE_TICKETS);
    const createdAt = instantOnDay(rng, anchor, Math.floor(60 * rng.next() ** 3), OFFICE_HOURS);
    if (createdAt > anchor - HOUR) continue;
    const order = spec.needsOrder ? ctx.pickOrder('any', createdAt)?.order : undefined;
    if (spec.needsOrder && !order) continue;
    const customer = order ? ctx.customer(order.customerId) : ctx.pickCustomer(createdAt);
    if (customer.createdAt >= createdAt) continue;
    const department = TEAM[spec.department];
    ctx.addTicket({
      customerId: customer.id,
      ...(order ? { orderId: order.id } : {}),
      title: spec.title,
      department,
      category: spec.category,
      priority: spec.priority,
      createdAt,
      createdBy: ctx.pickAgent(department).id,
      createdNote: spec.created,
    });
    made++;
  }
}

/** How far a ticket of this age has got by the anchor. */
function statusByAge(ctx: HistoryContext, ageMs: number): TicketStatus {
  const { rng } = ctx;
  if (ageMs < 2 * DAY) return rng.weighted<TicketStatus>([['pending', 45], ['processing', 55]]);
  if (ageMs < 5 * DAY) return rng.weighted<TicketStatus>([['pending', 10], ['processing', 50], ['resolved', 30], ['closed', 10]]);
  if (ageMs < 10 * DAY) return rng.weighted<TicketStatus>([['processing', 30], ['resolved', 35], ['closed', 35]]);
  return rng.weighted<TicketStatus>([['processing', 3], ['resolved', 12], ['closed', 85]]);
}

const DEPARTMENTS: Department[] = ['account', 'trade', 'content', 'escalation', 'feedback'];

function departmentOf(teamId: string): Department {
  const key = DEPARTMENTS.find((d) => TEAM[d] === teamId);
  if (!key) throw new Error(`tickets are held by platform teams, not ${teamId}`);
  return key;
}

/** Timeline, assignee and status of one ticket; every entry lands before the anchor. */
function finishOne(ctx: HistoryContext, draft: DraftTicket, id: string): Ticket {
  const { rng, anchor } = ctx;
  const target = statusByAge(ctx, anchor - draft.createdAt);
  // At most six entries follow the first (transfer, processing, two comments, resolved, closed).
  let stepsLeft = 6;
  let t = draft.createdAt;
  /** Moves on by about [min, max] minutes, never past the anchor (later steps keep room). */
  const advance = (minMinutes: number, maxMinutes: number): number => {
    const room = (anchor - 60_000 - t) / Math.max(2, stepsLeft + 1);
    t += Math.max(1000, Math.min(rng.int(minMinutes, maxMinutes) * MINUTE, Math.floor(room)));
    stepsLeft--;
    return t;
  };

  const timeline: TicketEvent[] = [
    { at: t, kind: 'status', by: draft.createdBy, text: draft.createdNote ?? line(rng, TICKET_CREATED_FROM_CHAT, { title: draft.title }), status: 'pending' },
  ];
  let department = draft.department;
  let assigneeId: string | undefined;

  if (target === 'pending') {
    if (rng.chance(0.3)) assigneeId = ctx.pickAgent(department).id;
  } else {
    if (rng.chance(0.25)) {
      const to = TEAM[rng.pick(TRANSFER_TARGETS[departmentOf(department)])];
      timeline.push({ at: advance(10, 240), kind: 'transfer', by: draft.createdBy, text: line(rng, TICKET_TRANSFER, { department: ctx.teamNames.get(to) }), toDepartment: to });
      department = to;
    }
    assigneeId = ctx.pickAgent(department).id;
    timeline.push({ at: advance(10, 480), kind: 'status', by: assigneeId, text: rng.pick(TICKET_ACCEPTED), status: 'processing' });
    const comments = target === 'processing' ? rng.int(0, 1) : rng.int(1, 2);
    for (const text of rng.sample(TICKET_PROGRESS[departmentOf(department)], comments)) timeline.push({ at: advance(30, 1200), kind: 'comment', by: assigneeId, text });
    if (target === 'resolved' || target === 'closed') {
      timeline.push({ at: advance(60, 2400), kind: 'status', by: assigneeId, text: rng.pick(TICKET_RESOLVED[departmentOf(department)]), status: 'resolved' });
    }
    if (target === 'closed') {
      const byAgent = rng.chance(0.5);
      timeline.push({
        at: advance(60, 4320),
        kind: 'status',
        by: byAgent ? assigneeId : 'system',
        text: rng.pick(byAgent ? TICKET_CLOSED_BY_AGENT : TICKET_CLOSED_BY_SYSTEM),
        status: 'closed',
      });
    }
  }

  const ticket: Ticket = {
    id,
    ...(draft.conversation?.id ? { conversationId: draft.conversation.id } : {}),
    customerId: draft.customerId,
    ...(draft.orderId ? { orderId: draft.orderId } : {}),
    title: draft.title,
    department,
    category: draft.category,
    priority: draft.priority,
    status: target,
    ...(assigneeId ? { assigneeId } : {}),
    dueAt: draft.createdAt + TICKET_SLA[draft.priority],
    createdAt: draft.createdAt,
    timeline,
  };
  return ticket;
}

/**
 * Gives the drafted tickets their ids — "GD" + China date + a per-day number that rises with
 * creation time — and their timelines. Conversations must have their ids already.
 */
export function finishTickets(ctx: HistoryContext): { tickets: Ticket[]; ids: string[] } {
  const { rng } = ctx;
  const sorted = ctx.tickets.slice().sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);
  const ids: string[] = [];
  const perDay = new Map<string, number>();
  const tickets = sorted.map((draft) => {
    const date = cstDateCode(draft.createdAt);
    const seq = (perDay.get(date) ?? rng.int(2, 30)) + rng.int(1, 6);
    perDay.set(date, seq);
    const id = `GD${date}${pad(seq, 4)}`;
    ids[draft.index] = id;
    return finishOne(ctx, draft, id);
  });
  return { tickets, ids };
}
