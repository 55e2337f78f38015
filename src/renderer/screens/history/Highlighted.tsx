import { theme } from 'antd';
import type { TextRange } from '../../../shared/text';

/**
 * Text with its highlight ranges marked. Pieces are React text inside <mark>, never HTML, so a
 * snippet holding `<img onerror>` shows the characters the customer typed.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const { token } = theme.useToken();
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at || end > text.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return (
    <>
      {pieces.map((piece, i) =>
        piece.marked ? (
          <mark key={i} data-testid="hit-mark" style={{ background: token.colorWarningBorder, color: 'inherit', padding: 0 }}>
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
