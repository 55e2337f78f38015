import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConversationStatusSchema, type Conversation } from '../../shared/domain/conversations';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

/** A conversation of customer 4 in queue X, written straight through the store. */
function chat(id: string, status: Conversation['status'], createdAt: number, customerId: string = F.customers.c4): Conversation {
  return {
    id, customerId, queueId: F.queueX, shopId: null, channel: 'chat', status, assigneeId: null, orderId: null, createdAt,
    queuedAt: createdAt, assignedAt: null, firstResponseAt: null, lastCustomerAt: createdAt, lastAgentAt: null,
    resolvedAt: null, closedAt: null, category: null, csat: null, escalatedFromQueueId: null,
  } as Conversation;
}

// The lookup lists the open statuses (so it can seek the queue's open chats by index): a status
// added to the schema must be placed on one side or the other, and this test says which.
it.each(ConversationStatusSchema.options)('a customer’s %s chat is their open one in the queue unless resolved or closed', (status) => {
  const { writer, conversations } = t.internals.domain;
  const id = `open-${status}`;
  writer.write((tx) => {
    // An older resolved chat and another customer's newer open one must never be picked.
    conversations.insertConversation(tx, chat(`${id}-old`, 'resolved', 1));
    conversations.insertConversation(tx, chat(id, status, 2));
    conversations.insertConversation(tx, chat(`${id}-other`, 'queued', 3, F.customers.c3));
  });
  const open = conversations.openConversationOf(F.customers.c4, F.queueX);
  expect(open?.id ?? null).toBe(status === 'resolved' || status === 'closed' ? null : id);
  writer.write((tx) => {
    for (const gone of [`${id}-old`, id, `${id}-other`]) conversations.updateConversation(tx, gone, { status: 'closed' });
  });
});
