import type { KbImportProblem } from '../../shared/api/kb';
import { CsvSyntaxError, parseCsv } from './csv';

/*
 * Reading KB articles out of Markdown files and CSV tables (docs/kb-import.md describes both).
 * Nothing is validated here beyond the shape of the file: each article comes out as a draft
 * with its location, and importer.ts checks every draft against the same rules whatever its
 * format, so an error reads the same for a CSV row and a Markdown heading.
 */

/** An article as written in the file, before validation. */
export interface ArticleDraft {
  /** file name, and for CSV the row (header = row 1) */
  source: string;
  row?: number;
  id?: string;
  title: string;
  body: string;
  category?: string;
  tags: string[];
  keywords: string[];
  questions: string[];
  /** the teams named by the article itself, overriding the import's */
  teamIds?: string[];
}

export interface ParsedFile {
  drafts: ArticleDraft[];
  problems: KbImportProblem[];
}

/** Items of a list cell or front-matter value: `a | b`, `a; b`, `a；b`, `a、b`, `[a, b]`. */
export function listValue(text: string): string[] {
  const inner = text.trim().replace(/^\[(.*)\]$/s, '$1');
  const separator = /[|;；、]/.test(inner) ? /[|;；、]/ : /[,，]/;
  return inner
    .split(separator)
    .map((item) => item.trim().replace(/^(["'])(.*)\1$/, '$2').trim())
    .filter((item) => item.length > 0);
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

const CSV_COLUMNS = ['id', 'title', 'body', 'category', 'tags', 'keywords', 'questions', 'teams'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One article per row under a header row naming the columns (title and body required, any order). */
export function readCsv(name: string, text: string): ParsedFile {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { drafts: [], problems: [{ source: name, row: error.line, message: error.message }] };
  }
  const [header, ...rows] = records;
  if (!header) return { drafts: [], problems: [{ source: name, message: 'the file is empty: expected a header row and one row per article' }] };

  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems: KbImportProblem[] = [];
  columns.forEach((column, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push({ source: name, row: 1, field: column || `column ${i + 1}`, message: `unknown column (expected ${CSV_COLUMNS.join(', ')})` });
    } else if (columns.indexOf(column) !== i) {
      problems.push({ source: name, row: 1, field: column, message: 'column appears twice' });
    }
  });
  for (const required of ['title', 'body'] as const) {
    if (!columns.includes(required)) problems.push({ source: name, row: 1, field: required, message: 'required column is missing' });
  }
  if (problems.length > 0) return { drafts: [], problems };

  const drafts: ArticleDraft[] = [];
  rows.forEach((record, index) => {
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    const row = index + 2;
    if (record.fields.length > columns.length) {
      problems.push({ source: name, row, message: `${record.fields.length} cells but the header has ${columns.length} columns` });
      return;
    }
    const cell = (column: CsvColumn): string | undefined => {
      const at = columns.indexOf(column);
      return at < 0 ? undefined : (record.fields[at] ?? '').trim();
    };
    const list = (column: CsvColumn): string[] => listValue(cell(column) ?? '');
    const id = cell('id');
    const category = cell('category');
    const teams = list('teams');
    drafts.push({
      source: name,
      row,
      ...(id ? { id } : {}),
      title: cell('title') ?? '',
      body: (cell('body') ?? '').replace(/\r\n?/g, '\n'),
      ...(category ? { category } : {}),
      tags: list('tags'),
      keywords: list('keywords'),
      questions: list('questions'),
      ...(teams.length > 0 ? { teamIds: teams } : {}),
    });
  });
  return { drafts, problems };
}

// ── Markdown ────────────────────────────────────────────────────────────────────────────────────

const FRONT_MATTER_KEYS = ['id', 'title', 'category', 'tags', 'keywords', 'questions', 'teams'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/** `key: value` lines, and `key:` followed by `- item` lines, between two `---` lines at the top. */
function frontMatter(name: string, text: string): { values: Partial<Record<FrontMatterKey, string[]>>; rest: string; problems: KbImportProblem[] } {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { values: {}, rest: text, problems: [] };
  const values: Partial<Record<FrontMatterKey, string[]>> = {};
  const problems: KbImportProblem[] = [];
  let current: FrontMatterKey | null = null;
  for (const raw of match[1]!.split('\n')) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const item = /^\s*-\s+(.*)$/.exec(raw);
    if (item && current) {
      (values[current] ??= []).push(item[1]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
      continue;
    }
    const pair = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(raw);
    const key = pair?.[1]?.toLowerCase();
    if (!pair || !key || !(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      problems.push({ source: name, field: key ?? raw.trim(), message: `unknown front matter line (keys: ${FRONT_MATTER_KEYS.join(', ')})` });
      current = null;
      continue;
    }
    current = key as FrontMatterKey;
    const value = pair[2]!.trim();
    const single = current === 'id' || current === 'title' || current === 'category';
    values[current] = value === '' ? [] : single ? [value.replace(/^(["'])(.*)\1$/, '$2')] : listValue(value);
  }
  return { values, rest: text.slice(match[0].length), problems };
}

/** A `## 常见问法` / `## Questions` section: its list items are the article's questions, not body text. */
const QUESTIONS_HEADING = /^##[ \t]+(?:常见问法|常见问题问法|问法|questions|customer questions)[ \t]*#*[ \t]*$/im;

function splitQuestions(body: string): { body: string; questions: string[] } {
  const heading = QUESTIONS_HEADING.exec(body);
  if (!heading) return { body: body.trim(), questions: [] };
  const after = body.slice(heading.index + heading[0].length);
  const next = /^#{1,2}[ \t]/m.exec(after);
  const section = next ? after.slice(0, next.index) : after;
  const questions = section
    .split('\n')
    .map((l) => /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(l)?.[1]?.trim() ?? '')
    .filter((q) => q.length > 0);
  const rest = body.slice(0, heading.index) + (next ? after.slice(next.index) : '');
  return { body: rest.trim(), questions };
}

/** `# Heading` lines outside fenced code blocks, with their offsets. */
function topHeadings(text: string): Array<{ at: number; end: number; title: string }> {
  const out: Array<{ at: number; end: number; title: string }> = [];
  let offset = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = null;
    } else if (mark) fence = mark;
    else {
      const h1 = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
      if (h1) out.push({ at: offset, end: offset + line.length, title: h1[1]!.trim() });
    }
    offset += line.length + 1;
  }
  return out;
}

/**
 * A Markdown file: optional front matter, then either one article (no `#` heading or one; the
 * title is the front matter's, the heading's, or the file name) or one article per `#` heading,
 * with the front matter as defaults for all of them.
 */
export function readMarkdown(name: string, text: string): ParsedFile {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { values, rest, problems } = frontMatter(name, normalised);
  const headings = topHeadings(rest);
  const shared = {
    ...(values.category?.[0] ? { category: values.category[0] } : {}),
    tags: values.tags ?? [],
    keywords: values.keywords ?? [],
    ...(values.teams?.length ? { teamIds: values.teams } : {}),
  };
  const article = (title: string, text: string, own: { id?: string; questions?: string[] }): ArticleDraft => {
    const split = splitQuestions(text);
    return { source: name, ...shared, ...(own.id ? { id: own.id } : {}), title, body: split.body, questions: [...(own.questions ?? []), ...split.questions] };
  };

  if (headings.length <= 1) {
    const heading = headings[0];
    const body = heading ? rest.slice(0, heading.at) + rest.slice(heading.end + 1) : rest;
    const title = values.title?.[0] ?? heading?.title ?? name.replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown)$/i, '');
    return { drafts: [article(title, body, { id: values.id?.[0], questions: values.questions })], problems };
  }

  if (values.id || values.title || values.questions) {
    problems.push({ source: name, field: values.id ? 'id' : values.title ? 'title' : 'questions', message: 'a file with several # articles cannot give one id, title or questions to all of them' });
  }
  if (rest.slice(0, headings[0]!.at).trim() !== '') {
    problems.push({ source: name, message: 'text before the first # heading belongs to no article' });
  }
  const drafts = headings.map((h, i) => article(h.title, rest.slice(h.end + 1, headings[i + 1]?.at ?? rest.length), {}));
  return { drafts, problems };
}

/** Every file of an import, read in the one format the import declares. */
export function readFiles(format: 'markdown' | 'csv', files: ReadonlyArray<{ name: string; content: string }>): ParsedFile[] {
  const read = format === 'csv' ? readCsv : readMarkdown;
  return files.map((f) => read(f.name, f.content));
}
