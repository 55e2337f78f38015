import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SiderSection } from './SiderSection';

/** Left panel: the agent's presence, the queues and their own conversations (filled by later work). */
export function ConversationSider() {
  const { t } = useTranslation();
  return (
    <>
      <SiderSection title={t('workstation.presence')}>
        <Typography.Text type="secondary" data-testid="presence-placeholder">
          {t('workstation.presenceUnavailable')}
        </Typography.Text>
      </SiderSection>
      <SiderSection title={t('workstation.queues')}>
        <Empty data-testid="empty-queues" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workstation.queuesEmpty')} />
      </SiderSection>
      <SiderSection title={t('workstation.myConversations')}>
        <Empty
          data-testid="empty-conversations"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('workstation.myConversationsEmpty')}
        />
      </SiderSection>
    </>
  );
}
