import { InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentFigures } from '../../../shared/api/monitor';
import { useShell } from '../../app/shell';
import { useIntervention } from './useIntervention';

const PRESENCES = ['online', 'busy', 'away', 'offline'] as const;

/** A lead changes an agent's chat cap or presence, each after a confirm. */
export function AgentControls({ agent }: { agent: AgentFigures }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const intervene = useIntervention();
  // The cap is typed, then confirmed once on Enter or leaving the field (not at every keystroke).
  const [cap, setCap] = useState<number | null>(null);
  const commit = () => {
    const value = cap;
    setCap(null);
    if (value === null || value === agent.capacity) return;
    void intervene(t('monitor.confirm.capacity', { agent: agent.name, value }), () => rpc.monitor.setCapacity({ agentId: agent.agentId, maxConcurrent: value }));
  };
  return (
    <>
      <InputNumber
        size="small"
        min={0}
        max={50}
        style={{ width: 72 }}
        aria-label={t('monitor.agents.capacity')}
        data-testid="agent-capacity"
        value={cap ?? agent.capacity}
        onChange={(value) => setCap(value)}
        // Enter leaves the field, so the one commit (on blur) asks once; its default is stopped, or the
        // same key press would land on the confirm dialog's focused OK button and skip the question.
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          (e.target as HTMLInputElement).blur();
        }}
        onBlur={commit}
      />
      <Select
        size="small"
        style={{ width: 96 }}
        aria-label={t('monitor.agents.setPresence')}
        data-testid="agent-set-presence"
        value={agent.presence}
        options={PRESENCES.map((p) => ({ value: p, label: t(`monitor.presence.${p}`) }))}
        onChange={(presence) =>
          void intervene(t('monitor.confirm.presence', { agent: agent.name, presence: t(`monitor.presence.${presence}`) }), () =>
            rpc.monitor.setPresence({ agentId: agent.agentId, presence }),
          )
        }
      />
    </>
  );
}
