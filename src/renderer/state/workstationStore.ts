import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agent } from '../../shared/domain/org';
import type { ConversationSummary, OfferView, QueueSummary } from '../../shared/domain/workstation';
import type { Rpc } from '../../shared/rpc/client';
import { coalesce } from './coalesce';

/** The conversation lists the left panel shows, in its order. */
export const LIST_FILTERS = ['mine', 'waiting_customer', 'resolved_today'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface WorkstationState {
  lists: Record<ListFilter, ConversationSummary[]>;
  queues: QueueSummary[];
  offers: OfferView[];
  agents: Agent[];
  /** chats opened in the centre beyond the agent's own active ones (a resolved one, a queued one) */
  extraTabs: string[];
  activeId: string | null;
  loaded: boolean;
  /** text a side panel (KB, canned, assist, palette) asked to put into a chat's composer */
  insertion: { conversationId: string; text: string; seq: number } | null;
}

export interface WorkstationActions {
  /** Subscribes to the core's events and loads; returns the function that stops it. */
  start(): () => void;
  refresh(): Promise<void>;
  open(conversationId: string): void;
  close(conversationId: string): void;
  /** Moves to the previous (-1) or next (+1) tab, wrapping around. */
  step(delta: 1 | -1): void;
  /** Puts text into the composer of the conversation (the active one unless named). */
  insert(text: string, conversationId?: string): void;
}

export type WorkstationStore = StoreApi<WorkstationState & WorkstationActions>;

const LIST_LIMIT = 500;

/** The centre's tabs: the agent's active chats (the core's order), then the extra ones. */
export function tabIds(state: Pick<WorkstationState, 'lists' | 'extraTabs'>): string[] {
  const mine = state.lists.mine.map((c) => c.id);
  return [...mine, ...state.extraTabs.filter((id) => !mine.includes(id))];
}

/** Unread customer messages over the agent's active chats: the window title's badge. */
export function totalUnread(state: Pick<WorkstationState, 'lists'>): number {
  return state.lists.mine.reduce((sum, c) => sum + c.unread, 0);
}

/**
 * The workstation window's view of the core: its conversation lists, queues, open offers and
 * agent directory, read again (coalesced) whenever the core says any of them changed — so a
 * pop-out window and the main one always show the same thing — plus which chats are open here.
 */
export function createWorkstationStore(rpc: Rpc): WorkstationStore {
  return createStore<WorkstationState & WorkstationActions>()((set, get) => {
    const readAll = async () => {
      const [mine, waiting, resolved, queues, offers] = await Promise.all([
        rpc.conversations.list({ filter: 'mine', limit: LIST_LIMIT }),
        rpc.conversations.list({ filter: 'waiting_customer', limit: LIST_LIMIT }),
        rpc.conversations.list({ filter: 'resolved_today', limit: LIST_LIMIT }),
        rpc.queues.list(),
        rpc.offers.list(),
      ]);
      const lists = { mine, waiting_customer: waiting, resolved_today: resolved };
      const { activeId } = get();
      const tabs = tabIds({ lists, extraTabs: get().extraTabs });
      set({
        lists,
        queues,
        offers,
        loaded: true,
        activeId: activeId && tabs.includes(activeId) ? activeId : (tabs[0] ?? null),
      });
    };
    const readAgents = async () => set({ agents: await rpc.agents.list() });
    const swallow = (task: () => Promise<void>) => async () => {
      // A failed read (signed out meanwhile, link lost) is retried by the next event or relink.
      await task().catch(() => undefined);
    };

    return {
      lists: { mine: [], waiting_customer: [], resolved_today: [] },
      queues: [],
      offers: [],
      agents: [],
      extraTabs: [],
      activeId: null,
      loaded: false,
      insertion: null,

      start() {
        // Made per start: a stopped store (React's StrictMode stops and starts effects once) must
        // start listening again with live, not cancelled, schedulers.
        const lists = coalesce(swallow(readAll));
        const agents = coalesce(swallow(readAgents));
        const stops = [
          rpc.on('conversations.changed', lists),
          rpc.on('messages.changed', lists),
          rpc.on('queues.changed', lists),
          rpc.on('offers.changed', (offers) => set({ offers })),
          rpc.on('entities.changed', ({ entities }) => {
            if (entities.includes('agents')) agents();
            if (entities.includes('customers')) lists();
          }),
          rpc.onLink((up) => {
            if (up) void get().refresh();
          }),
        ];
        void get().refresh();
        return () => {
          for (const stop of stops) stop();
          lists.cancel();
          agents.cancel();
        };
      },

      async refresh() {
        await Promise.all([swallow(readAll)(), swallow(readAgents)()]);
      },

      open(conversationId) {
        const { extraTabs } = get();
        set({
          activeId: conversationId,
          extraTabs: tabIds(get()).includes(conversationId) ? extraTabs : [...extraTabs, conversationId],
        });
      },

      close(conversationId) {
        const extraTabs = get().extraTabs.filter((id) => id !== conversationId);
        const tabs = tabIds({ lists: get().lists, extraTabs });
        const activeId = get().activeId === conversationId ? (tabs[0] ?? null) : get().activeId;
        set({ extraTabs, activeId });
      },

      step(delta) {
        const tabs = tabIds(get());
        if (tabs.length === 0) return;
        const at = tabs.indexOf(get().activeId ?? '');
        const next = at < 0 ? 0 : (at + delta + tabs.length) % tabs.length;
        set({ activeId: tabs[next]! });
      },

      insert(text, conversationId) {
        const target = conversationId ?? get().activeId;
        if (!target) return;
        set({ insertion: { conversationId: target, text, seq: (get().insertion?.seq ?? 0) + 1 } });
      },
    };
  });
}
