import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryView } from '../../../shared/domain/workstation';
import { useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import type { MessageKey } from '../../i18n/resources';
import { useCoreQuery } from '../../state/useCoreQuery';

const NONE: OutboxEntryView[] = [];

/** Replies show their own failure in the thread (with retry); every other refused write shows here. */
const SHOWN_IN_THREAD = new Set(['messages.send', 'messages.note']);
const ACTIONS: Partial<Record<string, MessageKey>> = {
  'conversations.accept': 'outbox.action.conversations_accept',
  'conversations.decline': 'outbox.action.conversations_decline',
  'conversations.resolve': 'outbox.action.conversations_resolve',
  'conversations.reopen': 'outbox.action.conversations_reopen',
  'conversations.transfer': 'outbox.action.conversations_transfer',
  'presence.set': 'outbox.action.presence_set',
};

/**
 * Writes the server refused (the chat was taken by someone else, it was already resolved …):
 * the optimistic change has been undone, and the agent is told why until they dismiss it.
 */
export function FailedWrites() {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const failed = useCoreQuery(
    NONE,
    (core) => core.outbox.list().then((entries) => entries.filter((e) => e.state === 'failed' && !SHOWN_IN_THREAD.has(e.name))),
    (core, again) => [core.on('outbox.changed', again)],
    [],
  );

  if (failed.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ padding: '8px 16px 0' }} data-testid="failed-writes">
      {failed.map((entry) => (
        <Alert
          key={entry.mutationId}
          data-testid="failed-write"
          type="error"
          showIcon
          title={t('outbox.failed', { action: ACTIONS[entry.name] ? t(ACTIONS[entry.name]!) : entry.name })}
          description={entry.error?.message}
          action={
            <Button size="small" data-testid="failed-write-dismiss" onClick={() => void rpc.outbox.dismiss({ mutationId: entry.mutationId }).catch(report)}>
              {t('outbox.dismiss')}
            </Button>
          }
        />
      ))}
    </Flex>
  );
}
