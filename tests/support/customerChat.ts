import { expect } from '@playwright/test';
import { CustomerClient } from './customerApi';

/**
 * A customer writes, the bot answers, the customer asks for a human; resolves when that last write
 * is answered, so the chat is queued (or already offered to an agent who is online).
 */
export async function customerAsksForHuman(serverUrl: string, queueId: string, name: string, question: string): Promise<{ customer: CustomerClient; conversationId: string }> {
  const customer = await CustomerClient.start(serverUrl, name);
  const { conversationId } = await customer.write(queueId, question);
  await expect.poll(async () => (await customer.messages(conversationId)).some((m) => m.senderKind === 'bot')).toBe(true);
  await customer.write(queueId, '转人工', conversationId);
  return { customer, conversationId };
}
