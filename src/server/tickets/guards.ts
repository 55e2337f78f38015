import type { Ticket } from '../../shared/domain/tickets';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { TicketRecord, TicketsReads } from './store';

/*
 * The checks every ticket write starts with. Invisible and unknown look the same (not_found), so
 * a merchant agent cannot probe another shop's ticket ids; visible but not yours is forbidden;
 * closed is final (conflict).
 */

export function visibleTicket(deps: { tickets: TicketsReads; sync: SyncService }, scope: Scope, id: string): TicketRecord {
  const ticket = deps.tickets.ticket(id);
  if (!ticket || ticket.deleted || !deps.sync.isVisible(scope, 'tickets', id)) throw new Rejection('not_found', `no ticket ${id}`);
  return ticket;
}

/** The people of the holding department, the assignee and admins work on a ticket; others who see it may comment. */
export function mustWork(scope: Scope, ticket: Ticket, action: string): void {
  const works = scope.audience === 'admin' || ticket.assigneeId === scope.userId || scope.teamIds.includes(ticket.departmentTeamId);
  if (!works) throw new Rejection('forbidden', `only the ticket's department may ${action} it`);
}

export function mustBeOpen(ticket: Ticket, action: string): void {
  if (ticket.status === 'closed') throw new Rejection('conflict', `cannot ${action} a closed ticket`);
}

/**
 * A department that may hold a ticket of this shop: any platform team, or a team of the ticket's
 * own shop. A shop's ticket can go to the platform (or come back), never to another shop.
 */
export function departmentFor(org: OrgReads, teamId: string, shopId: string | null): string {
  const team = org.team(teamId);
  if (!team || team.deleted) throw new Rejection('not_found', `no team ${teamId}`);
  if (team.kind !== 'platform' && team.shopId !== shopId) throw new Rejection('forbidden', 'that department may not hold this ticket');
  return team.id;
}

/** Tickets are assigned inside their department only. */
export function departmentMember(deps: { org: OrgReads; sync: SyncService }, scope: Scope, departmentTeamId: string, agentId: string): string {
  const { org, sync } = deps;
  const agent = org.user(agentId);
  if (!agent || agent.deleted || !sync.isVisible(scope, 'agents', agentId)) throw new Rejection('not_found', `no agent ${agentId}`);
  if (!org.teamMembers(departmentTeamId).includes(agent.id)) throw new Rejection('forbidden', 'the agent is not in the ticket’s department');
  return agent.id;
}
