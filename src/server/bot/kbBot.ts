import type { QcRule } from '../../shared/text';
import { round3, saturatingConfidence, DEFAULT_SCORE_AT_HALF_CONFIDENCE } from './confidence';
import { readEpisode, unhelpfulSignal } from './episode';
import { isAcknowledgement, isGreeting } from './feedback';
import { asksForHuman } from './humanRequest';
import { handoff, phrases } from './messages';
import { bare } from './normalize';
import { findSensitiveKeyword } from './sensitive';
import { summarizeArticle } from './summary';
import type { BotAnswer, BotContext, BotDecision, BotInput, BotLocale, BotProvider, KbHit } from './types';

export interface KbBotOptions {
  /** Answer only when the best article's confidence reaches this; below it, hand off. Default 0.55. */
  confidenceThreshold?: number;
  /** The search score that maps to confidence 0.5 (see confidence.ts). Default 4. */
  scoreAtHalfConfidence?: number;
  /** Replaces the default score → confidence normalisation entirely. */
  toConfidence?: (score: number) => number;
  /** Hand off once this many customer turns were unhelpful (see episode.ts). Default 2. */
  maxUnhelpfulTurns?: number;
  /** Customer-side QC rules whose hits go straight to a person (see sensitive.ts). Default: DEFAULT_QC_RULES. */
  qcRules?: readonly QcRule[];
  /** How many search hits to ask for: the answer, the related suggestions and spares. Default 5. */
  searchLimit?: number;
  /** Length of the article summary in characters. Default 300. */
  maxSummaryChars?: number;
  /** Related article titles suggested under an answer. Default 2. */
  maxRelated?: number;
  /** A related article is suggested only from this confidence up. Default 0.4. */
  relatedMinConfidence?: number;
  /** …and only when its score is at least this share of the answer's score. Default 0.5. */
  relatedMinScoreRatio?: number;
}

interface Candidate {
  hit: KbHit;
  confidence: number;
}

/**
 * The knowledge-base bot: answers from the best-matching article, and hands the customer to a
 * person when asked, on complaints and other sensitive words, when no article fits well enough,
 * or when its answers keep not helping. Deterministic: the same input and search results give
 * the same decision, whatever the time.
 */
export class KbBot implements BotProvider {
  private readonly threshold: number;
  private readonly toConfidence: (score: number) => number;
  private readonly maxUnhelpfulTurns: number;
  private readonly qcRules: readonly QcRule[] | undefined;
  private readonly searchLimit: number;
  private readonly maxSummaryChars: number;
  private readonly maxRelated: number;
  private readonly relatedMinConfidence: number;
  private readonly relatedMinScoreRatio: number;

  constructor(options: KbBotOptions = {}) {
    this.threshold = options.confidenceThreshold ?? 0.55;
    const half = options.scoreAtHalfConfidence ?? DEFAULT_SCORE_AT_HALF_CONFIDENCE;
    this.toConfidence = options.toConfidence ?? ((score) => saturatingConfidence(score, half));
    this.maxUnhelpfulTurns = options.maxUnhelpfulTurns ?? 2;
    this.qcRules = options.qcRules;
    this.searchLimit = options.searchLimit ?? 5;
    this.maxSummaryChars = options.maxSummaryChars ?? 300;
    this.maxRelated = options.maxRelated ?? 2;
    this.relatedMinConfidence = options.relatedMinConfidence ?? 0.4;
    this.relatedMinScoreRatio = options.relatedMinScoreRatio ?? 0.5;
  }

