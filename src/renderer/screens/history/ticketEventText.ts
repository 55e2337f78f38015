import type { TFunction } from 'i18next';
import type { TicketEvent } from '../../../shared/domain/tickets';
import type { Directory } from './useDirectory';

/**
 * A ticket timeline line in the reader's language, from the event's structured change; an
 * entry whose change is not understood (imported history) shows its kind and text.
 */
export function ticketEventText(event: TicketEvent, names: Directory['names'], t: TFunction): string {
  const actor = names.agent(event.actorId);
  const change = event.change;
  const body = event.body ? `: ${event.body}` : '';
  switch (change?.type) {
    case 'created':
      return t('historyView.ticketEvent.created', { actor, team: names.team(change.departmentTeamId) });
    case 'comment':
      return t('historyView.ticketEvent.comment', { actor }) + body;
    case 'status':
      return t('historyView.ticketEvent.status', { actor, from: t(`ticketStatus.${change.from}`), to: t(`ticketStatus.${change.to}`) });
    case 'priority':
      return t('historyView.ticketEvent.priority', { actor, from: t(`ticketPriority.${change.from}`), to: t(`ticketPriority.${change.to}`) });
    case 'dueAt':
      return t('historyView.ticketEvent.dueAt', { actor, to: change.to === null ? '—' : new Date(change.to).toLocaleString() });
    case 'transfer':
      return t('historyView.ticketEvent.transfer', { actor, from: names.team(change.fromTeamId), to: names.team(change.toTeamId) }) + body;
    case 'assign':
      return t('historyView.ticketEvent.assign', { actor, to: names.agent(change.toAgentId) });
    case undefined:
      return `${event.kind}${body}`;
  }
}
