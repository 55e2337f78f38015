/**
 * The bot first line's contract (ARCHITECTURE.md §1, issue 3 item 6). Everything here is
 * storage-free: the conversation service feeds the history in and persists what comes out, so
 * the knowledge-base bot of this folder and a future LLM provider are interchangeable.
 */

export type BotLocale = 'zh-CN' | 'en';

/** Who wrote a line of the conversation, as the bot needs to tell them apart. */
export type BotSender = 'customer' | 'bot' | 'agent' | 'system';

export interface BotHistoryTurn {
  sender: BotSender;
  text: string;
}

export interface BotInput {
  conversationId: string;
  /** The message the bot must answer now; not repeated at the end of `history`. */
  customerMessage: string;
  /** Earlier lines of this conversation, oldest first. */
  history: readonly BotHistoryTurn[];
  locale: BotLocale;
}

export interface KbHit {
  articleId: string;
  title: string;
  /** The article's Markdown body. */
  body: string;
  /**
   * Relevance, higher is better and never negative. No fixed scale is assumed: the SQLite FTS5
   * search passes `-bm25(...)` (FTS5's bm25 is negative, lower meaning better).
   */
  score: number;
}

/** Ranked knowledge-base search, best first, already restricted to what this customer may read. */
export type KbSearch = (query: string, limit: number) => Promise<KbHit[]>;

export interface BotContext {
  search: KbSearch;
  now: () => number;
  /** Aborted when the answer is no longer wanted (deadline passed, conversation closed). */
  signal?: AbortSignal;
}

export type HandoffReason = 'asked_for_human' | 'low_confidence' | 'unhelpful_turns' | 'sensitive' | 'provider_error';

export interface BotAnswer {
  kind: 'answer';
  /** Plain text for the customer; never Markdown. */
  text: string;
  /** The article answered from first, then the related articles suggested; empty for small talk. */
  articleIds: string[];
  /** 0..1; how sure the bot is that the answer fits the question. */
  confidence: number;
}

export interface BotHandoff {
  kind: 'handoff';
  reason: HandoffReason;
  /** What the bot tells the customer while a human is found, e.g. 正在为您转接人工客服，请稍候… */
  text: string;
}

export type BotDecision = BotAnswer | BotHandoff;

/** Anything that can answer a customer turn: the KB bot here, an LLM provider later. */
export interface BotProvider {
  reply(input: BotInput, ctx: BotContext): Promise<BotDecision>;
}
