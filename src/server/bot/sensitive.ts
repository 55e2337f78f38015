import { DEFAULT_QC_RULES, evaluateQc, type QcRule } from '../../shared/text';

/**
 * Customer words that take the conversation straight to a person: complaints, fraud,
 * counterfeits, police, lawyers, the media. A bot answer to "你们是骗子，我要报警" would only make
 * things worse, and the QC lead wants these conversations in front of a human at once.
 *
 * The words are the customer-side quality rules of src/shared/text (the same ones that flag
 * messages for QC), so a centre tunes one list, not two. One difference in use: the bot answers a
 * how-to question about such a feature itself — 怎么举报违规笔记 asks how to report a note, which
 * the KB explains, while 我要举报 is a dispute — so a hit right after 怎么 / 如何 / 在哪 … is not one.
 */
const HOW_TO = /(?:怎么|怎样|如何|在哪里?|哪里|去哪)(?:才能|可以|能|去)?\s*$/u;

/** The first sensitive word in the customer's message (as written), or null. */
export function findSensitiveKeyword(text: string, rules: readonly QcRule[] = DEFAULT_QC_RULES): string | null {
  const hit = evaluateQc(text, 'customer', rules).find((h) => !HOW_TO.test(text.slice(0, h.start)));
  return hit ? hit.match : null;
}
