import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { LoginFields } from '../../state/appStore';
import { isHttpUrl } from './isHttpUrl';
import { loginFailure, type LoginFailure } from './loginFailure';

/** Sign-in card: server address, username, password. Enter in any field submits. */
export function LoginScreen() {
  const { t } = useTranslation();
  const serverUrl = useAppState((s) => s.settings?.serverUrl ?? '');
  const login = useAppState((s) => s.login);
  const [form] = Form.useForm<LoginFields>();
  const [busy, setBusy] = useState(false);
  // The key, not the text, so that switching language re-translates a shown error.
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  async function submit(fields: LoginFields) {
    setBusy(true);
    setFailure(null);
    try {
      await login({ ...fields, serverUrl: fields.serverUrl.trim(), username: fields.username.trim() });
    } catch (error) {
      const next = loginFailure(error);
      if (next?.field) form.setFields([{ name: next.field, errors: [t(next.key)] }]);
      else setFailure(next);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Flex justify="space-between" align="start" gap="small">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('product.line')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Form<LoginFields>
          data-testid="login-form"
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ serverUrl, username: '', password: '' }}
          onFinish={(fields) => void submit(fields)}
          style={{ marginTop: 24 }}
        >
          <Form.Item
            name="serverUrl"
            label={t('login.server')}
            rules={[
              { required: true, whitespace: true, message: t('login.serverRequired') },
              { validator: (_rule, value: string) => (!value?.trim() || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('login.serverInvalid')))) },
            ]}
          >
            <Input data-testid="login-server" autoComplete="url" spellCheck={false} />
          </Form.Item>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input data-testid="login-username" autoComplete="username" autoFocus spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          {failure && (
            <Form.Item>
              <Alert data-testid="login-error" type="error" showIcon title={t(failure.key)} />
            </Form.Item>
          )}
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
