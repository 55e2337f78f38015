import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryHit, HistoryResult, HistorySearchArgs } from '../../../shared/domain/workstation';
import type { Rpc } from '../../../shared/rpc/client';
import { errorKey } from '../../i18n/errorKey';
import type { MessageKey } from '../../i18n/resources';
import { groupHits, type ResultRow } from './groupHits';

/** Every search filter of the window (the search box's text aside). */
export type HistoryFilters = Omit<HistorySearchArgs, 'query' | 'limit'>;

/** Typing waits this long for the next key before searching; a filter change searches at once. */
const TYPING_MS = 200;
/** The most hits one search shows (the contract's maximum). */
const LIMIT = 200;

export interface HistoryState {
  query: string;
  filters: HistoryFilters;
  /** the customer filter's label (the masked name of the customer it was taken from) */
  customerLabel: string | null;
  result: HistoryResult | null;
  /** the hits grouped by conversation, as the list shows them; `hits` in that order */
  rows: ResultRow[];
  hits: HistoryHit[];
  /** a search is asked for (typed, not yet answered): the rows shown are the previous answer's */
  searching: boolean;
  /** why the last search failed, null when it answered */
  error: MessageKey | null;
  /** the hit the keyboard is on (index into hits) */
  selected: number;
  /** the transcript shown, and the message to scroll to */
  open: { conversationId: string; messageId: string | null } | null;
  /** the customer whose timeline is shown */
  timelineOf: string | null;
}

export interface HistoryActions {
  setQuery(query: string): void;
  setFilters(patch: Partial<HistoryFilters>): void;
  filterByCustomer(customerId: string, label: string | null): void;
  clearFilters(): void;
  search(): Promise<void>;
  /** Moves the keyboard's place by `delta` hits, staying within the list. */
  move(delta: number): void;
  select(index: number): void;
  openSelected(): void;
  openConversation(conversationId: string, messageId?: string | null): void;
  close(): void;
  showTimeline(customerId: string | null): void;
}

export type HistoryStore = StoreApi<HistoryState & HistoryActions>;

/** A filter patch without its cleared fields, so the search sends only what is set. */
function withoutEmpty(filters: HistoryFilters): HistoryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as HistoryFilters;
}

/**
 * The history window's search: the box and filters, the grouped results and the keyboard's
 * place in them, the open transcript and timeline. A late answer to an older search is dropped,
 * so fast typing never shows results for a query the user has already changed.
 */
export function createHistoryStore(rpc: Rpc): HistoryStore {
  let asked = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;
  return createStore<HistoryState & HistoryActions>()((set, get) => ({
    query: '',
    filters: {},
    customerLabel: null,
    result: null,
    rows: [],
    hits: [],
    searching: false,
    error: null,
    selected: 0,
    open: null,
    timelineOf: null,

    setQuery(query) {
      set({ query, searching: true });
      clearTimeout(typing);
      typing = setTimeout(() => void get().search(), TYPING_MS);
    },
    setFilters(patch) {
      set({ filters: withoutEmpty({ ...get().filters, ...patch }) });
      void get().search();
    },
    filterByCustomer(customerId, label) {
      set({ filters: { ...get().filters, customerId }, customerLabel: label });
      void get().search();
    },
    clearFilters() {
      set({ filters: {}, customerLabel: null });
      void get().search();
    },
    async search() {
      clearTimeout(typing);
      const ask = (asked += 1);
      set({ searching: true });
      try {
        const result = await rpc.search.history({ query: get().query.trim(), ...get().filters, limit: LIMIT });
        if (ask !== asked) return;
        const { rows, hits } = groupHits(result.hits);
        set({ result, rows, hits, selected: 0, searching: false, error: null });
      } catch (error) {
        if (ask !== asked) return;
        set({ searching: false, error: errorKey(error) });
      }
    },
    move(delta) {
      const { hits, selected } = get();
      if (hits.length > 0) set({ selected: Math.min(hits.length - 1, Math.max(0, selected + delta)) });
    },
    select(index) {
      set({ selected: index });
    },
    openSelected() {
      // Enter right after typing would open a row of the previous answer.
      if (get().searching) return;
      const hit = get().hits[get().selected];
      if (hit) get().openConversation(hit.conversationId, hit.messageId);
    },
    openConversation(conversationId, messageId = null) {
      set({ open: { conversationId, messageId }, timelineOf: null });
    },
    close() {
      set({ open: null });
    },
    showTimeline(customerId) {
      set({ timelineOf: customerId });
    },
  }));
}
