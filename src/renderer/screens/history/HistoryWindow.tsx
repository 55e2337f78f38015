import { Alert, Button, Empty, Flex, Input, Tabs, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShell } from '../../app/shell';
import { WindowFrame } from '../../components/WindowFrame';
import { ReviewPanel } from '../review/ReviewPanel';
import { CustomerTimelineDrawer } from './CustomerTimelineDrawer';
import { ExportDialog, type ExportScope } from './ExportDialog';
import { HistoryFilters } from './HistoryFilters';
import { createHistoryStore, type HistoryStore } from './historyStore';
import { ResultList } from './ResultList';
import { TranscriptPane } from './TranscriptPane';
import { useDirectory } from './useDirectory';
import { useHistoryKeys } from './useHistoryKeys';

/** Past conversations: search and filters, grouped results, the transcript, the customer's timeline, evidence export; and offline review. */
export function HistoryWindow() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('search');
  return (
    <WindowFrame testId="history-window" title={t('window.history')}>
      <Tabs
        data-testid="history-tabs"
        activeKey={tab}
        onChange={setTab}
        items={[
          // The tabs stay mounted: the search's keys are on only while it shows.
          { key: 'search', label: t('historyView.searchTab'), children: <HistorySearchView active={tab === 'search'} /> },
          { key: 'review', label: t('historyView.reviewTab'), children: <ReviewPanel /> },
        ]}
      />
    </WindowFrame>
  );
}

function HistorySearchView({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const [store] = useState<HistoryStore>(() => createHistoryStore(rpc));
  const state = useStore(store);
  const directory = useDirectory();
  const searchBox = useRef<InputRef>(null);
  const [exportScope, setExportScope] = useState<ExportScope | null>(null);
  const [verifyOnly, setVerifyOnly] = useState(false);

  // The newest conversations show before anything is typed.
  useEffect(() => void store.getState().search(), [store]);

  const keys = useMemo(
    () => ({
      focusSearch: () => searchBox.current?.focus(),
      move: (delta: 1 | -1) => store.getState().move(delta),
      open: () => store.getState().openSelected(),
      close: () => store.getState().close(),
    }),
    [store],
  );
  useHistoryKeys(keys, active);

  const conversationIds = useMemo(() => [...new Set(state.hits.map((hit) => hit.conversationId))], [state.hits]);
  const hasFilters = Object.keys(state.filters).length > 0;

  return (
    <Flex vertical gap={12} data-testid="history-search-view" style={{ height: 'calc(100vh - 170px)', minHeight: 480 }}>
      <Flex gap={8} align="center">
        <Input
          ref={searchBox}
          data-testid="history-search"
          allowClear
          autoFocus
          placeholder={t('historyView.searchPlaceholder')}
          value={state.query}
          onChange={(e) => state.setQuery(e.target.value)}
          style={{ flex: 1 }}
        />
        <Button
          data-testid="export-results"
          disabled={conversationIds.length === 0}
          onClick={() => {
            setVerifyOnly(false);
            setExportScope({ kind: 'results', conversationIds });
          }}
        >
          {t('historyView.exportResultsButton')}
        </Button>
        <Button
          data-testid="verify-export"
          onClick={() => {
            setVerifyOnly(true);
            setExportScope({ kind: 'results', conversationIds: [] });
          }}
        >
          {t('historyView.verifyTitle')}
        </Button>
      </Flex>
      <HistoryFilters
        filters={state.filters}
        customerLabel={state.customerLabel}
        directory={directory}
        onChange={state.setFilters}
        onClear={state.clearFilters}
      />
      <Flex gap={8} align="center" style={{ minHeight: 22 }}>
        {state.result && (
          <Typography.Text type="secondary" data-testid="history-summary">
            {t('historyView.summary', { hits: state.hits.length, conversations: conversationIds.length, ms: state.result.tookMs })}
          </Typography.Text>
        )}
        {state.error && <Alert type="error" showIcon banner data-testid="history-error" title={t(state.error)} />}
      </Flex>
      <Flex gap={16} flex={1} style={{ minHeight: 0 }}>
        <Flex vertical style={{ flex: state.open ? '0 0 40%' : 1, minWidth: 0 }}>
          {state.result && state.hits.length === 0 ? (
            <Empty
              data-testid={state.query.trim() || hasFilters ? 'history-no-results' : 'empty-history'}
              description={state.query.trim() || hasFilters ? t('historyView.noResults') : t('history.empty')}
            />
          ) : (
            <ResultList
              rows={state.rows}
              selected={state.selected}
              names={directory.names}
              onOpen={(index) => {
                state.select(index);
                state.openSelected();
              }}
              onTimeline={state.showTimeline}
            />
          )}
        </Flex>
        {state.open ? (
          <TranscriptPane
            key={state.open.conversationId}
            conversationId={state.open.conversationId}
            focusId={state.open.messageId}
            directory={directory}
            onClose={state.close}
            onTimeline={state.showTimeline}
            onFilterCustomer={state.filterByCustomer}
            onExport={(id) => {
              setVerifyOnly(false);
              setExportScope({ kind: 'conversation', conversationIds: [id] });
            }}
          />
        ) : (
          state.hits.length > 0 && (
            <Flex flex={1} align="center" justify="center">
              <Typography.Text type="secondary">{t('historyView.pickHint')}</Typography.Text>
            </Flex>
          )
        )}
      </Flex>
      <CustomerTimelineDrawer
        customerId={state.timelineOf}
        directory={directory}
        onOpenConversation={(id) => state.openConversation(id)}
        onClose={() => state.showTimeline(null)}
      />
      <ExportDialog scope={exportScope} verifyOnly={verifyOnly} onClose={() => setExportScope(null)} />
    </Flex>
  );
}
