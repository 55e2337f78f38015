import { Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** A KB answer or canned reply in a side panel: title, preview and one click to put it into the composer. */
export function InsertRow({ title, badge, preview, onInsert, disabled, testId }: { title: string; badge: string; preview: string; onInsert(): void; disabled: boolean; testId: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={2} data-testid={testId} style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
      <Flex justify="space-between" align="center" gap={6}>
        <Typography.Text strong ellipsis>
          <Typography.Text code>{badge}</Typography.Text> {title}
        </Typography.Text>
        <Button size="small" type="link" disabled={disabled} onClick={onInsert} data-testid={`${testId}-insert`}>
          {t('panels.insert')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: token.fontSizeSM }}>
        {preview}
      </Typography.Paragraph>
    </Flex>
  );
}
