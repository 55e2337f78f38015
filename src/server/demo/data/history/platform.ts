import { ACCOUNT_TOPICS } from '../content/dialogue/account';
import {
  AGENT_ACK,
  AGENT_CLOSE,
  AGENT_CLOSE_FOLLOWUP,
  AGENT_GREET,
  AGENT_TICKET,
  BOT_ANSWER,
  BOT_FOLLOW,
  BOT_OFF_HOURS,
  BOT_THANKS,
  CUSTOMER_ABANDON,
  CUSTOMER_BOT_OK,
  CUSTOMER_BYE,
  CUSTOMER_HANDOFF,
  CUSTOMER_THANKS,
  CUSTOMER_WILL_WAIT,
  EVENT_HANDOFF,
  EVENT_LEFT,
  EVENT_TIMED_OUT,
  EVENT_PICKED,
  EVENT_TICKET,
  OPENER_PREFIXES,
} from '../content/dialogue/common';
import { CONTENT_TOPICS } from '../content/dialogue/content';
import { TRADE_TOPICS } from '../content/dialogue/trade';
import type { TopicDialogue } from '../content/dialogue/types';
import type { Channel, Queue } from '../schema';
import { placeholders } from '../text';
import { ChatScript, type DraftConversation, line, TRIM } from './chat';
import { flagSensitive, opener, rate, summaryOf } from './common';
import { hoursText, inHours, ticketMarker, type HistoryContext } from './context';

const TOPICS_BY_QUEUE: Record<TopicDialogue['queue'], TopicDialogue[]> = {
  account: ACCOUNT_TOPICS,
  trade: TRADE_TOPICS,
  content: CONTENT_TOPICS,
};

export const ALL_PLATFORM_TOPICS = [...ACCOUNT_TOPICS, ...TRADE_TOPICS, ...CONTENT_TOPICS];

/** Whether template lines mention the parcel, so only orders that shipped fit them. */
export function mentionsParcel(lines: readonly string[]): boolean {
  return lines.some((l) => placeholders(l).some((p) => p === 'carrier' || p === 'tracking'));
}

/** Off-hours in a bot-first queue: the bot answers, then tells the customer when humans are back. */
export function offHours(ctx: HistoryContext, chat: ChatScript, queue: Queue): void {
  const { rng } = ctx;
  chat.customer(rng.pick(CUSTOMER_HANDOFF));
  chat.bot(line(rng, BOT_OFF_HOURS, { hours: hoursText(queue.hours) }));
  chat.customer(rng.pick(['好的', '那我晚点再来', '行吧，我留言了', '知道了']));
}

