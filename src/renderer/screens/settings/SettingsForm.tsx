import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { RpcError } from '../../../shared/rpc/errors';
import { useAppState } from '../../app/shell';
import { errorKey } from '../../i18n/errorKey';
import { LANGUAGE_NAMES, type MessageKey } from '../../i18n/resources';
import { invalidFields } from '../../state/invalidArgs';
import { isHttpUrl } from '../login/isHttpUrl';
import { changedSettings, isSettingsField, SETTINGS_FIELDS } from './settingsPatch';

const fieldMessage: Partial<Record<keyof Settings, MessageKey>> = {
  serverUrl: 'login.serverInvalid',
  fontSize: 'settings.fontSizeRange',
};

/** The settings, saved through the core so every window follows. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updateSettings = useAppState((s) => s.updateSettings);
  const [form] = Form.useForm<Settings>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<MessageKey | null>(null);

  // Changes saved elsewhere (another window, the header's switches) show here, except in the
  // fields the user is editing, so saving never sends back a value nobody chose.
  useEffect(() => {
    const untouched = SETTINGS_FIELDS.filter((name) => !form.isFieldTouched(name));
    form.setFields(untouched.map((name) => ({ name, value: settings[name] })));
  }, [form, settings]);

  async function save(values: Settings) {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await updateSettings(changedSettings(settings, values));
      form.setFields(SETTINGS_FIELDS.map((name) => ({ name, value: saved[name], touched: false, errors: [] })));
      void message.success(t('settings.saved'));
    } catch (error) {
      const fields = error instanceof RpcError && error.code === 'invalid_args' ? invalidFields(error.message).filter(isSettingsField) : [];
      if (fields.length > 0) {
        form.setFields(fields.map((name) => ({ name, errors: [t(fieldMessage[name] ?? 'settings.fieldInvalid')] })));
      } else if (!(error instanceof RpcError && error.code === 'cancelled')) {
        setFailure(errorKey(error));
      }
    } finally {
      setBusy(false);
    }
  }

  function revert() {
    setFailure(null);
    form.setFields(SETTINGS_FIELDS.map((name) => ({ name, value: settings[name], touched: false, errors: [] })));
  }

  return (
    <Form<Settings>
      data-testid="settings-form"
      form={form}
      layout="vertical"
      initialValues={settings}
      onFinish={(values) => void save(values)}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="serverUrl"
        label={t('settings.serverUrl')}
        rules={[
          { required: true, whitespace: true, message: t('login.serverRequired') },
          { validator: (_rule, value: string) => (!value?.trim() || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('login.serverInvalid')))) },
        ]}
      >
        <Input data-testid="settings-server" spellCheck={false} />
      </Form.Item>
      <Form.Item name="language" label={t('settings.language')}>
        <Select
          data-testid="settings-language"
          options={[
            { value: 'zh-CN', label: LANGUAGE_NAMES['zh-CN'] },
            { value: 'en', label: LANGUAGE_NAMES.en },
          ]}
        />
      </Form.Item>
      <Form.Item name="theme" label={t('settings.theme')}>
        <Select
          data-testid="settings-theme"
          options={[
            { value: 'light', label: t('theme.light') },
            { value: 'dark', label: t('theme.dark') },
            { value: 'system', label: t('theme.system') },
          ]}
        />
      </Form.Item>
      <Form.Item name="sounds" label={t('settings.sounds')} valuePropName="checked">
        <Switch data-testid="settings-sounds" />
      </Form.Item>
      <Form.Item name="notifications" label={t('settings.notifications')} valuePropName="checked">
        <Switch data-testid="settings-notifications" />
      </Form.Item>
      <Form.Item
        name="fontSize"
        label={t('settings.fontSize')}
        rules={[{ required: true, type: 'integer', min: 12, max: 20, message: t('settings.fontSizeRange') }]}
      >
        <InputNumber data-testid="settings-font-size" min={12} max={20} precision={0} />
      </Form.Item>
      {failure && (
        <Form.Item>
          <Alert data-testid="settings-error" type="error" showIcon title={t(failure)} />
        </Form.Item>
      )}
      <Space>
        <Button data-testid="settings-save" type="primary" htmlType="submit" loading={busy}>
          {t('settings.save')}
        </Button>
        <Button data-testid="settings-revert" onClick={revert}>
          {t('settings.revert')}
        </Button>
      </Space>
    </Form>
  );
}
