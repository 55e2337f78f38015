import {
  ACCOUNT_CANNED,
  BEAUTY_CANNED,
  CONTENT_CANNED,
  ESCALATION_CANNED,
  FEEDBACK_CANNED,
  OUTDOOR_CANNED,
  PERSONAL_CANNED,
  TRADE_CANNED,
  type CannedRow,
} from './content/canned';
import { agentId, TEAM } from './content/org';
import type { Canned, CannedReply } from './schema';

const TEAM_ROWS: [teamId: string, rows: CannedRow[]][] = [
  [TEAM.account, ACCOUNT_CANNED],
  [TEAM.trade, TRADE_CANNED],
  [TEAM.content, CONTENT_CANNED],
  [TEAM.escalation, ESCALATION_CANNED],
  [TEAM.feedback, FEEDBACK_CANNED],
  [TEAM.beauty, BEAUTY_CANNED],
  [TEAM.outdoor, OUTDOOR_CANNED],
];

/** The canned replies: each team's set, then personal ones. Fixed content; ids derive from owner and shortcut. */
export function buildCanned(): Canned {
  const replies: CannedReply[] = [];
  for (const [teamId, rows] of TEAM_ROWS) {
    for (const [shortcut, title, body] of rows) {
      replies.push({ id: `cr-${teamId.replace(/^team-/, '')}-${shortcut}`, shortcut, title, body, scope: 'team', teamId });
    }
  }
  for (const [username, rows] of Object.entries(PERSONAL_CANNED)) {
    for (const [shortcut, title, body] of rows) {
      replies.push({ id: `cr-${username}-${shortcut}`, shortcut, title, body, scope: 'personal', ownerAgentId: agentId(username) });
    }
  }
  return { replies };
}