/** One conversation in 账号与安全, 交易与退款 or 内容与社区; undefined when no order fits the picked thread. */
export function platformConversation(
  ctx: HistoryContext,
  queue: Queue,
  key: TopicDialogue['queue'],
  start: number,
  channel: Channel,
): DraftConversation | undefined {
  const { rng } = ctx;
  const topic = rng.weighted(TOPICS_BY_QUEUE[key].map((t) => [t, t.weight] as const));
  const thread = rng.pick(topic.threads);
  const threadLines = [thread.stuck, thread.probe, thread.answer, thread.resolve];
  const found = ctx.pickOrder(topic.order, start, { ...(thread.items ? { items: thread.items } : {}), parcel: mentionsParcel(threadLines) });
  if (topic.order !== 'none' && !found) return undefined;
  const order = found?.order;
  const customer = order ? ctx.customer(order.customerId) : ctx.pickCustomer(start);
  if (customer.createdAt >= start) return undefined;

  const teamId = queue.teamIds[0] as string;
  const agent = ctx.pickAgent(teamId);
  const article = ctx.article(thread.article);
  const vars = ctx.vars(customer, order, found?.item, agent, { title: article.title, summary: summaryOf(article.body) });
  const stuck = line(rng, [thread.stuck], vars);
  const chat = new ChatScript(rng, start);
  const base = { customerId: customer.id, queueId: queue.id, channel, category: topic.category, escalated: false, ...(order ? { orderId: order.id } : {}) };

  // Comments under the official account's notes: a public reply, one follow-up, done.
  if (channel === 'comment') {
    chat.customer(rng.pick(article.questions));
    chat.wait(60, 1800).agent(agent, `@${customer.name} ${summaryOf(article.body)}`);
    chat.customer(stuck);
    chat.agent(agent, `${line(rng, [thread.resolve], vars)}有其他问题可以私信我们哦。`);
    return { ...base, agentId: agent.id, status: 'resolved', messages: chat.finish() };
  }

  chat.customer(opener(rng, OPENER_PREFIXES, rng.pick(article.questions)));
  let stuckSaid = false;
  if (queue.botFirst && channel === 'chat') {
    chat.bot(line(rng, BOT_ANSWER, vars), article.id);
    if (!inHours(queue.hours, start)) {
      offHours(ctx, chat, queue);
      return { ...base, status: 'closed', messages: chat.finish() };
    }
    const branch = rng.weighted([['bot', 22], ['abandon', 6], ['human', 72]] as const);
    if (branch === 'bot') {
      chat.customer(rng.pick(CUSTOMER_BOT_OK));
      chat.bot(rng.pick(BOT_THANKS));
      return { ...base, status: 'resolved', messages: chat.finish() };
    }
    if (branch === 'human' && rng.chance(0.5)) {
      chat.customer(stuck);
      chat.bot(rng.pick(BOT_FOLLOW));
      stuckSaid = true;
    }
    chat.customer(rng.pick(CUSTOMER_HANDOFF));
    chat.event('handoff', line(rng, EVENT_HANDOFF, { n: rng.int(1, 12), queue: queue.name }));
    if (branch === 'abandon') {
      if (rng.chance(0.6)) chat.wait(90, 360).customer(rng.pick(CUSTOMER_ABANDON)).event('left', EVENT_LEFT);
      else chat.wait(600, 900).event('timedOut', EVENT_TIMED_OUT);
      return { ...base, status: 'abandoned', messages: chat.finish() };
    }
    chat.wait(10, 240);
  } else {
    chat.wait(20, 180);
  }

  chat.event('picked', line(rng, [EVENT_PICKED], vars), TRIM.picked);
  chat.agent(agent, line(rng, AGENT_GREET, vars));
  if (!stuckSaid) chat.customer(stuck);
  flagSensitive(rng, chat, agent, stuck);
  chat.agent(agent, line(rng, [thread.probe], vars));
  chat.customer(line(rng, [thread.answer], vars));
  if (rng.chance(0.5)) chat.agent(agent, rng.pick(AGENT_ACK), TRIM.ack);
  if (rng.chance(0.45)) chat.note(agent, customer.level === 'VIP' && rng.chance(0.3) ? `VIP用户，已优先处理。${thread.note}` : thread.note, TRIM.note);

  if (thread.ticket && rng.chance(topic.ticketChance)) {
    chat.wait(30, 240);
    const ticket = ctx.addTicket({
      customerId: customer.id,
      ...(order ? { orderId: order.id } : {}),
      title: thread.ticket.title,
      department: teamId,
      category: topic.category,
      priority: thread.ticket.priority,
      createdAt: chat.t,
      createdBy: agent.id,
    });
    chat.agent(agent, line(rng, AGENT_TICKET, { ticket: ticketMarker(ticket), hours: rng.pick([24, 48]) }));
    chat.event('ticket', line(rng, [EVENT_TICKET], { ticket: ticketMarker(ticket), department: ctx.teamNames.get(teamId) }));
    ticket.createdAt = chat.t;
    chat.customer(rng.pick(CUSTOMER_WILL_WAIT));
    chat.agent(agent, rng.pick(AGENT_CLOSE_FOLLOWUP), TRIM.close);
    const csat = rate(rng, chat, true);
    const draft: DraftConversation = { ...base, agentId: agent.id, status: 'closed', ...(csat ? { csat } : {}), messages: chat.finish() };
    ticket.conversation = draft;
    return draft;
  }

  chat.agent(agent, line(rng, [thread.resolve], vars));
  chat.customer(rng.pick(CUSTOMER_THANKS));
  chat.agent(agent, rng.pick(AGENT_CLOSE), TRIM.close);
  if (rng.chance(0.35)) chat.customer(rng.pick(CUSTOMER_BYE), TRIM.bye);
  const csat = rate(rng, chat, false);
  return { ...base, agentId: agent.id, status: 'resolved', ...(csat ? { csat } : {}), messages: chat.finish() };
}
