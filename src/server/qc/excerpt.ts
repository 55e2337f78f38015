import { findPii, maskPii } from '../../shared/text';

/** Characters kept on each side of the matched words: enough for a lead to judge the hit. */
const CONTEXT = 20;

/**
 * The matched words of a message with a little context, personal data masked. The window is
 * widened to whole PII spans before masking: a phone number cut in half by the window would no
 * longer be recognised, and its visible half would leak.
 */
export function qcExcerpt(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  for (const span of findPii(text)) {
    if (span.start < to && span.end > from) {
      from = Math.min(from, span.start);
      to = Math.max(to, span.end);
    }
  }
  return `${from > 0 ? '…' : ''}${maskPii(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}
