/**
 * Turns a KB article's Markdown body into the short plain-text answer a customer reads in the
 * chat widget: the first paragraph and, when steps follow it, the steps. The widget renders
 * text as text (never HTML or Markdown), so no Markdown syntax may survive.
 */

/** A paragraph from a block quote is an aside (a note, a warning), not the answer itself. */
type Block = { kind: 'paragraph'; text: string; aside: boolean } | { kind: 'list'; items: string[]; ordered: boolean };

const LIST_ITEM = /^\s*(?:([-*+•])|(\d{1,3})[.)、])\s+(.*)$/;

const PARK = 0xe000;

/** Inline Markdown to plain text: links keep their text, images and HTML go, emphasis marks go. */
export function inlinePlain(text: string): string {
  // Escaped marks (\*) are literal text: park them in the private-use area while marks are stripped.
  const parked = text.replace(/[\ue000-\ue07f]/g, '').replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, (_, c: string) => String.fromCharCode(PARK + c.charCodeAt(0)));
  return (
    parked
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w])_(?!\s)([^_]+?)_(?!\w)/g, '$1$2')
      .replace(/~~(.+?)~~/g, '$1')
      // whatever is left of emphasis or code marks is noise to a customer
      .replace(/\*{2,}|_{2,}|`+|~~/g, '')
      .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK))
      .replace(/[ \t]+/g, ' ')
      .trim()
  );
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let paragraph: string[] = [];
  let quoted = false;
  let list: { items: string[]; ordered: boolean } | null = null;
  let fence: string | null = null;

  const flush = (): void => {
    if (paragraph.length > 0) {
      const text = inlinePlain(joinLines(paragraph));
      if (text) out.push({ kind: 'paragraph', text, aside: quoted });
    }
    if (list && list.items.length > 0) out.push({ kind: 'list', ...list });
    paragraph = [];
    list = null;
  };

  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    const isQuote = /^\s*>/.test(raw);
    const line = raw.replace(/^\s*(?:>\s?)+/, '');
    if (paragraph.length > 0 && isQuote !== quoted) flush();
    quoted = isQuote;
    if (paragraph.length > 0 && /^ {0,3}(?:=+|-+)\s*$/.test(line)) {
      // a setext underline: the paragraph above was a heading
      paragraph = [];
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*#{1,6}(?:\s|$)/.test(line) || /^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*\|/.test(line)) {
      // blank lines, headings, rules and tables end a block and add nothing to a short answer
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length > 0) flush();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) flush();
      list ??= { items: [], ordered };
      list.items.push(inlinePlain(item[3] ?? ''));
      continue;
    }
    if (list && /^\s{2,}\S/.test(raw)) {
      // a continuation line of the last list item
      const last = list.items.length - 1;
      list.items[last] = inlinePlain(joinLines([list.items[last] ?? '', line.trim()]));
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return out;
}

/**
 * Soft-wrapped lines of one paragraph: Latin text needs a space where the line broke, Chinese
 * text must not get one (退款， 到账 reads as a typo).
 */
function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!line) continue;
    const cjkSeam = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u.test(out) || /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(line);
    out = out === '' ? line : cjkSeam ? out + line : `${out} ${line}`;
  }
  return out;
}

function renderList(list: Extract<Block, { kind: 'list' }>): string {
  return list.items
    .filter((item) => item.length > 0)
    .map((item, i) => (list.ordered ? `${i + 1}. ${item}` : `· ${item}`))
    .join('\n');
}

/** Cuts to at most `max` characters (code points), at a sentence or line end when one is close. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1);
  for (let i = head.length - 1; i >= Math.floor(max * 0.5); i -= 1) {
    const c = head[i] ?? '';
    if (c === '\n') return `${head.slice(0, i).join('').trimEnd()}…`;
    if ('。！？；.!?;'.includes(c)) return `${head.slice(0, i + 1).join('')}…`;
  }
  return `${head.join('').trimEnd()}…`;
}

/**
 * The first paragraph of the article, plus the list (the steps) right after it — or the first
 * list alone when the article opens with one — as plain text of at most `maxChars` characters.
 */
export function summarizeArticle(markdown: string, maxChars = 300): string {
  const all = blocks(markdown);
  const start = Math.max(0, all.findIndex((b) => b.kind === 'list' || !b.aside));
  const first = all[start];
  if (!first) return '';
  let parts: string[];
  if (first.kind === 'list') parts = [renderList(first)];
  else {
    parts = [first.text];
    const next = all[start + 1];
    if (next?.kind === 'list') parts.push(renderList(next));
  }
  return clip(parts.join('\n'), maxChars);
}
