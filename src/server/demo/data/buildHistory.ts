import { DAY_PROFILE, instantOnDay } from './buildCustomers';
import { QUEUE } from './content/org';
import type { DraftConversation } from './history/chat';
import { HistoryContext, TICKET_MARKER } from './history/context';
import { feedbackConversation } from './history/feedback';
import { merchantConversation, type Escalation } from './history/merchant';
import { platformConversation } from './history/platform';
import { draftStandaloneTickets, finishTickets } from './history/tickets';
import type { Rng } from './random';
import type { Channel, Conversation, DemoReference, History, Message, Queue } from './schema';
import { DAY, HOUR } from './time';
import { pad } from './text';

export const CONVERSATION_COUNT = 1500;
export const HISTORY_DAYS = 90;
/** Tickets from conversations are topped up with standalone ones (call-backs, QC) to about this many. */
export const TICKET_TARGET = 150;
const MIN_STANDALONE_TICKETS = 25;

type QueueKey = keyof typeof QUEUE;

/** Share of conversations per queue; 升级处理 fills up with escalated shop chats. */
const MIX: (readonly [Exclude<QueueKey, 'escalation'>, number])[] = [
  ['account', 19],
  ['trade', 30],
  ['content', 15],
  ['feedback', 5],
  ['beauty', 17],
  ['outdoor', 14],
];

/** How often each shop misses the 2-minute pickup or the 5-minute reply. */
const ESCALATION_MIX: Record<'beauty' | 'outdoor', (readonly [Escalation, number])[]> = {
  beauty: [['none', 90], ['pickup', 5], ['reply', 5]],
  outdoor: [['none', 84], ['pickup', 8], ['reply', 8]],
};

/** A growing platform: the last weeks are busier than three months ago. */
const DAY_WEIGHTS: (readonly [number, number])[] = Array.from({ length: HISTORY_DAYS }, (_, d) => [d, 1.5 - d / HISTORY_DAYS] as const);

function channelFor(rng: Rng, key: QueueKey): Channel {
  switch (key) {
    case 'account':
      return rng.weighted<Channel>([['chat', 85], ['dm', 15]]);
    case 'content':
      return rng.weighted<Channel>([['chat', 60], ['comment', 20], ['dm', 20]]);
    case 'beauty':
    case 'outdoor':
      return rng.weighted<Channel>([['chat', 85], ['dm', 15]]);
    default:
      return 'chat';
  }
}

/**
 * When a conversation starts: a day in the last 90, an hour following DAY_PROFILE. Queues without
 * a bot only get customers while staffed (elsewhere the night falls to the bot). Leaves room so
 * every conversation is over before the anchor.
 */
function startTime(ctx: HistoryContext, queue: Queue, key: QueueKey): number | undefined {
  const { rng, anchor } = ctx;
  const room = key === 'feedback' ? 3 * DAY : 3 * HOUR;
  let profile = DAY_PROFILE;
  if (queue.hours !== '24x7' && !queue.botFirst && key !== 'feedback') {
    const from = Number(queue.hours.start.slice(0, 2));
    const to = Number(queue.hours.end.slice(0, 2));
    profile = DAY_PROFILE.map((w, h) => (h >= from && h < to ? w : 0));
  }
  const start = instantOnDay(rng, anchor, rng.weighted(DAY_WEIGHTS), profile);
  return start <= anchor - room && start >= anchor - HISTORY_DAYS * DAY ? start : undefined;
}

function draftOne(ctx: HistoryContext, key: Exclude<QueueKey, 'escalation'>): DraftConversation | undefined {
  const queue = ctx.queue(QUEUE[key]);
  const start = startTime(ctx, queue, key);
  if (start === undefined) return undefined;
  switch (key) {
    case 'account':
    case 'trade':
    case 'content':
      return platformConversation(ctx, queue, key, start, channelFor(ctx.rng, key));
    case 'feedback':
      return feedbackConversation(ctx, queue, start);
    case 'beauty':
    case 'outdoor':
      return merchantConversation(ctx, queue, start, channelFor(ctx.rng, key), ctx.rng.weighted(ESCALATION_MIX[key]));
  }
}

/** About 1,500 past conversations over the 90 days before the anchor, and about 150 tickets. */
export function buildHistory(rng: Rng, reference: DemoReference, anchor: number): History {
  const ctx = new HistoryContext(rng, reference, anchor);
  const drafts: DraftConversation[] = [];
  for (let tries = 0; drafts.length < CONVERSATION_COUNT; tries++) {
    if (tries > CONVERSATION_COUNT * 20) throw new Error('demo history: too few customers or orders to write conversations about');
    const draft = draftOne(ctx, rng.weighted(MIX));
    if (draft) drafts.push(draft);
  }

  drafts.sort((a, b) => (a.messages[0]?.at ?? 0) - (b.messages[0]?.at ?? 0));
  drafts.forEach((d, i) => (d.id = `cv-${pad(i + 1, 5)}`));

  draftStandaloneTickets(ctx, Math.max(MIN_STANDALONE_TICKETS, TICKET_TARGET - ctx.tickets.length));
  const { tickets, ids } = finishTickets(ctx);
  const withTicketIds = (text: string) => text.replace(TICKET_MARKER, (_m, index: string) => ids[Number(index)] ?? _m);

  const conversations = drafts.map((d): Conversation => {
    const id = d.id as string;
    const messages = d.messages.map(
      (m, k): Message => ({
        id: `${id}-${pad(k + 1, 2)}`,
        sender: m.sender,
        ...(m.agentId ? { agentId: m.agentId } : {}),
        kind: m.kind,
        text: withTicketIds(m.text),
        at: m.at,
        ...(m.articleId ? { articleId: m.articleId } : {}),
        ...(m.event ? { event: m.event } : {}),
      }),
    );
    const first = messages[0] as Message;
    const last = messages[messages.length - 1] as Message;
    return {
      id,
      customerId: d.customerId,
      queueId: d.queueId,
      ...(d.originQueueId ? { originQueueId: d.originQueueId } : {}),
      channel: d.channel,
      ...(d.shopId ? { shopId: d.shopId } : {}),
      ...(d.orderId ? { orderId: d.orderId } : {}),
      ...(d.agentId ? { agentId: d.agentId } : {}),
      status: d.status,
      startedAt: first.at,
      closedAt: last.at + rng.int(5_000, 90_000),
      category: d.category,
      ...(d.csat ? { csat: d.csat } : {}),
      escalated: d.escalated,
      messages,
    };
  });
  return { conversations, tickets };
}
