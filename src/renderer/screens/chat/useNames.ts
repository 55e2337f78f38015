import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstation } from '../workstation/workstationContext';
import type { Names } from './eventText';

/** Agent and queue names from the directory the core synced; an unknown id shows as itself. */
export function useNames(): Names {
  const { t } = useTranslation();
  const agents = useWorkstation((s) => s.agents);
  const queues = useWorkstation((s) => s.queues);
  return useMemo(() => {
    const agentNames = new Map(agents.map((a) => [a.id, a.displayName]));
    const queueNames = new Map(queues.map((q) => [q.id, q.name]));
    return {
      agent: (id) => (id ? (agentNames.get(id) ?? id) : t('thread.nobody')),
      queue: (id) => queueNames.get(id) ?? id,
    };
  }, [agents, queues, t]);
}
