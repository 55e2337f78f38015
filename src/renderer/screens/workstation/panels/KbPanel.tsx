import { Empty, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbAnswer } from '../../chat/composer/kbAnswer';
import { useWorkstation } from '../workstationContext';
import { InsertRow } from './InsertRow';
import { useKbSearch } from '../../chat/composer/useKbSearch';

/** Search the knowledge base and put an answer into the open chat's composer. */
export function KbPanel() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const hits = useKbSearch(query, 20);
  const insert = useWorkstation((s) => s.insert);
  const canInsert = useWorkstation((s) => s.activeId !== null);
  return (
    <Flex vertical gap={8} data-testid="kb-panel">
      <Input.Search data-testid="kb-search" allowClear placeholder={t('panels.kbPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {hits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query ? t('composer.noKb') : t('composer.typeToSearchKb')} />
      ) : (
        hits.map((hit) => (
          <InsertRow key={hit.article.id} testId="kb-hit" badge={hit.article.category} title={hit.article.title} preview={hit.snippet} disabled={!canInsert} onInsert={() => insert(kbAnswer(hit.article))} />
        ))
      )}
    </Flex>
  );
}
