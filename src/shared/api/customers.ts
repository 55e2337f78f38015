import { z } from 'zod';
import { ContactFieldSchema } from '../domain/customers';

/** POST /api/customers/:id/reveal — leads and admins only; every call is audited. */
export const RevealRequestSchema = z.object({ field: ContactFieldSchema }).strict();
export const RevealResponseSchema = z.object({ field: ContactFieldSchema, value: z.string().nullable() });
export type RevealResponse = z.infer<typeof RevealResponseSchema>;
