import { isAcknowledgement, isGreeting, isNegativeFeedback } from './feedback';
import { asksForHuman } from './humanRequest';
import { answeredTitle, isRetryReply } from './messages';
import { isRepeat } from './normalize';
import type { BotHistoryTurn } from './types';

/**
 * What the bot needs to remember about the conversation so far, rebuilt from the history on
 * every turn (the bot keeps no state of its own, so a server restart or another server process
 * loses nothing).
 *
 * The episode is the part of the history the bot is answering: everything after the last agent
 * line (a conversation that an agent handled and that came back to the bot starts afresh), and
 * after the customer's last "thanks, solved" (a resolved question is not a failure).
 *
 * A customer turn is unhelpful — at most once — when it follows something the bot said and
 *  - says the answer did not help (没用, 没解决, not helpful …), or
 *  - repeats one of the customer's earlier questions, or
 *  - was answered with an article the bot had already given in this episode, or with the bot's
 *    own apology (it found nothing new to say: the same judgement, made on an earlier turn).
 */
export interface Episode {
  unhelpfulTurns: number;
  /** Whether the bot has said anything yet in this episode. */
  botHasSpoken: boolean;
  /** Titles of the articles the bot has answered from, oldest first. */
  answeredTitles: string[];
  /** The customer's earlier questions (not greetings, thanks, complaints about the answer). */
  questions: string[];
}

export function isQuestion(text: string): boolean {
  return !isAcknowledgement(text) && !isGreeting(text) && !isNegativeFeedback(text) && !asksForHuman(text) && text.trim().length > 0;
}

export function readEpisode(history: readonly BotHistoryTurn[]): Episode {
  let start = 0;
  history.forEach((turn, i) => {
    if (turn.sender === 'agent') start = i + 1;
  });

  let episode: Episode = { unhelpfulTurns: 0, botHasSpoken: false, answeredTitles: [], questions: [] };
  /** Whether the latest customer turn has already been counted as unhelpful. */
  let lastTurnCounted = true;

  for (const turn of history.slice(start)) {
    if (turn.sender === 'bot') {
      const title = answeredTitle(turn.text);
      const repeatsItself = title !== null && episode.answeredTitles.includes(title);
      if ((repeatsItself || isRetryReply(turn.text)) && !lastTurnCounted) {
        episode.unhelpfulTurns += 1;
        lastTurnCounted = true;
      }
      if (title !== null) episode.answeredTitles.push(title);
      episode.botHasSpoken = true;
      continue;
    }
    if (turn.sender !== 'customer') continue;

    if (isAcknowledgement(turn.text)) {
      episode = { unhelpfulTurns: 0, botHasSpoken: episode.botHasSpoken, answeredTitles: [], questions: [] };
      lastTurnCounted = true;
      continue;
    }
    lastTurnCounted = false;
    if (episode.botHasSpoken && unhelpfulSignal(turn.text, episode)) {
      episode.unhelpfulTurns += 1;
      lastTurnCounted = true;
    }
    if (isQuestion(turn.text)) episode.questions.push(turn.text);
  }
  return episode;
}

/** The customer's own signals that the bot is not helping: feedback, or asking again. */
export function unhelpfulSignal(text: string, episode: Episode): 'feedback' | 'repeat' | null {
  if (isNegativeFeedback(text)) return 'feedback';
  if (isQuestion(text) && episode.questions.some((q) => isRepeat(text, q))) return 'repeat';
  return null;
}
