import { isQuestion } from './episode';
import { phrases } from './messages';
import { clip } from './summary';
import type { BotDecision, BotLocale, BotProvider, BotSender, HandoffReason, KbSearch } from './types';

export interface TranscriptTurn {
  sender: BotSender;
  text: string;
  /** Epoch milliseconds from the injected clock. */
  at: number;
}

/** What the agent receives when the bot hands a customer over. */
export interface HandoffTranscript {
  turns: TranscriptTurn[];
  reason: HandoffReason;
  /** One line: the customer's first question and why the bot handed off. */
  summary: string;
}

const SUMMARY_QUESTION_CHARS = 60;

/**
 * The agent's view of the bot part of a conversation. The first question is the first customer
 * line that asks something (not "你好", not "人工", not "没用"), on one line and clipped, so a
 * glance at the queue tells the agent what the customer wants.
 */
export function buildTranscript(turns: readonly TranscriptTurn[], reason: HandoffReason, locale: BotLocale): HandoffTranscript {
  const say = phrases(locale);
  const first = turns.find((t) => t.sender === 'customer' && isQuestion(t.text));
  const question = first ? clip(first.text.replace(/\s+/g, ' ').trim(), SUMMARY_QUESTION_CHARS) : null;
  return {
    turns: turns.map((t) => ({ ...t })),
    reason,
    summary: say.summary(question, say.reasonLabel[reason]),
  };
}

export interface BotSessionOptions {
  conversationId: string;
  locale: BotLocale;
  /** Normally wrapped with withTimeout, so a slow or failing provider still ends in a hand-off. */
  provider: BotProvider;
  search: KbSearch;
  now: () => number;
  /** Lines already exchanged, to resume a conversation after a restart (the session stores nothing). */
  turns?: readonly TranscriptTurn[];
}

/**
 * One conversation's bot phase: feeds each customer message with the history to the provider,
 * keeps the timed transcript, and once the provider hands off, holds the transcript for the
 * agent. Customer messages are handled one at a time, in arrival order, so each reply sees the
 * history before it.
 */
export class BotSession {
  private readonly options: BotSessionOptions;
  private readonly log: TranscriptTurn[];
  private result: HandoffTranscript | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: BotSessionOptions) {
    this.options = options;
    this.log = (options.turns ?? []).map((t) => ({ ...t }));
  }

  get turns(): readonly TranscriptTurn[] {
    return this.log;
  }

  /** The transcript for the agent, once the bot has handed off; null while the bot is answering. */
  get handoff(): HandoffTranscript | null {
    return this.result;
  }

  /** Adds a line the provider did not produce (a system notice, a welcome shown by the widget). */
  record(sender: BotSender, text: string): void {
    this.log.push({ sender, text, at: this.options.now() });
  }

  /**
   * The bot's decision on a customer message; null when the bot has already handed off (the
   * message is then the agent's to read, and is not added to the bot transcript).
   */
  handle(customerMessage: string, signal?: AbortSignal): Promise<BotDecision | null> {
    const turn = this.queue.then(() => this.turn(customerMessage, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async turn(customerMessage: string, signal?: AbortSignal): Promise<BotDecision | null> {
    if (this.result) return null;
    const { conversationId, locale, provider, search, now } = this.options;
    const history = this.log.map(({ sender, text }) => ({ sender, text }));
    this.log.push({ sender: 'customer', text: customerMessage, at: now() });
    const decision = await provider.reply(
      { conversationId, customerMessage, history, locale },
      signal ? { search, now, signal } : { search, now },
    );
    this.log.push({ sender: 'bot', text: decision.text, at: now() });
    if (decision.kind === 'handoff') this.result = buildTranscript(this.log, decision.reason, locale);
    return decision;
  }
}
