import { Flex, Layout, Space, theme } from 'antd';
import type { ReactNode } from 'react';
import { ConnectionTag } from './ConnectionTag';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeToggle } from './ThemeToggle';

/**
 * The header bar every window shares: its title with the connection state on the left; on the
 * right, `before` and `after` around the language switch and theme toggle.
 */
export function AppHeader({ title, before, after }: { title: ReactNode; before?: ReactNode; after?: ReactNode }) {
  const { token } = theme.useToken();
  return (
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
          {title}
          <ConnectionTag />
        </Space>
        <Space size="small" wrap>
          {before}
          <LanguageSwitch />
          <ThemeToggle />
          {after}
        </Space>
      </Flex>
    </Layout.Header>
  );
}
