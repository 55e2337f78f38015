import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled block of a side panel. */
export function SiderSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ padding: '12px 16px' }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
