import type { ReportRow } from '../api/monitor';
import { agentReplies, groupBy, type TimedMessage } from './group';
import { mean, pickupRate, qcPassRate, ratio } from './kpis';

/*
 * The report's figures from plain rows, so the server (its database) and the workstation core
 * (its cache, offline) compute the very same numbers. Definitions: docs/monitor-metrics.md.
 */

export type ReportGroupBy = 'agent' | 'team' | 'shop';

/** One conversation as the reports group and measure it. */
export interface ReportConversation {
  id: string;
  queueId: string;
  shopId: string | null;
  assigneeId: string | null;
  queuedAt: number | null;
  assignedAt: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  csat: number | null;
  escalated: boolean;
  /** teams serving its queue */
  teamIds: string[];
  /** a lead confirmed an agent-side QC flag on it */
  qcFailed: boolean;
  /** the customer appealed (kpis.APPEAL_RULE_IDS) and no lead dismissed it */
  appealed: boolean;
}

export interface ReportInput {
  groupBy: ReportGroupBy;
  /** end of the period (exclusive): chats still waiting then are pending */
  to: number;
  /** the caller's conversations created in the period that reached a person's queue */
  conversations: readonly ReportConversation[];
  /** customer and agent text messages of those conversations, by conversation and time */
  messages: readonly TimedMessage[];
  /** display names of those agents / teams / shops the caller may see; the others get no row */
  names: (ids: readonly string[]) => Map<string, string>;
}

/**
 * One row per agent holding the conversations, team serving their queue (a queue served by two
 * teams counts for both) or shop (platform conversations have none and are left out), by name.
 */
export function reportRows(input: ReportInput): ReportRow[] {
  const { conversations } = input;
  const keysOf = (c: ReportConversation): string[] =>
    input.groupBy === 'agent' ? (c.assigneeId ? [c.assigneeId] : []) : input.groupBy === 'team' ? c.teamIds : c.shopId ? [c.shopId] : [];
  const groups = groupBy(
    conversations.flatMap((c) => keysOf(c).map((key) => ({ key, c }))),
    (g) => g.key,
  );

  // Reply intervals go to the agent who replied, or to the team / shop of the conversation.
  const byConversation = new Map(conversations.map((c) => [c.id, c]));
  const intervals = groupBy(
    agentReplies(input.messages).flatMap((r) => {
      if (input.groupBy === 'agent') return r.agentId ? [{ key: r.agentId, ms: r.ms }] : [];
      const owner = byConversation.get(r.conversationId);
      return owner ? keysOf(owner).map((key) => ({ key, ms: r.ms })) : [];
    }),
    (i) => i.key,
  );
  // A conversation of the lead's queue may have gone on to another team's agent: rows only for
  // the agents, teams and shops the caller may see, so a report names nobody outside their scope.
  const names = input.names([...groups.keys()]);

  return [...groups.entries()]
    .filter(([key]) => names.has(key))
    .map(([key, members]): ReportRow => {
      const list = members.map((m) => m.c);
      const merchant = list.filter((c) => c.shopId !== null);
      const rated = list.flatMap((c) => (c.csat === null ? [] : [c.csat]));
      const handled = list.filter((c) => c.firstResponseAt !== null);
      const sinceQueued = (at: number | null, c: ReportConversation) => (c.queuedAt === null || at === null || at < c.queuedAt ? [] : [at - c.queuedAt]);
      return {
        key,
        name: names.get(key)!,
        conversations: list.length,
        pickup30Rate: pickupRate(
          list.flatMap((c) => (c.queuedAt === null ? [] : [{ queuedAt: c.queuedAt, assignedAt: c.assignedAt }])),
          input.to,
        ).rate,
        avgReplyIntervalMs: mean((intervals.get(key) ?? []).map((i) => i.ms)),
        avgFirstResponseMs: mean(handled.flatMap((c) => sinceQueued(c.firstResponseAt, c))),
        avgResolutionMs: mean(list.flatMap((c) => sinceQueued(c.resolvedAt, c))),
        qcPassRate: qcPassRate(handled.length, handled.filter((c) => c.qcFailed).length),
        escalationRate: ratio(merchant.filter((c) => c.escalated).length, merchant.length),
        csatAvg: mean(rated),
        csatCount: rated.length,
        appealRate: ratio(list.filter((c) => c.appealed).length, list.length),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
