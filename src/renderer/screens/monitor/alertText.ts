import type { TFunction } from 'i18next';
import type { AgentFigures, MonitorAlert, QueueFigures } from '../../../shared/api/monitor';

/** One line naming the queue or agent, the figure and the threshold it crossed. */
export function alertText(alert: MonitorAlert, queues: readonly QueueFigures[], agents: readonly AgentFigures[], t: TFunction): string {
  const target =
    (alert.queueId && queues.find((q) => q.queueId === alert.queueId)?.name) ??
    (alert.agentId && agents.find((a) => a.agentId === alert.agentId)?.name) ??
    alert.queueId ??
    alert.agentId ??
    '';
  return t(`monitor.alerts.${alert.kind}`, { target, value: alert.value, threshold: alert.threshold });
}
