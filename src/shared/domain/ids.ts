import { z } from 'zod';

/**
 * Ids of synced rows: server-made UUIDv7s, client-made ULID/UUIDv7s for optimistic rows, and the
 * demo data's stable readable ids. A narrow alphabet keeps ids safe in URLs, logs and SQL params.
 */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'expected an id of 1-64 letters, digits, _ . : -');
export type Id = z.infer<typeof IdSchema>;

/** Epoch milliseconds. */
export const TimestampSchema = z.number().int().nonnegative();
