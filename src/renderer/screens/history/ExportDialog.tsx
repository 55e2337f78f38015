import { Alert, Button, Checkbox, Divider, Flex, Input, Modal, Progress, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryExportProgress, HistoryExportResult, VerifyResult } from '../../../shared/evidence';
import { errorKey } from '../../i18n/errorKey';
import type { MessageKey } from '../../i18n/resources';
import { useAppState, useShell } from '../../app/shell';

/** What to export: one conversation, or the conversations of the current results. */
export interface ExportScope {
  kind: 'conversation' | 'results';
  conversationIds: string[];
}

export interface ExportDialogProps {
  /** null: closed; `verifyOnly` opens just the verification part */
  scope: ExportScope | null;
  verifyOnly: boolean;
  onClose(): void;
}

/** The roles the core lets export clear personal data (EvidenceExporter checks it again and audits it). */
const MAY_REVEAL = new Set(['lead', 'admin']);
const PHASE_PERCENT: Record<HistoryExportProgress['phase'], [number, number]> = {
  gathering: [0, 60],
  attachments: [60, 90],
  writing: [90, 99],
  done: [100, 100],
};

/** The progress event as one bar: each phase fills its own stretch of it. */
function percentOf(progress: HistoryExportProgress): number {
  const [from, to] = PHASE_PERCENT[progress.phase];
  return Math.round(from + ((to - from) * progress.done) / Math.max(1, progress.total));
}

/**
 * Evidence export from the history window (history.export: HTML or JSON, masked unless a lead or
 * admin asks otherwise), its progress as a bar, and "verify an export" (history.verify) on a
 * file path: the core writes exports to its export folder and answers with the path.
 */
export function ExportDialog({ scope, verifyOnly, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const { rpc } = useShell();
  const mayReveal = useAppState((s) => MAY_REVEAL.has(s.session?.role ?? 'agent'));
  const [format, setFormat] = useState<'html' | 'json'>('html');
  const [unmasked, setUnmasked] = useState(false);
  const [progress, setProgress] = useState<HistoryExportProgress | null>(null);
  const [exported, setExported] = useState<HistoryExportResult | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [path, setPath] = useState('');
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => rpc.on('history.exportProgress', setProgress), [rpc]);
  useEffect(() => {
    setProgress(null);
    setExported(null);
    setError(null);
    setVerdict(null);
  }, [scope]);

  const run = async () => {
    if (!scope) return;
    setBusy(true);
    setError(null);
    setExported(null);
    try {
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
      const result = await rpc.history.export({ conversationIds: scope.conversationIds, format, unmasked: mayReveal && unmasked, lang, includeAttachments: true });
      setExported(result);
      setPath(result.path);
    } catch (failure) {
      setError(errorKey(failure));
    } finally {
      setBusy(false);
    }
  };

  const verify = async () => {
    setVerdict(null);
    setError(null);
    try {
      setVerdict(await rpc.history.verify({ path: path.trim() }));
    } catch (failure) {
      setError(errorKey(failure));
    }
  };

  return (
    <Modal open={scope !== null} onCancel={onClose} footer={null} title={verifyOnly ? t('historyView.verifyTitle') : t('historyView.exportTitle')} destroyOnHidden width={560}>
      <Flex vertical gap={12} data-testid="export-dialog">
        {!verifyOnly && scope && (
          <>
            <Typography.Text>
              {scope.kind === 'conversation' ? t('historyView.exportOne') : t('historyView.exportResults', { count: scope.conversationIds.length })}
            </Typography.Text>
            <Radio.Group
              data-testid="export-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as 'html' | 'json')}
              options={[
                { value: 'html', label: 'HTML' },
                { value: 'json', label: 'JSON' },
              ]}
            />
            {mayReveal && (
              <Checkbox data-testid="export-unmasked" checked={unmasked} onChange={(e) => setUnmasked(e.target.checked)}>
                {t('historyView.unmasked')}
              </Checkbox>
            )}
            <Button type="primary" data-testid="export-run" loading={busy} onClick={() => void run()}>
              {t('historyView.exportRun')}
            </Button>
            {(busy || exported) && progress && <Progress data-testid="export-progress" percent={exported ? 100 : percentOf(progress)} />}
            {exported && (
              <Alert
                type="success"
                showIcon
                data-testid="export-done"
                title={t('historyView.exported', { count: exported.conversations, messages: exported.messages })}
                description={
                  <Typography.Text copyable data-testid="export-path">
                    {exported.path}
                  </Typography.Text>
                }
              />
            )}
            <Divider style={{ margin: 0 }} />
          </>
        )}
        <Typography.Text strong>{t('historyView.verifyTitle')}</Typography.Text>
        <Flex gap={8}>
          <Input data-testid="verify-path" placeholder={t('historyView.verifyPath')} value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={() => void verify()} />
          <Button data-testid="verify-run" disabled={path.trim() === ''} onClick={() => void verify()}>
            {t('historyView.verifyRun')}
          </Button>
        </Flex>
        {verdict?.ok === true && <Alert type="success" showIcon data-testid="verify-ok" title={t('historyView.verifyOk')} description={`SHA-256 ${verdict.digest}`} />}
        {verdict?.ok === false && (
          <Alert
            type="error"
            showIcon
            data-testid="verify-failed"
            title={t('historyView.verifyFailed')}
            description={verdict.problems.map((p) => `${t(`historyView.problem.${p.kind}`)}${p.index === null ? '' : ` #${p.index + 1}`}: ${p.detail}`).join('\n')}
          />
        )}
        {error && <Alert type="error" showIcon data-testid="export-error" title={t(error)} />}
      </Flex>
    </Modal>
  );
}
