import { Flex, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import type { PresenceChanged } from '../../../shared/api/sync';
import { useCoreRefresh } from '../../state/useCoreQuery';

type Presence = 'online' | 'busy' | 'away';

/**
 * The agent's availability for routing: only "online" gets offers. "Away" asks why (lunch,
 * training…); the reason goes with it. A pick shows at once; what the server's routing holds
 * (read back on every connect, and after a change from another workstation or a lead) replaces
 * it, so after a sign-in or restart the switch shows the truth. Offline selects nothing.
 */
export function PresenceSwitch() {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const [presence, setPresence] = useState<Presence | null>(null);
  const [reason, setReason] = useState('');
  const show = (held: PresenceChanged | null) => {
    if (!held) return;
    setPresence(held.presence === 'offline' ? null : held.presence);
    setReason(held.reason ?? '');
  };
  useCoreRefresh(
    async (core, live) => {
      const held = await core.presence.get().catch(() => null);
      if (live()) show(held);
    },
    (core) => [core.on('presence.changed', show)],
    [],
  );

  const apply = (next: Presence, why?: string) => {
    setPresence(next);
    const trimmed = why?.trim();
    void rpc.presence.set(next === 'away' && trimmed ? { presence: next, reason: trimmed } : { presence: next }).catch(report);
  };

  return (
    <Flex vertical gap={8}>
      <Radio.Group
        data-testid="presence-switch"
        data-presence={presence ?? 'unset'}
        optionType="button"
        buttonStyle="solid"
        block
        value={presence}
        onChange={(e) => apply(e.target.value as Presence, reason)}
        options={(['online', 'busy', 'away'] as const).map((value) => ({ value, label: t(`presence.${value}`) }))}
      />
      {presence === 'away' && (
        <Input
          data-testid="presence-reason"
          size="small"
          maxLength={64}
          placeholder={t('presence.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={() => apply('away', reason)}
          onBlur={() => apply('away', reason)}
        />
      )}
    </Flex>
  );
}
