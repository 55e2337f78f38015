/**
 * Text normalisation shared by search, PII detection, quality rules and emotion cues.
 *
 * Chinese users type on IMEs that switch between full-width and half-width forms (１３８, ＩＤ,
 * ＠), and people dodge keyword filters with spaces (密 码). Every matcher therefore works on a
 * normalised copy of the text, but the spans it reports must point into the text the user sees.
 * The helpers here normalise while keeping a map back to the original offsets.
 */

/**
 * Length-preserving width fold: full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space →
 * space, the various dashes → '-'. Every replaced character is one UTF-16 unit and so is its
 * replacement, so offsets in the result are offsets in the input: PII spans found on the folded
 * text can be used on the original unchanged. (NFKC would also fold these, but it changes the
 * length of other characters, e.g. ㎏ → kg.)
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63) out += '-';
    else out += text[i];
  }
  return out;
}

/** A normalised string plus, for each of its UTF-16 units, the original [start, end) it came from. */
export interface MappedText {
  text: string;
  /** `start[i]` is the original offset of the cluster that produced normalised unit i. */
  start: number[];
  /** `end[i]` is the original end offset of that cluster. */
  end: number[];
}

export interface MatchNormaliseOptions {
  /**
   * Drop whitespace (and zero-width characters) that sits between two non-Latin characters, so
   * 密 码 matches 密码 while "do not" keeps its space. Whitespace next to Latin letters or digits
   * is collapsed to a single space instead. A whitespace run holding a line break always
   * becomes one '\n'.
   */
  joinCjkSpaces?: boolean;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/u;
const WHITESPACE = /\s/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const COMBINING = /\p{M}/u;
/** Phones type don’t with a curly apostrophe; rules are written with the straight one. */
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc]/gu;

/**
 * NFKC + lower-case (and curly apostrophes straightened), cluster by cluster (a base character and its combining marks), with the map
 * back to the original. Used where a match must be reported in the user's text (QC hits,
 * highlight ranges). Per-cluster NFKC equals whole-string NFKC for everything this app meets
 * (CJK, Latin with accents, full-width forms); exotic cross-cluster compositions are left as is.
 */
export function normaliseForMatching(text: string, options: MatchNormaliseOptions = {}): MappedText {
  const clusters = splitClusters(text);
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const push = (piece: string, from: number, to: number) => {
    out.push(piece);
    for (let k = 0; k < piece.length; k += 1) {
      start.push(from);
      end.push(to);
    }
  };
  let i = 0;
  while (i < clusters.length) {
    const cluster = clusters[i]!;
    const isGap = WHITESPACE.test(cluster.text) || ZERO_WIDTH.test(cluster.text);
    if (!isGap) {
      push(cluster.text.normalize('NFKC').toLowerCase().replace(CURLY_APOSTROPHE, "'"), cluster.start, cluster.end);
      i += 1;
      continue;
    }
    // A run of whitespace / zero-width characters between two visible clusters.
    let j = i;
    let sawSpace = false;
    let lineBreak = false;
    while (j < clusters.length && (WHITESPACE.test(clusters[j]!.text) || ZERO_WIDTH.test(clusters[j]!.text))) {
      if (WHITESPACE.test(clusters[j]!.text)) sawSpace = true;
      if (LINE_BREAK.test(clusters[j]!.text)) lineBreak = true;
      j += 1;
    }
    const before = i > 0 ? clusters[i - 1]!.text : '';
    const after = j < clusters.length ? clusters[j]!.text : '';
    const latinNeighbour = LATIN_OR_DIGIT.test(before.normalize('NFKC')) || LATIN_OR_DIGIT.test(after.normalize('NFKC'));
    const keepSpace = sawSpace && (!options.joinCjkSpaces || latinNeighbour);
    const atEdge = out.length === 0 || j === clusters.length;
    // A line break still separates clauses (QC negation and emotion cues look within a clause).
    if (lineBreak && !atEdge) push('\n', cluster.start, clusters[j - 1]!.end);
    else if (keepSpace && !atEdge) push(' ', cluster.start, clusters[j - 1]!.end);
    i = j;
  }
  return { text: out.join(''), start, end };
}

/** Original [start, end) of the normalised range [from, to). */
export function originalRange(mapped: MappedText, from: number, to: number): [number, number] {
  if (to <= from || from >= mapped.start.length) {
    const at = from < mapped.start.length ? mapped.start[from]! : (mapped.end[mapped.end.length - 1] ?? 0);
    return [at, at];
  }
  return [mapped.start[from]!, mapped.end[Math.min(to, mapped.end.length) - 1]!];
}

interface Cluster {
  text: string;
  start: number;
  end: number;
}

/** Code points grouped with the combining marks that follow them. */
function splitClusters(text: string): Cluster[] {
  const clusters: Cluster[] = [];
  let offset = 0;
  for (const cp of text) {
    const last = clusters[clusters.length - 1];
    if (last && COMBINING.test(cp)) {
      last.text += cp;
      last.end += cp.length;
    } else {
      clusters.push({ text: cp, start: offset, end: offset + cp.length });
    }
    offset += cp.length;
  }
  return clusters;
}
