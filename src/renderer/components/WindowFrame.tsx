import { Flex, Layout, Space, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { ConnectionTag } from './ConnectionTag';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeToggle } from './ThemeToggle';

/** The plain frame of the secondary windows (chat pop-out, monitor, history, settings). */
export function WindowFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Layout data-testid={testId} style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 16,
          height: 'auto',
          lineHeight: 'normal',
          paddingBlock: 8,
        }}
      >
        <Flex align="center" justify="space-between" gap="middle" wrap>
          <Space size="middle">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <ConnectionTag />
          </Space>
          <Space size="small">
            <LanguageSwitch />
            <ThemeToggle />
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
