import type { Ticket, TicketChange, TicketEvent } from '../../shared/domain/tickets';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { TICKET_COLUMNS, toTicket, type TicketRow } from './rows';

/* Tickets and their timelines. */

export type TicketRecord = Ticket & { deleted: boolean };

/** A new ticket: orderId is not stored, it is read from the conversation. */
export type NewTicket = Omit<Ticket, 'orderId'>;

/** Fields a ticket step may change; everything else is fixed at creation. */
export type TicketPatch = Partial<
  Pick<Ticket, 'departmentTeamId' | 'priority' | 'status' | 'assigneeId' | 'dueAt' | 'updatedAt' | 'resolvedAt' | 'closedAt'>
>;

export type NewTicketEvent = Omit<TicketEvent, 'change'> & { change: TicketChange };

export interface TicketsReads {
  ticket(id: string): TicketRecord | null;
  /** whether a timeline entry with this id exists (client-chosen ids must be new) */
  hasEvent(id: string): boolean;
  /** event ids in timeline order, for re-stamping */
  eventIdsOf(ticketId: string): string[];
  /** ids of the tickets a team (department) holds, oldest first, for re-stamping */
  idsOfDepartment(teamId: string): string[];
}

export interface TicketsWrites {
  insertTicket(tx: WriteTx, ticket: NewTicket): void;
  /** applies the patch and re-stamps the row */
  updateTicket(tx: WriteTx, id: string, patch: TicketPatch): void;
  insertEvent(tx: WriteTx, event: NewTicketEvent): void;
}

export type TicketsStore = TicketsReads & TicketsWrites;

export function createTicketsStore(db: SqliteDatabase): TicketsStore {
  const byId = db.prepare<[string], TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = ?`);
  const eventExists = db.prepare<[string], { id: string }>('SELECT id FROM ticket_events WHERE id = ?');
  const eventIds = db.prepare<[string], { id: string }>('SELECT id FROM ticket_events WHERE ticket_id = ? ORDER BY created_at, seq');
  const ofDepartment = db.prepare<[string], { id: string }>('SELECT id FROM tickets WHERE department_team_id = ? ORDER BY created_at, id');
  const insert = db.prepare(
    `INSERT INTO tickets (id, conversation_id, customer_id, shop_id, department_team_id, title, description, category, priority,
       status, assignee_id, creator_id, due_at, created_at, updated_at, resolved_at, closed_at, seq)
     VALUES (@id, @conversationId, @customerId, @shopId, @departmentTeamId, @title, @description, @category, @priority,
       @status, @assigneeId, @creatorId, @dueAt, @createdAt, @updatedAt, @resolvedAt, @closedAt, @seq)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO ticket_events (id, ticket_id, kind, actor_id, body, meta, created_at, seq)
     VALUES (@id, @ticketId, @kind, @actorId, @body, @meta, @createdAt, @seq)`,
  );
  // A patch is merged into the current row and written whole: one statement for every kind of change.
  const update = db.prepare(
    `UPDATE tickets SET department_team_id = @departmentTeamId, priority = @priority, status = @status, assignee_id = @assigneeId,
       due_at = @dueAt, updated_at = @updatedAt, resolved_at = @resolvedAt, closed_at = @closedAt, seq = @seq
     WHERE id = @id`,
  );

  return {
    ticket: (id) => {
      const row = byId.get(id);
      return row ? { ...toTicket(row), deleted: row.deleted === 1 } : null;
    },
    hasEvent: (id) => eventExists.get(id) !== undefined,
    eventIdsOf: (ticketId) => eventIds.all(ticketId).map((r) => r.id),
    idsOfDepartment: (teamId) => ofDepartment.all(teamId).map((r) => r.id),

    insertTicket: (tx, t) => {
      insert.run({ ...t, seq: tx.stamp('tickets') });
    },
    updateTicket: (tx, id, patch) => {
      const row = byId.get(id);
      if (!row) throw new Error(`no ticket ${id} to update`);
      // Absent fields keep their value; null clears (assignee, due time, resolvedAt).
      const merged: Ticket = { ...toTicket(row), ...definedOnly(patch) };
      update.run({
        id,
        departmentTeamId: merged.departmentTeamId,
        priority: merged.priority,
        status: merged.status,
        assigneeId: merged.assigneeId,
        dueAt: merged.dueAt,
        updatedAt: merged.updatedAt,
        resolvedAt: merged.resolvedAt,
        closedAt: merged.closedAt,
        seq: tx.stamp('tickets'),
      });
    },
    insertEvent: (tx, e) => {
      insertEvent.run({
        id: e.id,
        ticketId: e.ticketId,
        kind: e.kind,
        actorId: e.actorId,
        body: e.body,
        meta: JSON.stringify(e.change),
        createdAt: e.createdAt,
        seq: tx.stamp('ticket_events'),
      });
    },
  };
}

function definedOnly(patch: TicketPatch): TicketPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as TicketPatch;
}
