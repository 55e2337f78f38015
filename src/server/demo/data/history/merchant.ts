import {
  AGENT_ACK,
  AGENT_CLOSE,
  AGENT_CLOSE_FOLLOWUP,
  AGENT_GREET,
  AGENT_TICKET,
  BOT_ANSWER,
  BOT_THANKS,
  CUSTOMER_BOT_OK,
  CUSTOMER_COMPLAIN_WAIT,
  CUSTOMER_HANDOFF,
  CUSTOMER_THANKS,
  CUSTOMER_WAIT,
  CUSTOMER_WILL_WAIT,
  EVENT_ESCALATED_PICKUP,
  EVENT_ESCALATED_REPLY,
  EVENT_HANDOFF,
  EVENT_TICKET,
  NOTE_ESCALATED,
  OPENER_PREFIXES,
  SHOP_GREET,
} from '../content/dialogue/common';
import { BEAUTY_SCENARIOS, OUTDOOR_SCENARIOS } from '../content/dialogue/shops';
import type { ShopScenario } from '../content/dialogue/types';
import { QUEUE, SHOP_BEAUTY, TEAM } from '../content/org';
import type { Channel, Queue } from '../schema';
import type { Vars } from '../text';
import { ChatScript, type DraftConversation, line, TRIM } from './chat';
import { flagSensitive, opener, rate, summaryOf } from './common';
import { inHours, ticketMarker, type HistoryContext } from './context';
import { mentionsParcel, offHours } from './platform';

const ESCALATION_GREET = [
  '您好{name}，我是平台客服{agent}，已经看到您和店铺的全部聊天记录，接下来由我为您处理。',
  '您好，我是平台客服{agent}，店铺刚才没有及时回复您，非常抱歉，您的问题我来跟进。',
];

export type Escalation = 'none' | 'pickup' | 'reply';

/**
 * One chat with a shop. Shop agents answer it; when the shop does not pick up within 2 minutes or
 * stops replying for 5, the customer escalates and a platform agent of 升级处理 takes over with
 * the whole history.
 */
export function merchantConversation(
  ctx: HistoryContext,
  queue: Queue,
  start: number,
  channel: Channel,
  escalation: Escalation,
): DraftConversation | undefined {
  const { rng } = ctx;
  const shopId = queue.shopId as string;
  const scenario = rng.pick(shopId === SHOP_BEAUTY ? BEAUTY_SCENARIOS : OUTDOOR_SCENARIOS);
  const thread = rng.pick(scenario.threads);
  const lines = [...thread.ask, thread.probe, thread.answer, thread.resolve];
  const found = ctx.pickOrder(scenario.order, start, { shopId, ...(thread.items ? { items: thread.items } : {}), parcel: mentionsParcel(lines) });
  if (scenario.order !== 'none' && !found) return undefined;
  const order = found?.order;
  const customer = order ? ctx.customer(order.customerId) : ctx.pickCustomer(start);
  if (customer.createdAt >= start) return undefined;

  const shopAgent = ctx.pickAgent(queue.teamIds[0] as string);
  const article = ctx.article(scenario.article, shopId);
  const vars = ctx.vars(customer, order, found?.item, shopAgent, { title: article.title, summary: summaryOf(article.body), shop: ctx.shopNames.get(shopId) });
  const chat = new ChatScript(rng, start);
  const base = { customerId: customer.id, channel, shopId, category: scenario.category, ...(order ? { orderId: order.id } : {}) };

  chat.customer(opener(rng, OPENER_PREFIXES, line(rng, thread.ask, vars)));
  if (queue.botFirst && channel === 'chat') {
    chat.bot(line(rng, BOT_ANSWER, vars), article.id);
    if (!inHours(queue.hours, start)) {
      offHours(ctx, chat, queue);
      return { ...base, queueId: queue.id, status: 'closed', escalated: false, messages: chat.finish() };
    }
    if (escalation === 'none' && rng.chance(0.15)) {
      chat.customer(rng.pick(CUSTOMER_BOT_OK));
      chat.bot(rng.pick(BOT_THANKS));
      return { ...base, queueId: queue.id, status: 'resolved', escalated: false, messages: chat.finish() };
    }
    chat.customer(rng.pick(CUSTOMER_HANDOFF));
    chat.event('handoff', line(rng, EVENT_HANDOFF, { n: rng.int(1, 5), queue: queue.name }));
  }
  const waitingSince = chat.t;

  if (escalation === 'pickup') {
    chat.wait(60, 100).customer(rng.pick(CUSTOMER_WAIT));
    chat.t = Math.max(chat.t, waitingSince + rng.int(121, 200) * 1000);
    chat.event('escalated', EVENT_ESCALATED_PICKUP);
    return platformTakesOver(ctx, chat, queue, scenario, { ...vars }, base, order?.id);
  }

  chat.wait(8, 100).agent(shopAgent, line(rng, SHOP_GREET, vars));
  chat.agent(shopAgent, line(rng, [thread.probe], vars));
  chat.customer(line(rng, [thread.answer], vars));

  if (escalation === 'reply') {
    chat.wait(300, 420).customer(rng.pick(CUSTOMER_WAIT));
    chat.wait(10, 120).event('escalated', EVENT_ESCALATED_REPLY);
    return platformTakesOver(ctx, chat, queue, scenario, { ...vars }, base, order?.id);
  }

  if (rng.chance(0.4)) chat.agent(shopAgent, rng.pick(AGENT_ACK), TRIM.ack);
  if (scenario.angry && rng.chance(0.1)) {
    const angry = rng.pick(scenario.angry);
    chat.customer(angry);
    flagSensitive(rng, chat, shopAgent, angry);
  }
  if (rng.chance(0.3)) chat.note(shopAgent, thread.note, TRIM.note);
  chat.agent(shopAgent, line(rng, [thread.resolve], vars));
  chat.customer(rng.pick(CUSTOMER_THANKS));
  chat.agent(shopAgent, rng.pick(AGENT_CLOSE), TRIM.close);
  const csat = rate(rng, chat, false);
  return { ...base, queueId: queue.id, agentId: shopAgent.id, status: 'resolved', escalated: false, ...(csat ? { csat } : {}), messages: chat.finish() };
}

