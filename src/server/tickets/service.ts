import type { MutationArgs } from '../../shared/api/mutations';
import { TICKET_TRANSITIONS, type Ticket, type TicketChange, type TicketEvent } from '../../shared/domain/tickets';
import { visibleConversation } from '../conversations/guards';
import type { ConversationsReads } from '../conversations/store';
import { newId } from '../ids';
import type { MessagesReads } from '../messages/store';
import type { MutationContext } from '../mutations/registry';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';
import { isMerchant } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { TicketAccess } from './access';
import { departmentFor, departmentMember, mustBeOpen, mustWork, visibleTicket } from './guards';
import type { TicketPatch, TicketRecord, TicketsStore } from './store';

export interface TicketDeps {
  tickets: TicketsStore;
  conversations: ConversationsReads;
  messages: MessagesReads;
  org: OrgReads;
  sync: SyncService;
  access: TicketAccess;
}

/** A title made from the customer's first words, when the agent gives none. */
const TITLE_FROM_CHAT_MAX = 60;

/**
 * Tickets (工单): create (standalone or from a conversation), update (the status machine,
 * priority, due time), comment, assign within the department, transfer between departments.
 * Every change is a timeline entry written in the same transaction; each step returns the rows
 * the caller gets back.
 */
export class TicketService {
  constructor(private readonly deps: TicketDeps) {}

  create(ctx: MutationContext, args: MutationArgs<'tickets.create'>): RowRef[] {
    const { tickets, org, sync } = this.deps;
    const { scope, now } = ctx;
    const id = args.ticketId ?? newId(now);
    if (tickets.ticket(id)) throw new Rejection('conflict', `ticket ${id} already exists`);
    const origin = this.origin(ctx, args);
    const teamId = args.departmentTeamId ?? scope.teamIds[0];
    if (teamId === undefined) throw new Rejection('invalid_args', 'departmentTeamId: you are in no team, name the department');
    const departmentTeamId = departmentFor(org, teamId, origin.shopId);
    const assigneeId = args.assigneeId === undefined ? null : departmentMember({ org, sync }, scope, departmentTeamId, args.assigneeId);
    tickets.insertTicket(ctx.tx, {
      id,
      ...origin,
      departmentTeamId,
      description: args.description,
      category: args.category,
      priority: args.priority,
      status: 'pending',
      assigneeId,
      creatorId: scope.userId,
      dueAt: args.dueAt ?? null,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      closedAt: null,
    });
    const created = this.event(ctx, id, 'created', '', { type: 'created', conversationId: origin.conversationId, departmentTeamId });
    return [ref(id), created];
  }

  update(ctx: MutationContext, args: MutationArgs<'tickets.update'>): RowRef[] {
    const ticket = this.workable(ctx, args.ticketId, 'update');
    const patch: TicketPatch = {};
    const changes: { kind: TicketEvent['kind']; change: TicketChange }[] = [];
    if (args.status !== undefined && args.status !== ticket.status) {
      if (!TICKET_TRANSITIONS[ticket.status].includes(args.status)) {
        throw new Rejection('conflict', `a ${ticket.status} ticket cannot become ${args.status}`);
      }
      Object.assign(patch, statusPatch(args.status, ctx.now));
      changes.push({ kind: 'status', change: { type: 'status', from: ticket.status, to: args.status } });
    }
    if (args.priority !== undefined && args.priority !== ticket.priority) {
      patch.priority = args.priority;
      changes.push({ kind: 'update', change: { type: 'priority', from: ticket.priority, to: args.priority } });
    }
    if (args.dueAt !== undefined && args.dueAt !== ticket.dueAt) {
      patch.dueAt = args.dueAt;
      changes.push({ kind: 'update', change: { type: 'dueAt', from: ticket.dueAt, to: args.dueAt } });
    }
    // Asking for what already holds changes nothing: a retry from another device is harmless.
    if (changes.length === 0) return [ref(ticket.id)];
    this.deps.tickets.updateTicket(ctx.tx, ticket.id, { ...patch, updatedAt: ctx.now });
    return [ref(ticket.id), ...changes.map((c) => this.event(ctx, ticket.id, c.kind, '', c.change))];
  }

  /** Anyone who sees the ticket may comment on it. */
  comment(ctx: MutationContext, args: MutationArgs<'tickets.comment'>): RowRef[] {
    const { tickets } = this.deps;
    const ticket = visibleTicket(this.deps, ctx.scope, args.ticketId);
    mustBeOpen(ticket, 'comment on');
    if (args.eventId !== undefined && tickets.hasEvent(args.eventId)) throw new Rejection('conflict', `event ${args.eventId} already exists`);
    tickets.updateTicket(ctx.tx, ticket.id, { updatedAt: ctx.now });
    return [ref(ticket.id), this.event(ctx, ticket.id, 'comment', args.text, { type: 'comment' }, args.eventId)];
  }

