import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';

/*
 * Customers and their orders as workstations receive them. Contact fields arrive masked
 * (138****5678): the clear value is only given by the audited reveal call.
 */

export const CustomerLevelSchema = z.enum(['normal', 'VIP', 'KOC']);
export type CustomerLevel = z.infer<typeof CustomerLevelSchema>;

/** Contact fields that are personal data: masked on every row, revealed one at a time. */
export const ContactFieldSchema = z.enum(['phone', 'email', 'address']);
export type ContactField = z.infer<typeof ContactFieldSchema>;

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  level: CustomerLevelSchema,
  tags: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const OrderStatusSchema = z.enum(['paid', 'shipped', 'delivered', 'refunding', 'refunded', 'closed']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** Money is in yuan with at most two decimals; the server keeps whole fen. */
export const OrderItemSchema = z.object({ name: z.string(), qty: z.number().int().positive(), price: z.number().nonnegative() });
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrderSchema = z.object({
  id: IdSchema,
  shopId: IdSchema,
  customerId: IdSchema,
  items: z.array(OrderItemSchema),
  total: z.number().nonnegative(),
  status: OrderStatusSchema,
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type Order = z.infer<typeof OrderSchema>;
