import type { Message } from '../domain/conversations';
import { luhnCheckDigit, residentIdCheckChar } from '../text/piiChecksums';
import type { EvidenceConversation } from './bundle';
import type { UnsealedEvidence } from './chain';

/* A small export for the evidence tests: one shop conversation with personal data in it. */

export const RESIDENT_ID = `11010519900307123${residentIdCheckChar('11010519900307123')}`;
export const CARD = `622202100011234567${luhnCheckDigit('622202100011234567')}`;
export const PHONE = '13812345678';

const at = Date.UTC(2026, 10, 23, 8, 0, 0);

export function message(n: number, body: string, extra: Partial<Message> = {}): Message {
  return {
    id: `m-${n}`,
    conversationId: 'conv-1',
    senderKind: n % 2 === 0 ? 'customer' : 'agent',
    senderId: n % 2 === 0 ? 'cust-1' : 'u-ma',
    kind: 'text',
    body,
    event: null,
    articleId: null,
    createdAt: at + n * 1000,
    ...extra,
  };
}

export const conversationEntry: EvidenceConversation = {
  conversation: {
    id: 'conv-1',
    customerId: 'cust-1',
    queueId: 'queue-a',
    shopId: 'shop-a',
    channel: 'chat',
    status: 'resolved',
    assigneeId: 'u-ma',
    orderId: 'DD20250101000001',
    createdAt: at,
    queuedAt: at,
    assignedAt: at + 500,
    firstResponseAt: at + 1000,
    lastCustomerAt: at + 4000,
    lastAgentAt: at + 3000,
    resolvedAt: at + 5000,
    closedAt: null,
    category: 'refund',
    csat: null,
    escalatedFromQueueId: null,
  },
  counterpart: { kind: 'shop', shopId: 'shop-a', shopName: 'Shop A' },
  queueName: 'queue-a',
  customer: { id: 'cust-1', name: 'Customer One', level: 'VIP', tags: [], phone: PHONE, email: 'one@example.com', address: null, createdAt: at },
  tickets: [],
};

/** Five messages; the header is masked unless `masked` is false. */
export function unsealed(masked = true, bodies = ['你好，我的订单没到', '请提供手机号', `手机 ${PHONE}`, '已登记', '谢谢']): UnsealedEvidence {
  return {
    header: {
      exportedAt: at + 10_000,
      exportedBy: { userId: 'u-ma', username: 'ma', displayName: 'Agent MA', role: 'agent' },
      masked,
      serverUrl: 'http://127.0.0.1:4700',
      selection: { conversationIds: ['conv-1'] },
      attachmentsIncluded: false,
    },
    conversations: [conversationEntry],
    agents: [{ id: 'u-ma', displayName: 'Agent MA' }],
    messages: bodies.map((body, n) => ({ ...message(n, body), attachments: [] })),
    files: {},
  };
}
