import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader';

/** The plain frame of the secondary windows (chat pop-out, monitor, history, settings). */
export function WindowFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Layout data-testid={testId} style={{ minHeight: '100vh' }}>
      <AppHeader
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        }
      />
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
