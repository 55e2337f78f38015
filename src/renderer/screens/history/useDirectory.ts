import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Queue, Shop, Team } from '../../../shared/domain/org';
import { useCoreQuery } from '../../state/useCoreQuery';
import type { Names } from '../chat/eventText';
import { namesFrom } from '../chat/useNames';

export interface Directory {
  agents: Agent[];
  queues: Queue[];
  shops: Shop[];
  names: Names & { team(id: string): string };
}

const EMPTY = { agents: [] as Agent[], queues: [] as Queue[], shops: [] as Shop[], teams: [] as Team[] };

/**
 * Who and what the history window names: agents, queues, shops and teams from the cache, for
 * the filters and for the transcript's lines. Read again when the synced directory changes.
 */
export function useDirectory(): Directory {
  const { t } = useTranslation();
  const loaded = useCoreQuery(
    EMPTY,
    async (rpc) => {
      const [agents, queues, shops, teams] = await Promise.all([rpc.agents.list(), rpc.queues.list(), rpc.shops.list(), rpc.teams.list()]);
      return { agents, queues, shops, teams };
    },
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.some((e) => ['agents', 'queues', 'shops', 'teams'].includes(e))) again();
      }),
    ],
    [],
  );
  return useMemo(() => {
    const teamNames = new Map(loaded.teams.map((team) => [team.id, team.name]));
    return {
      agents: loaded.agents,
      queues: loaded.queues,
      shops: loaded.shops,
      names: { ...namesFrom(loaded.agents, loaded.queues, t('thread.nobody')), team: (id: string) => teamNames.get(id) ?? id },
    };
  }, [loaded, t]);
}
