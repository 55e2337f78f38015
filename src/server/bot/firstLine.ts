import type { Message } from '../../shared/domain/conversations';
import type { ConversationsStore } from '../conversations/store';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import type { KbReads } from '../kb/store';
import type { MessagesStore } from '../messages/store';
import { isRepeat } from './normalize';
import type { BotReads } from './store';
import { handoffSummary } from './transcript';
import type { BotDecision, BotHistoryTurn, BotLocale, BotProvider, KbSearch } from './types';

/**
 * The bot first line wired into customer chat: after a customer's message commits in a
 * conversation whose status is 'bot', the provider (the KB bot, or an LLM one) decides, and its
 * answer is written as an ordinary synced bot message. A hand-off writes the bot's last line, a
 * system line with the transcript summary for the agent, and status 'queued' — the router picks
 * the conversation up after that commit like any other queued one.
 *
 * Everything is read back from the database on each turn (the bot keeps no state), so several
 * quick messages, a restart or another writer in between change nothing: a turn answers only if
 * its message is still the customer's latest and the conversation is still the bot's.
 */
export interface BotFirstLineDeps {
  writer: Writer;
  conversations: ConversationsStore;
  messages: MessagesStore;
  kb: KbReads;
  reads: BotReads;
  /** normally wrapped with withTimeout, so it always ends in a decision */
  provider: BotProvider;
  /** the search score given to an article that lists the customer's question among its own (see kbSearch) */
  questionMatchScore: number;
  now: () => number;
  reportError?: (error: unknown) => void;
}

const SENDERS: Record<Message['senderKind'], BotHistoryTurn['sender']> = { customer: 'customer', bot: 'bot', agent: 'agent', system: 'system' };

function historyTurn(m: Message): BotHistoryTurn {
  return { sender: SENDERS[m.senderKind], text: m.body };
}

/** Chinese when the message holds any Han character, English otherwise: what the customer can read. */
export function localeOf(text: string): BotLocale {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

/** Extra rows read past the bot's limit, so an article found by its question is not cut off by bm25. */
const QUESTION_LOOKAHEAD = 20;

/**
 * The KB as the bot reads it in one queue: bm25 over any shared term, plus the KB editors' own
 * word: an article that lists the customer's question among its `questions` (same gist, or
 * near-same by isRepeat) scores at least `questionMatchScore`. Without it a short question on a
 * common topic (怎么退款 in a KB with 40 refund articles) has no distinctive word for bm25 and
 * scores like small talk, however exactly an article answers it.
 */
export function kbSearch(kb: KbReads, queueId: string, questionMatchScore: number): KbSearch {
  return async (query, limit) => {
    const hits = kb.search(query, { queueId }, limit + QUESTION_LOOKAHEAD, 'any').map((hit) => ({
      articleId: hit.articleId,
      title: hit.title,
      body: hit.body,
      score: hit.questions.some((q) => isRepeat(query, q)) ? Math.max(hit.score, questionMatchScore) : hit.score,
    }));
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  };
}

export class BotFirstLine {
  /** One chain per conversation, so its turns run in arrival order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly deps: BotFirstLineDeps) {}

  /** Called after the customer's message committed; the answer follows in its own transaction. */
  customerWrote(conversationId: string, messageId: string): void {
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const turn = previous
      .then(() => this.turn(conversationId, messageId))
      .catch((error: unknown) => this.deps.reportError?.(error))
      .finally(() => {
        if (this.chains.get(conversationId) === turn) this.chains.delete(conversationId);
      });
    this.chains.set(conversationId, turn);
  }

  /**
   * Answers what was left unanswered when the server stopped (killed between a customer's commit
   * and the bot's): every bot conversation whose latest line is the customer's gets its turn.
   */
  resume(): void {
    for (const conversationId of this.deps.reads.botConversationIds()) {
      const last = this.deps.messages.customerVisible(conversationId).at(-1);
      if (last?.senderKind === 'customer') this.customerWrote(conversationId, last.id);
    }
  }

  /** Resolves once every turn started so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
  }

  private async turn(conversationId: string, messageId: string): Promise<void> {
    const { conversations, messages, kb, provider, now } = this.deps;
    const conversation = conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.status !== 'bot') return;
    const timeline = messages.customerVisible(conversationId);
    const at = timeline.findIndex((m) => m.id === messageId);
    const message = timeline[at];
    if (!message || this.newerCustomerMessage(timeline, at)) return;

    const history = timeline.slice(0, at).map(historyTurn);
    const locale = localeOf(message.body);
    const search = kbSearch(kb, conversation.queueId, this.deps.questionMatchScore);
    const decision = await provider.reply({ conversationId, customerMessage: message.body, history, locale }, { search, now });
    this.record(conversationId, messageId, decision, locale);
  }

  /** Whether the customer wrote again after timeline[at]: that message's own turn answers both. */
  private newerCustomerMessage(timeline: readonly Message[], at: number): boolean {
    return timeline.slice(at + 1).some((m) => m.senderKind === 'customer');
  }

  private record(conversationId: string, messageId: string, decision: BotDecision, locale: BotLocale): void {
    const { writer, conversations, messages } = this.deps;
    writer.write((tx) => {
      // Re-checked inside the write: an agent or a newer message may have come in meanwhile.
      const conversation = conversations.conversation(conversationId);
      if (!conversation || conversation.status !== 'bot') return;
      const timeline = messages.customerVisible(conversationId);
      const at = timeline.findIndex((m) => m.id === messageId);
      if (at < 0 || this.newerCustomerMessage(timeline, at)) return;

      const time = this.deps.now();
      const line = (m: Pick<Message, 'senderKind' | 'kind' | 'body' | 'articleId'>) =>
        messages.insertMessage(tx, { ...m, id: newId(time), conversationId, senderId: null, event: null, createdAt: time, platformOnly: false, clientMutationId: null });
      const articleId = decision.kind === 'answer' ? (decision.articleIds[0] ?? null) : null;
      line({ senderKind: 'bot', kind: 'text', body: decision.text, articleId });
      if (decision.kind === 'answer') return;

      // The agent's first look at the chat: what the customer asked and why the bot let go.
      const summary = handoffSummary(timeline.map(historyTurn), decision.reason, locale);
      line({ senderKind: 'system', kind: 'event', body: summary, articleId: null });
      conversations.updateConversation(tx, conversationId, { status: 'queued', queuedAt: time });
    });
  }
}
