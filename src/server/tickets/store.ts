import type { Ticket, TicketChange, TicketEvent } from '../../shared/domain/tickets';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
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

const PATCH_COLUMNS: Record<keyof TicketPatch, string> = {
  departmentTeamId: 'department_team_id',
  priority: 'priority',
  status: 'status',
  assigneeId: 'assignee_id',
  dueAt: 'due_at',
  updatedAt: 'updated_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};

export type NewTicketEvent = Omit<TicketEvent, 'change'> & { change: TicketChange };

export interface TicketsReads {
  ticket(id: string): TicketRecord | null;
  /** whether a timeline entry with this id exists (client-chosen ids must be new) */
  hasEvent(id: string): boolean;
  /** event ids in timeline order, for re-stamping */
  eventIdsOf(ticketId: string): string[];
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
  const updates = new Map<string, NamedStatement>();

  return {
    ticket: (id) => {
      const row = byId.get(id);
      return row ? { ...toTicket(row), deleted: row.deleted === 1 } : null;
    },
    hasEvent: (id) => eventExists.get(id) !== undefined,
    eventIdsOf: (ticketId) => eventIds.all(ticketId).map((r) => r.id),

    insertTicket: (tx, t) => {
      insert.run({ ...t, seq: tx.stamp('tickets') });
    },
    updateTicket: (tx, id, patch) => {
      const keys = (Object.keys(patch) as (keyof TicketPatch)[]).filter((k) => patch[k] !== undefined).sort();
      const sql = `UPDATE tickets SET ${[...keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`), 'seq = @seq'].join(', ')} WHERE id = @id`;
      let stmt = updates.get(sql);
      if (!stmt) {
        stmt = db.prepare<[Record<string, SqlValue>]>(sql);
        updates.set(sql, stmt);
      }
      const params: Record<string, SqlValue> = { id, seq: tx.stamp('tickets') };
      for (const k of keys) params[k] = patch[k] ?? null;
      stmt.run(params);
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
