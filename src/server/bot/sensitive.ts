import { fold } from './normalize';

/**
 * Customer-side words that go straight to a person: complaints, fraud, counterfeits, police,
 * lawyers. A bot answer to "你们是骗子，我要报警" would only make things worse, and the QC lead
 * wants these conversations in front of a human at once.
 *
 * A deliberately small stand-in: the configurable keyword rules of src/shared/text (the same
 * ones QC flags messages with, ARCHITECTURE.md §1 "Quality rules") will replace this list.
 * Words with an everyday meaning on this platform are left out: 举报 (reporting a note is a KB
 * question), 曝光 (photo exposure), 工商 (工商银行 is a bank).
 */
const ZH_WORDS = [
  '投诉',
  '诈骗',
  '骗子',
  '骗钱',
  '被骗',
  '假货',
  '假冒',
  '报警',
  '警察',
  '起诉',
  '律师',
  '法院',
  '消协',
  '消费者协会',
  '12315',
  '工商局',
  '市场监管局',
  '维权',
];

const EN_WORDS = /\b(?:complaint|complain|scam|scammed|scammer|fraud|counterfeit|police|lawyer|lawsuit|sue)\b/;

/** The first sensitive keyword in the customer's message, or null. */
export function findSensitiveKeyword(text: string): string | null {
  const folded = fold(text);
  const zh = ZH_WORDS.find((word) => folded.includes(word));
  if (zh) return zh;
  return EN_WORDS.exec(folded)?.[0] ?? null;
}
