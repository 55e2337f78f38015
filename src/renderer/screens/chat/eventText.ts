import type { TFunction } from 'i18next';
import type { Message } from '../../../shared/domain/conversations';

export interface Names {
  agent(id: string | null): string;
  queue(id: string): string;
}

/**
 * A system line in the reader's language, from the event's structure; imported history that has
 * only a text body shows that body.
 */
export function eventText(message: Message, names: Names, t: TFunction): string {
  const event = message.event;
  if (!event) return message.body;
  switch (event.type) {
    case 'created':
      return t('thread.event.created', { queue: names.queue(event.queueId) });
    case 'accepted':
      return t('thread.event.accepted', { agent: names.agent(event.agentId) });
    case 'transferred':
      return event.toAgentId
        ? t('thread.event.transferredToAgent', { by: names.agent(event.byAgentId), to: names.agent(event.toAgentId) })
        : t('thread.event.transferredToQueue', { by: names.agent(event.byAgentId), to: names.queue(event.toQueueId) });
    case 'resolved':
      return t('thread.event.resolved', { agent: names.agent(event.byAgentId), category: event.category });
    case 'reopened':
      return t(event.by === 'agent' ? 'thread.event.reopenedByAgent' : 'thread.event.reopenedByCustomer');
    case 'escalated':
      return t('thread.event.escalated', { from: names.queue(event.fromQueueId), to: names.queue(event.toQueueId), reason: t(`sla.reason.${event.reason}`) });
  }
}