  assign(ctx: MutationContext, args: MutationArgs<'tickets.assign'>): RowRef[] {
    const ticket = this.workable(ctx, args.ticketId, 'assign');
    const to = args.agentId === null ? null : departmentMember(this.deps, ctx.scope, ticket.departmentTeamId, args.agentId);
    if (to === ticket.assigneeId) return [ref(ticket.id)];
    this.deps.tickets.updateTicket(ctx.tx, ticket.id, { assigneeId: to, updatedAt: ctx.now });
    return [ref(ticket.id), this.event(ctx, ticket.id, 'assign', '', { type: 'assign', fromAgentId: ticket.assigneeId, toAgentId: to })];
  }

  /**
   * To another department, unassigned. Its people gain access: the ticket and its whole timeline
   * get fresh seqs (parents first), so their next pull brings the history. The old department
   * keeps the copy it has; no further changes reach it.
   */
  transfer(ctx: MutationContext, args: MutationArgs<'tickets.transfer'>): RowRef[] {
    const { tickets, org, access } = this.deps;
    const ticket = this.workable(ctx, args.ticketId, 'transfer');
    const toTeamId = departmentFor(org, args.departmentTeamId, ticket.shopId);
    if (toTeamId === ticket.departmentTeamId) throw new Rejection('conflict', 'the ticket is already in that department');
    tickets.updateTicket(ctx.tx, ticket.id, { departmentTeamId: toTeamId, assigneeId: null, updatedAt: ctx.now });
    access.grantTimeline(ctx.tx, ticket.id);
    const event = this.event(ctx, ticket.id, 'transfer', args.note, { type: 'transfer', fromTeamId: ticket.departmentTeamId, toTeamId });
    return [ref(ticket.id), event];
  }

  private workable(ctx: MutationContext, ticketId: string, action: string): TicketRecord {
    const ticket = visibleTicket(this.deps, ctx.scope, ticketId);
    mustWork(ctx.scope, ticket, action);
    mustBeOpen(ticket, action);
    return ticket;
  }

  /** What a new ticket takes from its conversation, or from the args and the caller's side. */
  private origin(ctx: MutationContext, args: MutationArgs<'tickets.create'>): Pick<Ticket, 'conversationId' | 'customerId' | 'shopId' | 'title'> {
    const { scope } = ctx;
    if (args.conversationId !== undefined) {
      const conversation = visibleConversation(this.deps, scope, args.conversationId);
      return {
        conversationId: conversation.id,
        customerId: conversation.customerId,
        shopId: conversation.shopId,
        title: args.title ?? this.titleFrom(conversation.id, conversation.category),
      };
    }
    if (args.customerId !== undefined && !this.deps.sync.isVisible(scope, 'customers', args.customerId)) {
      throw new Rejection('not_found', `no customer ${args.customerId}`);
    }
    // The schema makes a standalone ticket carry a title.
    return { conversationId: null, customerId: args.customerId ?? null, shopId: isMerchant(scope) ? scope.shopId : null, title: args.title ?? '' };
  }

  private titleFrom(conversationId: string, category: string | null): string {
    const first = this.deps.messages.customerVisible(conversationId).find((m) => m.senderKind === 'customer');
    const words = first?.body.replace(/\s+/g, ' ').trim() ?? '';
    if (words === '') return category ?? 'conversation';
    return words.length > TITLE_FROM_CHAT_MAX ? `${words.slice(0, TITLE_FROM_CHAT_MAX - 1)}…` : words;
  }

  private event(ctx: MutationContext, ticketId: string, kind: TicketEvent['kind'], body: string, change: TicketChange, id = newId(ctx.now)): RowRef {
    this.deps.tickets.insertEvent(ctx.tx, { id, ticketId, kind, actorId: ctx.scope.userId, body, change, createdAt: ctx.now });
    return { entity: 'ticket_events', id };
  }
}

function ref(ticketId: string): RowRef {
  return { entity: 'tickets', id: ticketId };
}

/** The time stamps that go with a status: resolving stamps resolvedAt, a reopen clears it. */
function statusPatch(status: Ticket['status'], now: number): TicketPatch {
  switch (status) {
    case 'resolved':
      return { status, resolvedAt: now };
    case 'closed':
      return { status, closedAt: now };
    case 'processing':
      return { status, resolvedAt: null };
    case 'pending':
      return { status };
  }
}
