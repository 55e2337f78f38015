import { Empty, Flex, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../../app/shell';
import { cannedContext, fillCannedVariables } from '../../chat/composer/cannedVariables';
import { searchCanned } from '../../chat/composer/cannedSearch';
import { useCannedReplies } from '../../chat/composer/useCannedReplies';
import { useActiveConversation } from '../useActiveConversation';
import { useWorkstation } from '../workstationContext';
import { InsertRow } from './InsertRow';

/** The canned replies, searchable, filled for the open chat and inserted with one click. */
export function CannedPanel() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const replies = useCannedReplies();
  const conversation = useActiveConversation();
  const agentName = useAppState((s) => s.session?.displayName ?? '');
  const insert = useWorkstation((s) => s.insert);
  const hits = useMemo(() => searchCanned(query, replies, 100), [query, replies]);
  const fill = (body: string) => (conversation ? fillCannedVariables(body, cannedContext(conversation, agentName)) : body);
  return (
    <Flex vertical gap={8} data-testid="canned-panel">
      <Input.Search data-testid="canned-search" allowClear placeholder={t('panels.cannedPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {hits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('composer.noCanned')} />
      ) : (
        hits.map((reply) => (
          <InsertRow key={reply.id} testId="canned-hit" badge={`/${reply.shortcut}`} title={reply.title} preview={fill(reply.body)} disabled={!conversation} onInsert={() => insert(fill(reply.body))} />
        ))
      )}
    </Flex>
  );
}