function platformTakesOver(
  ctx: HistoryContext,
  chat: ChatScript,
  origin: Queue,
  scenario: ShopScenario,
  vars: Vars,
  base: Omit<DraftConversation, 'queueId' | 'status' | 'escalated' | 'messages'>,
  orderId: string | undefined,
): DraftConversation {
  const { rng } = ctx;
  const agent = ctx.pickAgent(TEAM.escalation);
  const pvars = { ...vars, agent: agent.displayName };
  chat.wait(20, 150).agent(agent, line(rng, rng.chance(0.7) ? ESCALATION_GREET : AGENT_GREET, pvars));
  const complaint = scenario.angry && rng.chance(0.5) ? rng.pick(scenario.angry) : rng.pick(CUSTOMER_COMPLAIN_WAIT);
  chat.customer(complaint);
  flagSensitive(rng, chat, agent, complaint);
  chat.note(agent, rng.pick(NOTE_ESCALATED), TRIM.note);
  const moved = { ...base, queueId: QUEUE.escalation, originQueueId: origin.id, escalated: true, agentId: agent.id };

  if (scenario.ticket && rng.chance(scenario.ticket.chance + 0.2)) {
    const ticket = ctx.addTicket({
      customerId: base.customerId,
      ...(orderId ? { orderId } : {}),
      title: scenario.ticket.title,
      department: TEAM.escalation,
      category: scenario.category,
      priority: scenario.ticket.priority,
      createdAt: chat.t,
      createdBy: agent.id,
    });
    chat.agent(agent, line(rng, AGENT_TICKET, { ticket: ticketMarker(ticket), hours: 24 }));
    chat.event('ticket', line(rng, [EVENT_TICKET], { ticket: ticketMarker(ticket), department: ctx.teamNames.get(TEAM.escalation) }));
    ticket.createdAt = chat.t;
    chat.customer(rng.pick(CUSTOMER_WILL_WAIT));
    chat.agent(agent, rng.pick(AGENT_CLOSE_FOLLOWUP), TRIM.close);
    const csat = rate(rng, chat, true);
    const draft: DraftConversation = { ...moved, status: 'closed', ...(csat ? { csat } : {}), messages: chat.finish() };
    ticket.conversation = draft;
    return draft;
  }

  chat.agent(agent, line(rng, scenario.platform, pvars));
  chat.customer(rng.pick(CUSTOMER_THANKS));
  chat.agent(agent, rng.pick(AGENT_CLOSE_FOLLOWUP), TRIM.close);
  const csat = rate(rng, chat, true);
  return { ...moved, status: 'resolved', ...(csat ? { csat } : {}), messages: chat.finish() };
}
