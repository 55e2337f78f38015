import { Tabs } from 'antd';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { AssistPanel } from './panels/AssistPanel';
import { CannedPanel } from './panels/CannedPanel';
import { CustomerPanel } from './panels/CustomerPanel';
import { KbPanel } from './panels/KbPanel';
import { useWorkstation } from './workstationContext';

/** Right panel: the open chat's customer, suggestions for it, the KB and the canned replies. */
export function CustomerSider() {
  const { t } = useTranslation();
  // Only the customer matters here (not each new message of the chat), and it may follow the chat
  // a moment later: opening a chat paints the chat first, then this panel.
  const customerId = useDeferredValue(useWorkstation((s) => (s.activeId ? (s.summaries[s.activeId]?.customerId ?? null) : null)));
  return (
    <Tabs
      data-testid="right-tabs"
      size="small"
      tabBarGutter={14}
      style={{ padding: '0 12px' }}
      items={[
        { key: 'customer', label: t('workstation.customer'), children: <CustomerPanel customerId={customerId} /> },
        { key: 'assist', label: t('panels.assist'), children: <AssistPanel /> },
        { key: 'kb', label: t('panels.kb'), children: <KbPanel /> },
        { key: 'canned', label: t('panels.canned'), children: <CannedPanel /> },
      ]}
    />
  );
}
