import type { CannedReply } from '../../shared/domain/canned';
import type { ConversationSummary, Draft, MessageView } from '../../shared/domain/workstation';
import { RpcError } from '../../shared/rpc/errors';
import type { createFakeCore, FakeHandlers } from './fakeCore';

type FakeCore = ReturnType<typeof createFakeCore>;

/** A conversation of the signed-in agent (u_1), assigned, with its customer badge. */
export function summary(id: string, overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    customerId: `cust-${id}`,
    queueId: 'q-account',
    shopId: null,
    channel: 'chat',
    status: 'assigned',
    assigneeId: 'u_1',
    orderId: null,
    createdAt: 1,
    queuedAt: 1,
    assignedAt: 2,
    firstResponseAt: null,
    lastCustomerAt: null,
    lastAgentAt: null,
    resolvedAt: null,
    closedAt: null,
    category: null,
    csat: null,
    escalatedFromQueueId: null,
    customer: { id: `cust-${id}`, name: `客户${id}`, level: 'normal' },
    unread: 0,
    lastMessage: null,
    pendingWrites: 0,
    ...overrides,
  };
}

export function cannedReply(shortcut: string, title: string, body: string): CannedReply {
  return { id: `cr-${shortcut}`, scope: 'team', teamId: 't1', ownerId: null, shortcut, title, body, updatedAt: 1 };
}

/**
 * What a fake core serves to the workstation: the agent's conversations, their messages, the
 * canned replies and the drafts. Sends append an optimistic (pending) message the way the core
 * does, so tests can assert on what was sent.
 */
export function workstationWorld(init: { mine?: ConversationSummary[]; canned?: CannedReply[] } = {}) {
  const world = {
    mine: init.mine ?? [],
    messages: new Map<string, MessageView[]>(),
    canned: init.canned ?? [],
    drafts: new Map<string, Draft>(),
    sent: [] as { conversationId: string; text: string; kind: 'text' | 'note' }[],
    /** the fake core's emit, once a test attaches it: the world then says what changed, as the core does */
    emit: null as FakeCore['emit'] | null,
  };
  const find = (id: string) => {
    const found = world.mine.find((c) => c.id === id);
    if (!found) throw new RpcError('not_found', 'no such conversation');
    return found;
  };
  const write = (kind: 'text' | 'note') => (args: { conversationId: string; text: string }) => {
    world.sent.push({ ...args, kind });
    const message: MessageView = {
      id: `m-${world.sent.length}`,
      conversationId: args.conversationId,
      senderKind: 'agent',
      senderId: 'u_1',
      kind,
      body: args.text,
      event: null,
      articleId: null,
      createdAt: Date.now(),
      delivery: 'pending',
      failure: null,
    };
    world.messages.set(args.conversationId, [...(world.messages.get(args.conversationId) ?? []), message]);
    return message;
  };
  const handlers: FakeHandlers = {
    'conversations.ids': ({ filter }) => (filter === 'mine' ? world.mine.map((c) => c.id) : []),
    'conversations.summaries': ({ ids }) => world.mine.filter((c) => ids.includes(c.id)),
    'conversations.get': ({ conversationId }) => find(conversationId),
    'conversations.read': ({ conversationId }) => {
      find(conversationId).unread = 0;
      world.emit?.('conversations.changed', { ids: [conversationId] });
      return null;
    },
    'messages.list': ({ conversationId }) => ({ messages: world.messages.get(conversationId) ?? [], hasMore: false }),
    'queues.list': () => [],
    'offers.list': () => [],
    'agents.list': () => [],
    'canned.list': () => world.canned.map((reply) => ({ ...reply, titleRanges: [] })),
    'kb.search': () => [],
    'customers.get': () => {
      throw new RpcError('not_found', 'no customer in this fake');
    },
    'drafts.get': ({ conversationId }) => world.drafts.get(conversationId) ?? null,
    'drafts.set': ({ conversationId, text }) => {
      if (!text) {
        world.drafts.delete(conversationId);
        return null;
      }
      const draft = { conversationId, text, updatedAt: Date.now() };
      world.drafts.set(conversationId, draft);
      return draft;
    },
    'messages.send': write('text'),
    'messages.note': write('note'),
  };
  return { world, handlers };
}
