import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_DATA_SCHEMAS, SyncRowSchema } from '../../../shared/api/sync';
import { quickCheck } from './quickCheck';

const message = {
  id: 'm-1',
  conversationId: 'c-1',
  senderKind: 'agent',
  senderId: 'u-1',
  kind: 'text',
  body: '退款什么时候到账',
  event: null,
  articleId: null,
  createdAt: 1_700_000_000_000,
  attachments: [{ id: 'f-1', name: 'a.png', mime: 'image/png', size: 10 }],
};
const conversation = {
  id: 'c-1', customerId: 'cust-1', queueId: 'q-1', shopId: null, channel: 'chat', status: 'resolved', assigneeId: 'u-1', orderId: null,
  createdAt: 1, queuedAt: 2, assignedAt: null, firstResponseAt: null, lastCustomerAt: null, lastAgentAt: null, resolvedAt: 3, closedAt: null,
  category: null, csat: 5, escalatedFromQueueId: null,
};
const samples = [
  [ENTITY_DATA_SCHEMAS.messages, message],
  [ENTITY_DATA_SCHEMAS.messages, { ...message, kind: 'event', event: { type: 'escalated', by: 'policy', reason: 'no_reply_5m', fromQueueId: 'q-1', toQueueId: 'q-2' } }],
  [ENTITY_DATA_SCHEMAS.conversations, conversation],
  [SyncRowSchema, { entity: 'messages', id: 'm-1', seq: 7, deleted: false, data: message }],
] as const;

describe('quickCheck', () => {
  it('passes the rows a server sends, so they skip zod', () => {
    for (const [schema, value] of samples) expect(quickCheck(schema)(value)).toBe(true);
  });

  it('never passes a value zod rejects, whatever field is changed to whatever JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.jsonValue(), fc.nat(), (sample, replacement, pick) => {
        const [schema, valid] = sample;
        const keys = Object.keys(valid);
        const value = { ...valid, [keys[pick % keys.length]!]: replacement };
        if (quickCheck(schema)(value)) expect(schema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches the mistakes of a broken or older server', () => {
    const check = quickCheck(ENTITY_DATA_SCHEMAS.messages);
    expect(check({ ...message, body: 42 })).toBe(false);
    expect(check({ ...message, id: 'has space' })).toBe(false);
    expect(check({ ...message, createdAt: 1.5 })).toBe(false);
    expect(check({ ...message, senderKind: 'robot' })).toBe(false);
    expect(check({ ...message, attachments: [{ id: 'f-1' }] })).toBe(false);
    const { body: _body, ...withoutBody } = message;
    expect(check(withoutBody)).toBe(false);
    expect(quickCheck(ENTITY_DATA_SCHEMAS.conversations)({ ...conversation, csat: 6 })).toBe(false);
  });

  it('cannot tell (and leaves it to zod) for what it does not know', () => {
    expect(quickCheck(z.string().email())('a@b.example')).toBe(false);
    expect(quickCheck(z.string().transform((s) => s.length))('abc')).toBe(false);
    expect(quickCheck(z.object({ n: z.number().default(1) }))({ n: 2 })).toBe(false);
    expect(quickCheck(z.strictObject({ n: z.number() }))({ n: 2 })).toBe(false);
    expect(quickCheck(z.number().refine((n) => n > 1))(2)).toBe(false);
  });
});
