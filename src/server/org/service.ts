import type { AccessGranter } from '../conversations/access';
import type { ConversationsReads } from '../conversations/store';
import type { Writer } from '../db/writer';
import type { FollowupsReads } from '../followups/store';
import { Rejection } from '../mutations/rejection';
import type { Restamper } from '../sync/restamp';
import type { TicketAccess } from '../tickets/access';
import type { OrgStore } from './store';

/**
 * Organisation changes that move visibility. Joining a team is "gaining access": everything the
 * new member now sees through the team is re-stamped in the same transaction, so their next
 * pull brings it (docs/sync-protocol.md). Admin routes for teams come with the admin feature.
 */
export class OrgService {
  constructor(
    private readonly deps: {
      writer: Writer;
      org: OrgStore;
      conversations: ConversationsReads;
      restamper: Restamper;
      access: AccessGranter;
      tickets: TicketAccess;
      followups: FollowupsReads;
    },
  ) {}

  /** Adds the user to the team; returns false when they already were a member. */
  addTeamMember(teamId: string, userId: string): boolean {
    const { writer, org, restamper, access, conversations, tickets, followups } = this.deps;
    const team = org.team(teamId);
    const user = org.user(userId);
    if (!team || team.deleted) throw new Rejection('not_found', `no team ${teamId}`);
    if (!user || user.deleted) throw new Rejection('not_found', `no user ${userId}`);
    return writer.write((tx) => {
      if (!org.addTeamMember(tx, teamId, userId)) return false;
      restamper.restamp(tx, 'teams', [teamId]);
      if (team.shopId) restamper.restamp(tx, 'shops', [team.shopId]);
      const queueIds = org.queueIdsOfTeam(teamId);
      restamper.restamp(tx, 'queues', queueIds);
      restamper.restamp(tx, 'agents', org.teamMembers(teamId).filter((id) => id !== userId));
      restamper.restamp(tx, 'kb', org.kbIdsOfTeam(teamId));
      restamper.restamp(tx, 'canned', org.cannedIdsOfTeam(teamId));
      tickets.grantDepartment(tx, teamId);
      // Leads see every conversation that is or was in their teams' queues, with its history.
      if (user.role === 'lead') {
        for (const conversationId of conversations.idsInQueues(queueIds)) access.grantConversation(tx, conversationId);
        restamper.restamp(tx, 'followups', followups.idsOfTeam(teamId));
      }
      return true;
    });
  }
}
