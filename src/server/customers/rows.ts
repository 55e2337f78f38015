import type { OrderItem, OrderStatus } from '../../shared/domain/customers';
import { parseJson, stringArray } from '../db/json';
import { defineSource, type BaseRow } from '../sync/source';
import { maskForCaller } from './masking';
import type { CustomerRow } from './store';

type CustomerSyncRow = CustomerRow & BaseRow;

export const customersSource = defineSource({
  entity: 'customers',
  table: 'customers',
  columns: 't.id, t.seq, t.deleted, t.name, t.level, t.tags, t.phone, t.email, t.address, t.created_at',
  toData: (r: CustomerSyncRow, scope) => ({
    id: r.id,
    name: r.name,
    level: r.level,
    tags: stringArray(r.tags),
    phone: maskForCaller('phone', r.phone, scope),
    email: maskForCaller('email', r.email, scope),
    address: maskForCaller('address', r.address, scope),
    createdAt: r.created_at,
  }),
});

interface OrderRow extends BaseRow {
  shop_id: string;
  customer_id: string;
  items: string;
  total_fen: number;
  status: OrderStatus;
  carrier: string | null;
  tracking_no: string | null;
  created_at: number;
}

export const ordersSource = defineSource({
  entity: 'orders',
  table: 'orders',
  columns: 't.id, t.seq, t.deleted, t.shop_id, t.customer_id, t.items, t.total_fen, t.status, t.carrier, t.tracking_no, t.created_at',
  toData: (r: OrderRow) => ({
    id: r.id,
    shopId: r.shop_id,
    customerId: r.customer_id,
    items: parseJson<OrderItem[]>(r.items, []),
    total: r.total_fen / 100,
    status: r.status,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    createdAt: r.created_at,
  }),
});
