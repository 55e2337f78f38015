import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_FILTERS, type ListFilter } from '../../state/workstationStore';
import { ConversationList } from './ConversationList';
import { PresenceSwitch } from './PresenceSwitch';
import { QueuePanel } from './QueuePanel';
import { SiderSection } from './SiderSection';
import { useWorkstation } from './workstationContext';

/** Left panel: the agent's presence, the queues and their conversations by state. */
export function ConversationSider() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ListFilter>('mine');
  const ids = useWorkstation((s) => s.ids);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <SiderSection title={t('workstation.presence')}>
        <PresenceSwitch />
      </SiderSection>
      <SiderSection title={t('workstation.queues')}>
        <QueuePanel />
      </SiderSection>
      <SiderSection title={t('workstation.myConversations')}>
        <Segmented
          data-testid="list-filter"
          size="small"
          block
          value={filter}
          onChange={(value) => setFilter(value as ListFilter)}
          options={LIST_FILTERS.map((value) => ({ value, label: `${t(`list.${value}`)} ${ids[value].length}` }))}
        />
      </SiderSection>
      <div style={{ flex: 1, minHeight: 0 }}>
        <ShownList ids={ids[filter]} emptyText={t('workstation.myConversationsEmpty')} />
      </div>
    </div>
  );
}

/** The list shown: it alone follows the summaries (read as it scrolls), not the panel around it. */
function ShownList({ ids, emptyText }: { ids: string[]; emptyText: string }) {
  const summaries = useWorkstation((s) => s.summaries);
  const want = useWorkstation((s) => s.want);
  const activeId = useWorkstation((s) => s.activeId);
  const open = useWorkstation((s) => s.open);
  return <ConversationList ids={ids} summaries={summaries} onWant={want} activeId={activeId} onOpen={open} emptyText={emptyText} height="100%" />;
}
