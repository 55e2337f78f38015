import { Alert, Button, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem, ReviewVerdict } from '../../../shared/domain/reviews';
import { DEFAULT_QC_RULES } from '../../../shared/text';
import { VerdictTag } from './VerdictTag';

/** A review judges the agent: their rules first, then the customer-side ones (threats, fraud …). */
const RULES = [...DEFAULT_QC_RULES].sort((a, b) => (a.side === b.side ? 0 : a.side === 'agent' ? -1 : 1));

export interface VerdictBarProps {
  item: ReviewQueueItem;
  /** F pressed: open the rule picker (a fail needs its rule) */
  failRequested: number;
  onRecord(verdict: ReviewVerdict, ruleId: string | null, note: string): void;
}

/** Pass, or fail with the QC rule broken, plus a note; the verdict's sync state and a refusal's reason. */
export function VerdictBar({ item, failRequested, onRecord }: VerdictBarProps) {
  const { t, i18n } = useTranslation();
  const [ruleId, setRuleId] = useState<string | null>(item.verdict?.ruleId ?? null);
  const [note, setNote] = useState(item.verdict?.note ?? '');
  const [failing, setFailing] = useState(item.verdict?.verdict === 'fail');
  const [ruleOpen, setRuleOpen] = useState(false);
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';

  // Another conversation: its own verdict, or a blank form.
  useEffect(() => {
    setRuleId(item.verdict?.ruleId ?? null);
    setNote(item.verdict?.note ?? '');
    setFailing(item.verdict?.verdict === 'fail');
  }, [item.conversationId, item.verdict?.ruleId, item.verdict?.note, item.verdict?.verdict]);
  useEffect(() => {
    if (failRequested === 0) return;
    setFailing(true);
    setRuleOpen(true);
  }, [failRequested]);

  const fail = (rule: string | null) => {
    setFailing(true);
    if (rule) onRecord('fail', rule, note);
  };

  return (
    <Flex vertical gap={6} data-testid="verdict-bar">
      {item.rejected && <Alert type="error" showIcon data-testid="verdict-refused" title={t('review.rejected', { message: item.rejected.message })} />}
      <Flex gap={8} align="center" wrap>
        <VerdictTag item={item} />
        <Button data-testid="verdict-pass" type={item.verdict?.verdict === 'pass' ? 'primary' : 'default'} onClick={() => onRecord('pass', null, note)}>
          {t('review.pass')} (P)
        </Button>
        <Button data-testid="verdict-fail" danger type={failing ? 'primary' : 'default'} onClick={() => (ruleId ? fail(ruleId) : (setFailing(true), setRuleOpen(true)))}>
          {t('review.fail')} (F)
        </Button>
        {failing && (
          <Select
            data-testid="verdict-rule"
            style={{ minWidth: 220 }}
            placeholder={t('review.rulePlaceholder')}
            open={ruleOpen}
            onOpenChange={setRuleOpen}
            autoFocus={ruleOpen}
            value={ruleId ?? undefined}
            onChange={(rule: string) => {
              setRuleId(rule);
              setRuleOpen(false);
              fail(rule);
            }}
            virtual={false}
            options={RULES.map((rule) => ({ value: rule.id, label: rule.label[lang] }))}
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('review.keys')}
        </Typography.Text>
      </Flex>
      <Input.TextArea
        data-testid="verdict-note"
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        placeholder={t('review.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => item.verdict && note !== item.verdict.note && onRecord(item.verdict.verdict, item.verdict.ruleId, note)}
      />
    </Flex>
  );
}
