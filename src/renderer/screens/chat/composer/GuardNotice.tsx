import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_QC_RULES } from '../../../../shared/text';
import type { GuardVerdict } from './preSendGuard';

/** Why the pre-send guard stopped a reply: a block cannot be overridden, a warning can. */
export function GuardNotice({ verdict, onSendAnyway, onClose }: { verdict: GuardVerdict; onSendAnyway(): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const label = (ruleId: string) => DEFAULT_QC_RULES.find((rule) => rule.id === ruleId)?.label[i18n.language === 'en' ? 'en' : 'zh'] ?? ruleId;
  const reasons = [
    ...verdict.qc.map((hit) => t('guard.rule', { rule: label(hit.ruleId), match: hit.match })),
    ...verdict.pii.map((kind) => t(`guard.pii.${kind}`)),
    ...(verdict.unfilled ? [t('guard.unfilled')] : []),
  ];
  const block = verdict.action === 'block';
  return (
    <Alert
      data-testid={block ? 'guard-block' : 'guard-warn'}
      type={block ? 'error' : 'warning'}
      showIcon
      closable={{ onClose }}
      title={block ? t('guard.blocked') : t('guard.warned')}
      description={
        <Flex vertical gap={4}>
          {reasons.map((reason) => (
            <span key={reason}>{reason}</span>
          ))}
          {!block && (
            <Button size="small" danger data-testid="guard-send-anyway" onClick={onSendAnyway} style={{ alignSelf: 'flex-start' }}>
              {t('guard.sendAnyway')}
            </Button>
          )}
        </Flex>
      }
    />
  );
}
