import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Centre: the active chats (none yet). */
export function ChatArea() {
  const { t } = useTranslation();
  return (
    <Flex data-testid="chat-area" align="center" justify="center" style={{ height: '100%', padding: 24 }}>
      <Empty
        data-testid="empty-chats"
        description={
          <Flex vertical gap={4}>
            <Typography.Text>{t('workstation.noActiveChats')}</Typography.Text>
            <Typography.Text type="secondary">{t('workstation.keyboardHint')}</Typography.Text>
          </Flex>
        }
      />
    </Flex>
  );
}
