import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agent } from '../../shared/domain/org';
import type { OfferView, QueueSummary } from '../../shared/domain/workstation';
import type { Rpc } from '../../shared/rpc/client';
import { coalesce } from './coalesce';
import { listChanges, readSummaries, type Summaries } from './conversationPatch';
import { sameJson } from './sameJson';

/** The conversation lists the left panel shows, in its order. */
export const LIST_FILTERS = ['mine', 'waiting_customer', 'resolved_today'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface WorkstationState {
  /** every conversation of each list, in the core's order (no cap: the list view windows over them) */
  ids: Record<ListFilter, string[]>;
  /** the summaries read so far: all of the agent's active chats, the rows shown, the open tabs */
  summaries: Summaries;
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
  /** Reads everything again (start, relink): the lists, every summary held, queues, offers, agents. */
  refresh(): Promise<void>;
  /** Reads the summaries of these conversations that are not held yet (the rows a list shows). */
  want(ids: readonly string[]): void;
  open(conversationId: string): void;
  close(conversationId: string): void;
  /** Moves to the previous (-1) or next (+1) tab, wrapping around. */
  step(delta: 1 | -1): void;
  /** Puts text into the composer of the conversation (the active one unless named). */
  insert(text: string, conversationId?: string): void;
}

export type WorkstationStore = StoreApi<WorkstationState & WorkstationActions>;

/** The centre's tabs: the agent's active chats (the core's order), then the extra ones. */
export function tabIds(state: { ids: { mine: readonly string[] }; extraTabs: readonly string[] }): string[] {
  const mine = state.ids.mine;
  return [...mine, ...state.extraTabs.filter((id) => !mine.includes(id))];
}

/** Unread customer messages over the agent's active chats: the window title's badge. */
export function totalUnread(state: Pick<WorkstationState, 'ids' | 'summaries'>): number {
  return state.ids.mine.reduce((sum, id) => sum + (state.summaries[id]?.unread ?? 0), 0);
}

const NO_IDS: Record<ListFilter, string[]> = { mine: [], waiting_customer: [], resolved_today: [] };

/**
 * The workstation window's view of the core: its conversation lists (ids, and the summaries of the
 * rows that are shown), queues, open offers and agent directory, kept current from the core's
 * change events — so a pop-out window and the main one always show the same thing — plus which
 * chats are open here. A change event costs the summaries it names, and the lists' ids only when a
 * conversation may have joined, left or moved in one; a relink reads everything again.
 */
export function createWorkstationStore(rpc: Rpc): WorkstationStore {
  return createStore<WorkstationState & WorkstationActions>()((set, get) => {
    const readIds = async () => {
      const [mine, waiting, resolved] = await Promise.all(LIST_FILTERS.map((filter) => rpc.conversations.ids({ filter })));
      return { mine: mine!, waiting_customer: waiting!, resolved_today: resolved! };
    };
    /** Keeps the active chat if it is still a tab, else the first tab. */
    const settle = (ids: Record<ListFilter, string[]>) => {
      const { activeId, extraTabs } = get();
      const tabs = tabIds({ ids, extraTabs });
      return activeId && tabs.includes(activeId) ? activeId : (tabs[0] ?? null);
    };
    const readAll = async () => {
      const held = Object.keys(get().summaries);
      const [ids, queues, offers] = await Promise.all([readIds(), rpc.queues.list(), rpc.offers.list()]);
      const listed = new Set([...ids.mine, ...ids.waiting_customer, ...ids.resolved_today, ...get().extraTabs]);
      // The active chats (tabs, unread total) and every row held before, still listed, read afresh.
      const summaries = await readSummaries(rpc, [...new Set([...ids.mine, ...get().extraTabs, ...held.filter((id) => listed.has(id))])]);
      set({ ids, summaries, queues: keep(get().queues, queues), offers, loaded: true, activeId: settle(ids) });
    };

    // What change events named since the last read: conversations (their rows may have moved
    // between lists) and conversations whose messages changed (their summary only).
    const pending = { conversations: new Set<string>(), messages: new Set<string>() };
    const readChanged = async () => {
      const conversations = [...pending.conversations];
      const messages = [...pending.messages];
      pending.conversations.clear();
      pending.messages.clear();
      const before = get();
      // A message only matters to a summary held (a row not read yet is read when shown).
      const touched = [...new Set([...conversations, ...messages.filter((id) => id in before.summaries)])];
      if (touched.length === 0) return;
      const fresh = await readSummaries(rpc, touched);
      const { relist } = listChanges(before, conversations, fresh);
      const ids = relist ? await readIds() : get().ids;
      const now = get();
      const summaries: Summaries = { ...now.summaries };
      const listed = relist ? new Set([...ids.mine, ...ids.waiting_customer, ...ids.resolved_today]) : null;
      for (const id of touched) {
        const summary = fresh[id];
        // Rows of no list here (another agent's, seen by a lead) are not kept.
        if (summary && (id in summaries || listed?.has(id) || now.extraTabs.includes(id))) summaries[id] = summary;
        else if (!summary) delete summaries[id];
      }
      // A chat newly the agent's: its tab needs its summary now, not when scrolled to.
      const missing = ids.mine.filter((id) => !(id in summaries));
      Object.assign(summaries, await readSummaries(rpc, missing));
      set({ ids, summaries, activeId: settle(ids) });
    };
    const readQueues = async () => set({ queues: keep(get().queues, await rpc.queues.list()) });
    const readAgents = async () => set({ agents: keep(get().agents, await rpc.agents.list()) });
    const swallow = (task: () => Promise<void>) => async () => {
      // A failed read (signed out meanwhile, link lost) is retried by the next event or relink.
      await task().catch(() => undefined);
    };
    const wanted = new Set<string>();

    return {
      ids: NO_IDS,
      summaries: {},
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
        const changed = coalesce(swallow(readChanged));
        const all = coalesce(swallow(readAll));
        const queues = coalesce(swallow(readQueues));
        const agents = coalesce(swallow(readAgents));
        const stops = [
          rpc.on('conversations.changed', ({ ids }) => {
            for (const id of ids) pending.conversations.add(id);
            changed();
          }),
          rpc.on('messages.changed', ({ conversationIds }) => {
            for (const id of conversationIds) pending.messages.add(id);
            changed();
          }),
          rpc.on('queues.changed', queues),
          rpc.on('offers.changed', (offers) => set({ offers })),
          rpc.on('entities.changed', ({ entities }) => {
            if (entities.includes('agents')) agents();
            // Customer names and levels are in every summary.
            if (entities.includes('customers')) all();
          }),
          rpc.onLink((up) => {
            if (up) void get().refresh();
          }),
        ];
        void get().refresh();
        return () => {
          for (const stop of stops) stop();
          for (const scheduler of [changed, all, queues, agents]) scheduler.cancel();
        };
      },

      async refresh() {
        await Promise.all([swallow(readAll)(), swallow(readAgents)()]);
      },

      want(ids) {
        const missing = ids.filter((id) => !(id in get().summaries) && !wanted.has(id));
        if (missing.length === 0) return;
        for (const id of missing) wanted.add(id);
        void readSummaries(rpc, missing)
          .then((read) => set({ summaries: { ...get().summaries, ...read } }))
          .catch(() => undefined)
          .finally(() => {
            for (const id of missing) wanted.delete(id);
          });
      },

      open(conversationId) {
        const known = tabIds(get()).includes(conversationId);
        set({ activeId: conversationId, extraTabs: known ? get().extraTabs : [...get().extraTabs, conversationId] });
        // A chat opened from the palette or a search may be in no list read so far.
        if (!known) get().want([conversationId]);
      },

      close(conversationId) {
        const extraTabs = get().extraTabs.filter((id) => id !== conversationId);
        const tabs = tabIds({ ids: get().ids, extraTabs });
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

/** The value held when the one read is the same: what shows it (thread names, panels) need not render again. */
function keep<T>(held: T, read: T): T {
  return sameJson(held, read) ? held : read;
}
