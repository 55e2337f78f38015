import { EVENT_TICKET } from '../content/dialogue/common';
import { FEEDBACK_CATEGORY, FEEDBACK_KINDS } from '../content/dialogue/feedback';
import { TEAM } from '../content/org';
import type { Queue } from '../schema';
import { cstDayStart, HOUR, MINUTE } from '../time';
import { ChatScript, type DraftConversation, line } from './chat';
import { flagSensitive } from './common';
import { ticketMarker, type HistoryContext } from './context';

const RECEIVED = '已收到您的反馈，我们会在1个工作日内回复。';
const CLOSING = ['再次感谢您的反馈，祝您使用愉快！', '感谢您对我们的关注，有新的想法欢迎随时告诉我们。', '本条反馈已处理完毕，感谢您的耐心。'];
const FOLLOW_UP_CLOSING = ['工单处理有结果后，我们会第一时间通知您。', '专人跟进期间如有补充，可以直接回复这条反馈。'];
const TICKET_REPLY = '您反馈的情况我们已经建单{ticket}，会有专人跟进处理。';

/** The next moment the feedback team works (09:00–18:00 China time) at or after `ms`. */
function nextWorkingTime(ctx: HistoryContext, ms: number): number {
  const day = cstDayStart(ms);
  const open = day + 9 * HOUR;
  const close = day + 18 * HOUR;
  if (ms < open) return open + ctx.rng.int(5, 90) * MINUTE;
  if (ms >= close) return open + 24 * HOUR + ctx.rng.int(5, 90) * MINUTE;
  return ms;
}

/** One item in 意见反馈: posted any time, answered in working hours, hours later. */
export function feedbackConversation(ctx: HistoryContext, queue: Queue, start: number): DraftConversation {
  const { rng } = ctx;
  const kind = rng.weighted(FEEDBACK_KINDS.map((k) => [k, k.weight] as const));
  const customer = ctx.pickCustomer(start);
  const agent = ctx.pickAgent(queue.teamIds[0] as string);
  const chat = new ChatScript(rng, start);

  const post = rng.pick(kind.posts);
  chat.customer(post);
  chat.event('received', RECEIVED);
  chat.t = nextWorkingTime(ctx, chat.t + rng.int(20, 20 * 60) * MINUTE);
  flagSensitive(rng, chat, agent, post);
  chat.agent(agent, line(rng, kind.replies, { name: customer.name }));

  let status: DraftConversation['status'] = 'resolved';
  let ticket;
  if (kind.ticket && rng.chance(kind.ticket.chance)) {
    const department = TEAM[kind.ticket.department];
    ticket = ctx.addTicket({
      customerId: customer.id,
      title: rng.pick(kind.ticket.titles),
      department,
      category: FEEDBACK_CATEGORY,
      priority: kind.ticket.priority,
      createdAt: chat.t,
      createdBy: agent.id,
    });
    chat.agent(agent, line(rng, [TICKET_REPLY], { ticket: ticketMarker(ticket) }));
    chat.event('ticket', line(rng, [EVENT_TICKET], { ticket: ticketMarker(ticket), department: ctx.teamNames.get(department) }));
    ticket.createdAt = chat.t;
    status = 'closed';
  }
  if (rng.chance(0.7)) {
    chat.wait(5 * 60, 5 * 3600).customer(rng.pick(kind.followUps));
    chat.t = nextWorkingTime(ctx, chat.t + rng.int(5, 120) * MINUTE);
  }
  chat.agent(agent, rng.pick(ticket ? FOLLOW_UP_CLOSING : CLOSING));

  const draft: DraftConversation = {
    customerId: customer.id,
    queueId: queue.id,
    channel: 'feedback',
    agentId: agent.id,
    status,
    category: FEEDBACK_CATEGORY,
    escalated: false,
    messages: chat.finish(),
  };
  if (ticket) ticket.conversation = draft;
  return draft;
}
