import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReviewFilter, ReviewProgress, ReviewQueueItem, ReviewSetView, ReviewVerdict } from '../../../shared/domain/reviews';
import type { Rpc } from '../../../shared/rpc/client';
import { errorKey } from '../../i18n/errorKey';
import type { MessageKey } from '../../i18n/resources';

export interface ReviewState {
  sets: ReviewSetView[];
  /** the set being reviewed */
  setId: string | null;
  items: ReviewQueueItem[];
  /** the conversation the keyboard is on (index into items) */
  selected: number;
  /** the download in progress, or the last one's end */
  progress: ReviewProgress | null;
  preparing: boolean;
  /** why the last call failed (the core's error code as a message key) and its text */
  error: { key: MessageKey; message: string } | null;
}

export interface ReviewActions {
  loadSets(): Promise<void>;
  openSet(setId: string): Promise<void>;
  /** the set's work list again (after a verdict, a sync, a rejection) */
  reload(): Promise<void>;
  prepare(name: string, filter: ReviewFilter, setId?: string): Promise<void>;
  /** takes a set off the list; the one under review closes with it */
  deleteSet(setId: string): Promise<void>;
  onProgress(progress: ReviewProgress): void;
  move(delta: number): void;
  select(index: number): void;
  record(verdict: ReviewVerdict, ruleId: string | null, note: string): Promise<void>;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

const failure = (error: unknown) => ({ key: errorKey(error), message: error instanceof Error ? error.message : String(error) });

/**
 * The review tab's state: the offline sets, the one under review and its work list, the keyboard's
 * place in it, the download's progress. Verdicts go to the core (outbox) and the list is read
 * again, so pending / synced comes from the cache, never from here.
 */
export function createReviewStore(rpc: Rpc): ReviewStore {
  return createStore<ReviewState & ReviewActions>()((set, get) => ({
    sets: [],
    setId: null,
    items: [],
    selected: 0,
    progress: null,
    preparing: false,
    error: null,

    async loadSets() {
      try {
        const sets = await rpc.review['sets.list']();
        set({ sets });
        const { setId } = get();
        const first = sets.find((s) => s.state === 'ready');
        if (!setId && first) await get().openSet(first.id);
      } catch (error) {
        set({ error: failure(error) });
      }
    },

    async openSet(setId) {
      set({ setId, selected: 0, items: [] });
      await get().reload();
    },

    async reload() {
      const { setId } = get();
      if (!setId) return;
      try {
        const items = await rpc.review.queue({ setId });
        if (get().setId !== setId) return;
        set({ items, selected: Math.min(get().selected, Math.max(0, items.length - 1)), error: null });
      } catch (error) {
        set({ error: failure(error) });
      }
    },

    async prepare(name, filter, setId) {
      set({ preparing: true, error: null, progress: null });
      try {
        const ready = await rpc.review.prepare({ name, filter, setId });
        set({ preparing: false });
        await get().loadSets();
        await get().openSet(ready.id);
      } catch (error) {
        set({ preparing: false, error: failure(error) });
        await get().loadSets();
      }
    },

    async deleteSet(setId) {
      try {
        await rpc.review['sets.delete']({ setId });
        if (get().setId === setId) set({ setId: null, items: [], selected: 0 });
        set({ error: null });
      } catch (error) {
        set({ error: failure(error) });
      }
      await get().loadSets();
    },

    onProgress(progress) {
      set({ progress });
    },

    move(delta) {
      const { items, selected } = get();
      if (items.length === 0) return;
      set({ selected: Math.min(items.length - 1, Math.max(0, selected + delta)) });
    },

    select(index) {
      set({ selected: index });
    },

    async record(verdict, ruleId, note) {
      const item = get().items[get().selected];
      if (!item) return;
      try {
        await rpc.reviews.record({ conversationId: item.conversationId, verdict, ruleId, note });
        await get().reload();
      } catch (error) {
        set({ error: failure(error) });
      }
    },
  }));
}
