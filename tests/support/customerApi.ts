import type { CustomerMessageResponse, CustomerMessagesResponseSchema, CustomerSessionResponse, CustomerVisibleMessage } from '../../src/shared/api/customerChat';
import type { z } from 'zod';

type Conversation = z.infer<typeof CustomerMessagesResponseSchema>;

/**
 * A customer talking to the real server over its public customer API, the way the web widget
 * does: a session, then messages into a queue, then reading the conversation back.
 */
export class CustomerClient {
  private constructor(
    private readonly serverUrl: string,
    readonly session: CustomerSessionResponse,
  ) {}

  static async start(serverUrl: string, name: string): Promise<CustomerClient> {
    const response = await fetch(`${serverUrl}/api/customer/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    if (!response.ok) throw new Error(`customer session: ${response.status} ${await response.text()}`);
    return new CustomerClient(serverUrl, (await response.json()) as CustomerSessionResponse);
  }

  private headers() {
    return { 'content-type': 'application/json', authorization: `Bearer ${this.session.token}` };
  }

  async write(queueId: string, text: string, conversationId?: string): Promise<CustomerMessageResponse> {
    const response = await fetch(`${this.serverUrl}/api/customer/messages`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ queueId, text, ...(conversationId ? { conversationId } : {}) }),
    });
    if (!response.ok) throw new Error(`customer message: ${response.status} ${await response.text()}`);
    return (await response.json()) as CustomerMessageResponse;
  }

  /** The conversation as the customer sees it: its status and the messages meant for them. */
  async conversation(conversationId: string): Promise<Conversation> {
    const response = await fetch(`${this.serverUrl}/api/customer/conversations/${conversationId}/messages`, { headers: this.headers() });
    if (!response.ok) throw new Error(`customer read: ${response.status} ${await response.text()}`);
    return (await response.json()) as Conversation;
  }

  async messages(conversationId: string): Promise<CustomerVisibleMessage[]> {
    return (await this.conversation(conversationId)).messages;
  }
}
