import type { Customer, CustomerLevel, Order } from '../../shared/domain/customers';
import { stringArray } from '../db/json';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* Customers (with their contact fields in clear: this is the server side) and their orders. */

/** A customer as stored: contact fields unmasked. Never send this to a client as is. */
export type CustomerRecord = Customer & { deleted: boolean };

export interface NewCustomer {
  id: string;
  name: string;
  level: CustomerLevel;
  tags: readonly string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  createdAt: number;
}

export interface CustomersReads {
  customer(id: string): CustomerRecord | null;
  orderIdsOf(customerId: string): string[];
}

export interface CustomersWrites {
  insertCustomer(tx: WriteTx, customer: NewCustomer): void;
  setTags(tx: WriteTx, customerId: string, tags: readonly string[]): void;
  setLevel(tx: WriteTx, customerId: string, level: CustomerLevel): void;
  insertOrder(tx: WriteTx, order: Order): void;
}

export type CustomersStore = CustomersReads & CustomersWrites;

/** A customers row as stored (contact fields in clear: mask before they leave the server). */
export interface CustomerRow {
  id: string;
  name: string;
  level: CustomerLevel;
  tags: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  created_at: number;
  deleted: number;
}

export function createCustomersStore(db: SqliteDatabase): CustomersStore {
  const byId = db.prepare<[string], CustomerRow>(
    'SELECT id, name, level, tags, phone, email, address, created_at, deleted FROM customers WHERE id = ?',
  );
  const orderIds = db.prepare<[string], { id: string }>('SELECT id FROM orders WHERE customer_id = ? ORDER BY created_at, id');
  const insertCustomer = db.prepare<[string, string, string, string, string | null, string | null, string | null, number, number]>(
    'INSERT INTO customers (id, name, level, tags, phone, email, address, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setTags = db.prepare<[string, number, string]>('UPDATE customers SET tags = ?, seq = ? WHERE id = ?');
  const setLevel = db.prepare<[string, number, string]>('UPDATE customers SET level = ?, seq = ? WHERE id = ?');
  const insertOrder = db.prepare<
    [string, string, string, string, number, string, string | null, string | null, number, number]
  >(
    `INSERT INTO orders (id, shop_id, customer_id, items, total_fen, status, carrier, tracking_no, created_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    customer: (id) => {
      const r = byId.get(id);
      if (!r) return null;
      return {
        id: r.id,
        name: r.name,
        level: r.level,
        tags: stringArray(r.tags),
        phone: r.phone,
        email: r.email,
        address: r.address,
        createdAt: r.created_at,
        deleted: r.deleted === 1,
      };
    },
    orderIdsOf: (customerId) => orderIds.all(customerId).map((r) => r.id),

    insertCustomer: (tx, c) => {
      insertCustomer.run(c.id, c.name, c.level, JSON.stringify(c.tags), c.phone, c.email, c.address, c.createdAt, tx.stamp('customers'));
    },
    setTags: (tx, customerId, tags) => {
      setTags.run(JSON.stringify(tags), tx.stamp('customers'), customerId);
    },
    setLevel: (tx, customerId, level) => {
      setLevel.run(level, tx.stamp('customers'), customerId);
    },
    insertOrder: (tx, o) => {
      insertOrder.run(
        o.id,
        o.shopId,
        o.customerId,
        JSON.stringify(o.items),
        Math.round(o.total * 100),
        o.status,
        o.carrier,
        o.trackingNo,
        o.createdAt,
        tx.stamp('orders'),
      );
    },
  };
}
