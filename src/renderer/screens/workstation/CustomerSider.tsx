import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AssistPanel } from './panels/AssistPanel';
import { CannedPanel } from './panels/CannedPanel';
import { CustomerPanel } from './panels/CustomerPanel';
import { KbPanel } from './panels/KbPanel';
import { useActiveConversation } from './useActiveConversation';

/** Right panel: the open chat's customer, suggestions for it, the KB and the canned replies. */
export function CustomerSider() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  return (
    <Tabs
      data-testid="right-tabs"
      size="small"
      tabBarGutter={14}
      style={{ padding: '0 12px' }}
      items={[
        { key: 'customer', label: t('workstation.customer'), children: <CustomerPanel customerId={conversation?.customerId ?? null} /> },
        { key: 'assist', label: t('panels.assist'), children: <AssistPanel /> },
        { key: 'kb', label: t('panels.kb'), children: <KbPanel /> },
        { key: 'canned', label: t('panels.canned'), children: <CannedPanel /> },
      ]}
    />
  );
}
