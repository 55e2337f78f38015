import type { AgentFigures, AlertKind, AlertRules, MonitorAlert, QueueFigures } from '../../shared/api/monitor';

/** A breach of one threshold by one queue or agent, before it is compared with what was raised. */
interface Breach {
  kind: AlertKind;
  queueId: string | null;
  agentId: string | null;
  value: number;
  threshold: number;
}

export interface AlertEvaluation {
  /** alerts standing now, by key */
  raised: Map<string, MonitorAlert>;
  /** what to tell the lead: newly raised and newly cleared alerts */
  changes: MonitorAlert[];
}

const key = (b: Pick<Breach, 'kind' | 'queueId' | 'agentId'>): string => `${b.kind}|${b.queueId ?? ''}|${b.agentId ?? ''}`;

/**
 * Compares the figures with a lead's thresholds. An alert is raised once, when its figure first
 * crosses the threshold, stays raised (no repeats) while it stays over, and is cleared once, when
 * it is back under. `serves` says whether an agent works a queue (for "idle while chats wait").
 */
export function evaluateAlerts(input: {
  rules: AlertRules;
  queues: readonly QueueFigures[];
  agents: readonly AgentFigures[];
  serves: (agentId: string, queueId: string) => boolean;
  now: number;
  previous: ReadonlyMap<string, MonitorAlert>;
}): AlertEvaluation {
  const { rules, now, previous } = input;
  const breaches: Breach[] = [];
  const queueBreach = (kind: AlertKind, q: QueueFigures, value: number, threshold: number) =>
    breaches.push({ kind, queueId: q.queueId, agentId: null, value, threshold });
  for (const q of input.queues) {
    if (rules.waitingOver !== undefined && q.waiting > rules.waitingOver) queueBreach('waiting_over', q, q.waiting, rules.waitingOver);
    const waitedSec = q.oldestQueuedAt === null ? 0 : Math.floor((now - q.oldestQueuedAt) / 1000);
    if (rules.longestWaitOverSec !== undefined && waitedSec > rules.longestWaitOverSec) queueBreach('longest_wait_over', q, waitedSec, rules.longestWaitOverSec);
    const pickup = percent(q.pickup30.last15m.rate);
    if (rules.pickupRateUnderPct !== undefined && pickup !== null && pickup < rules.pickupRateUnderPct) {
      queueBreach('pickup_rate_under', q, pickup, rules.pickupRateUnderPct);
    }
    const reply = percent(q.merchant?.reply5m.rate ?? null);
    if (rules.replyComplianceUnderPct !== undefined && reply !== null && reply < rules.replyComplianceUnderPct) {
      queueBreach('reply_compliance_under', q, reply, rules.replyComplianceUnderPct);
    }
  }
  if (rules.agentIdleWhileWaiting) {
    for (const a of input.agents) {
      if (a.presence !== 'online' || a.active >= a.capacity) continue;
      const waiting = input.queues.filter((q) => q.waiting > 0 && input.serves(a.agentId, q.queueId)).reduce((n, q) => n + q.waiting, 0);
      if (waiting > 0) breaches.push({ kind: 'agent_idle', queueId: null, agentId: a.agentId, value: waiting, threshold: 0 });
    }
  }

  const raised = new Map<string, MonitorAlert>();
  const changes: MonitorAlert[] = [];
  for (const b of breaches) {
    const standing = previous.get(key(b));
    if (standing) {
      raised.set(key(b), standing);
      continue;
    }
    const alert: MonitorAlert = { ...b, state: 'raised', at: now };
    raised.set(key(b), alert);
    changes.push(alert);
  }
  for (const [k, standing] of previous) {
    if (!raised.has(k)) changes.push({ ...standing, state: 'cleared', at: now });
  }
  return { raised, changes };
}

/** A rate as a percentage rounded to one decimal, so a threshold compares with what the lead sees. */
function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
