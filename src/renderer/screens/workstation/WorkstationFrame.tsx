import { Layout, theme } from 'antd';
import { ChatArea } from './ChatArea';
import { ConversationSider } from './ConversationSider';
import { CustomerSider } from './CustomerSider';
import { WorkstationHeader } from './WorkstationHeader';

/** The agent's main window: header, conversations on the left, chats centre, customer right. */
export function WorkstationFrame() {
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    <Layout data-testid="workstation-frame" style={{ height: '100vh' }}>
      <WorkstationHeader />
      <Layout>
        <Layout.Sider theme="light" width={280} style={{ borderRight: border, overflow: 'auto' }}>
          <ConversationSider />
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'auto' }}>
          <ChatArea />
        </Layout.Content>
        <Layout.Sider theme="light" width={300} style={{ borderLeft: border, overflow: 'auto' }}>
          <CustomerSider />
        </Layout.Sider>
      </Layout>
    </Layout>
  );
}