  async reply(input: BotInput, ctx: BotContext): Promise<BotDecision> {
    const { locale } = input;
    const say = phrases(locale);
    const message = input.customerMessage.trim();

    if (message.length === 0) return smallTalk(say.emptyMessage);
    // A complaint outranks a plain request for a person: the agent should see why.
    if (findSensitiveKeyword(message, this.qcRules) !== null) return handoff('sensitive', locale);
    if (asksForHuman(message)) return handoff('asked_for_human', locale);

    const episode = readEpisode(input.history);
    const signal = episode.botHasSpoken ? unhelpfulSignal(message, episode) : null;
    if (signal === null && isAcknowledgement(message)) return smallTalk(say.youAreWelcome);
    if (signal === null && isGreeting(message)) return smallTalk(say.welcome);

    let unhelpful = episode.unhelpfulTurns + (signal ? 1 : 0);
    if (unhelpful >= this.maxUnhelpfulTurns) return handoff('unhelpful_turns', locale);

    const query = signal === 'feedback' ? feedbackQuery(message, episode.questions.at(-1)) : message;
    const candidates = await this.search(query, ctx);

    let retry = signal !== null;
    const best = candidates[0];
    if (!retry && best && best.confidence >= this.threshold && episode.answeredTitles.includes(plainTitle(best.hit.title))) {
      // The bot would give the same article again: that answer did not settle it the first time.
      unhelpful += 1;
      if (unhelpful >= this.maxUnhelpfulTurns) return handoff('unhelpful_turns', locale);
      retry = true;
    }

    const fresh = retry ? candidates.filter((c) => !episode.answeredTitles.includes(plainTitle(c.hit.title))) : candidates;
    const pick = fresh[0];
    if (!pick || pick.confidence < this.threshold) {
      if (retry) return { kind: 'answer', text: `${say.retryApology}${say.rephrase}`, articleIds: [], confidence: 0 };
      return handoff('low_confidence', locale);
    }

    const related = fresh
      .slice(1)
      .filter(
        (c) =>
          c.confidence >= this.relatedMinConfidence &&
          c.hit.score >= pick.hit.score * this.relatedMinScoreRatio &&
          plainTitle(c.hit.title) !== plainTitle(pick.hit.title),
      )
      .slice(0, this.maxRelated);
    return this.answer(pick, related, locale, retry);
  }

  private async search(query: string, ctx: BotContext): Promise<Candidate[]> {
    ctx.signal?.throwIfAborted();
    const hits = await ctx.search(query, this.searchLimit);
    ctx.signal?.throwIfAborted();
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const hit of hits) {
      if (seen.has(hit.articleId)) continue;
      seen.add(hit.articleId);
      out.push({ hit, confidence: round3(clamp01(this.toConfidence(hit.score))) });
    }
    // Stable: equal confidence keeps the search's own order.
    return out.sort((a, b) => b.confidence - a.confidence);
  }

  private answer(pick: Candidate, related: Candidate[], locale: BotLocale, retry: boolean): BotAnswer {
    const say = phrases(locale);
    const lines: string[] = [];
    if (retry) lines.push(say.retryApology);
    lines.push(say.answerLead(plainTitle(pick.hit.title)));
    const summary = summarizeArticle(pick.hit.body, this.maxSummaryChars);
    if (summary) lines.push(summary);
    if (related.length > 0) lines.push('', say.related(related.map((c) => plainTitle(c.hit.title))));
    lines.push(say.followUp);
    return {
      kind: 'answer',
      text: lines.join('\n'),
      articleIds: [pick.hit.articleId, ...related.map((c) => c.hit.articleId)],
      confidence: pick.confidence,
    };
  }
}

/**
 * "没用" says nothing about the topic: search again for the question it complains about. A longer
 * complaint ("不对，我问的是换绑手机号") may carry the better description, so it is searched too.
 */
function feedbackQuery(message: string, lastQuestion: string | undefined): string {
  if (lastQuestion === undefined) return message;
  return bare(message).length <= 8 ? lastQuestion : `${lastQuestion} ${message}`;
}

function smallTalk(text: string): BotAnswer {
  return { kind: 'answer', text, articleIds: [], confidence: 1 };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Titles are plain text in the KB, but an imported Markdown file may carry emphasis in its H1. */
function plainTitle(title: string): string {
  return title.replace(/[*_`#]+/g, '').replace(/\s+/g, ' ').trim();
}
