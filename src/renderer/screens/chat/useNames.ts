import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Queue } from '../../../shared/domain/org';
import { useWorkstation } from '../workstation/workstationContext';
import type { Names } from './eventText';

/** Agent and queue names from a directory; an unknown id shows as itself, no agent as `nobody`. */
export function namesFrom(agents: readonly Agent[], queues: readonly Queue[], nobody: string): Names {
  const agentNames = new Map(agents.map((a) => [a.id, a.displayName]));
  const queueNames = new Map(queues.map((q) => [q.id, q.name]));
  return {
    agent: (id) => (id ? (agentNames.get(id) ?? id) : nobody),
    queue: (id) => queueNames.get(id) ?? id,
  };
}

/** Agent and queue names from the directory the core synced into the workstation's store. */
export function useNames(): Names {
  const { t } = useTranslation();
  const agents = useWorkstation((s) => s.agents);
  const queues = useWorkstation((s) => s.queues);
  return useMemo(() => namesFrom(agents, queues, t('thread.nobody')), [agents, queues, t]);
}
