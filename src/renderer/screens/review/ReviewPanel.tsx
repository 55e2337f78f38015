import { Alert, Empty, Flex } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShell } from '../../app/shell';
import { useCoreRefresh } from '../../state/useCoreQuery';
import { useDirectory } from '../history/useDirectory';
import { createReviewStore, type ReviewStore } from './reviewStore';
import { ReviewConversation } from './ReviewConversation';
import { ReviewList } from './ReviewList';
import { SetPicker } from './SetPicker';
import { useReviewKeys } from './useReviewKeys';

/**
 * Offline review: pick a filter and make that set available offline (with a progress bar), then
 * work through its conversations read-only and record pass / fail verdicts — with the server
 * there or not. Verdicts go through the core's outbox; each shows pending until the server has it.
 * The history window mounts this as a tab.
 */
export function ReviewPanel({ active = true }: { active?: boolean }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const [store] = useState<ReviewStore>(() => createReviewStore(rpc));
  const state = useStore(store);
  const directory = useDirectory();
  const [failRequested, setFailRequested] = useState(0);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => rpc.on('review.progress', (progress) => store.getState().onProgress(progress)), [rpc, store]);
  // The sets on open and relink; the work list again when verdicts sync or are refused.
  useCoreRefresh(
    async () => {
      await store.getState().loadSets();
      await store.getState().reload();
    },
    (core, again) => [
      core.on('entities.changed', ({ entities }) => {
        if (entities.includes('reviews')) again();
      }),
      core.on('outbox.changed', again),
    ],
    [store],
  );

  const item = state.items[state.selected] ?? null;
  const keys = useMemo(
    () => ({
      // The history window keeps this tab mounted while its search tab is shown: keys are not ours then.
      shown: () => root.current !== null && root.current.closest('[role="tabpanel"][aria-hidden="true"], .ant-tabs-tabpane-hidden, [hidden]') === null,
      move: (delta: 1 | -1) => store.getState().move(delta),
      pass: () => void store.getState().record('pass', null, store.getState().items[store.getState().selected]?.verdict?.note ?? ''),
      fail: () => setFailRequested((n) => n + 1),
    }),
    [store],
  );
  useReviewKeys(active && item !== null, keys);

  return (
    <Flex ref={root} gap={12} data-testid="review-panel" style={{ height: 'calc(100vh - 170px)', minHeight: 480 }}>
      <SetPicker
        directory={directory}
        sets={state.sets}
        setId={state.setId}
        preparing={state.preparing}
        progress={state.progress}
        onPrepare={(name, filter, setId) => void state.prepare(name, filter, setId)}
        onOpen={(setId) => void state.openSet(setId)}
        onDelete={(setId) => void state.deleteSet(setId)}
      />
      <Flex vertical gap={8} flex={1} style={{ minWidth: 0 }}>
        {state.error && <Alert type="error" showIcon closable data-testid="review-error" title={t(state.error.key)} description={state.error.message} />}
        {state.setId ? (
          <Flex gap={12} flex={1} style={{ minHeight: 0 }}>
            <ReviewList items={state.items} selected={state.selected} names={directory.names} onSelect={state.select} />
            {item ? (
              <ReviewConversation
                item={item}
                names={directory.names}
                failRequested={failRequested}
                onRecord={(verdict, ruleId, note) => void state.record(verdict, ruleId, note)}
              />
            ) : (
              <Empty description={t('review.pick')} />
            )}
          </Flex>
        ) : (
          <Empty data-testid="review-no-set" description={t('review.noSets')} />
        )}
      </Flex>
    </Flex>
  );
}
