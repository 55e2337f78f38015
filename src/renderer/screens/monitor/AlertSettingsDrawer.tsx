import { App, Button, Drawer, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRules } from '../../../shared/api/monitor';
import { useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';

type Field = Exclude<keyof AlertRules, 'agentIdleWhileWaiting'>;
const NUMBERS: { name: Field; min: number; max: number }[] = [
  { name: 'waitingOver', min: 0, max: 10_000 },
  { name: 'longestWaitOverSec', min: 1, max: 86_400 },
  { name: 'pickupRateUnderPct', min: 0, max: 100 },
  { name: 'replyComplianceUnderPct', min: 0, max: 100 },
];

/** The lead's alert thresholds: an empty field is off. Saved on the server, which evaluates them. */
export function AlertSettingsDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Record<keyof AlertRules, number | boolean | null>>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    rpc.monitor['alerts.get']().then((rules) => {
      if (live) form.setFieldsValue({ ...Object.fromEntries(NUMBERS.map((f) => [f.name, rules[f.name] ?? null])), agentIdleWhileWaiting: rules.agentIdleWhileWaiting ?? false });
    }, report);
    return () => {
      live = false;
    };
  }, [open, rpc, form, report]);

  const save = async (values: Record<keyof AlertRules, number | boolean | null>) => {
    const rules: AlertRules = {};
    for (const { name } of NUMBERS) if (typeof values[name] === 'number') rules[name] = values[name];
    if (values.agentIdleWhileWaiting) rules.agentIdleWhileWaiting = true;
    setSaving(true);
    try {
      await rpc.monitor['alerts.set'](rules);
      void message.success(t('monitor.alerts.saved'));
      onClose();
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('monitor.alerts.settingsTitle')} data-testid="alert-settings-drawer" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Typography.Paragraph type="secondary">{t('monitor.alerts.off')}</Typography.Paragraph>
        {NUMBERS.map(({ name, min, max }) => (
          <Form.Item key={name} name={name} label={t(`monitor.alerts.${name}`)}>
            <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} data-testid={`alert-${name}`} />
          </Form.Item>
        ))}
        <Form.Item name="agentIdleWhileWaiting" label={t('monitor.alerts.agentIdleWhileWaiting')} valuePropName="checked">
          <Switch data-testid="alert-agentIdleWhileWaiting" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="alert-save">
          {t('monitor.alerts.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
