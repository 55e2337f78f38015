import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { KbImportProblem } from '../../shared/api/kb';
import { dataDirOf } from '../config';
import { openServerDatabase } from '../db/open';
import { writerFor } from '../db/writer';
import { createOrgStore } from '../org/store';
import { createRestamper } from '../sync/restamp';
import { SyncService } from '../sync/service';
import { createSyncStore } from '../sync/store';
import { readFiles, type ParsedFile } from './importFormats';
import { KbImportError, KbService } from './service';
import { createKbStore } from './store';

export const KB_CLI_USAGE = `Usage: seatdesk-server kb import <file-or-folder> [options]

  Imports KB articles from a Markdown file, a folder of Markdown files (searched recursively;
  an article without a category takes its sub-folder's name), or a CSV file. All or nothing:
  any problem is listed and nothing is written. Formats: docs/kb-import.md.

  --team <id>        a team that may see the articles (repeatable); needed unless every
                     article names its own teams
  --format <f>       markdown | csv (default: from the file extension)
  --data-dir <dir>   where server.db lives (SEATDESK_DATA_DIR, default ./.seatdesk-data/server)

  A running server serves the new articles at once; workstations get them on their next pull.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const MARKDOWN = ['.md', '.markdown'];

/** Markdown files under a folder, sorted so an import is repeatable. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => MARKDOWN.includes(extname(name).toLowerCase()))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Reads the files; in a folder, an article without a category gets its first sub-folder's name. */
function readSource(path: string, format: string | undefined): ParsedFile[] | string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return `no such file or folder: ${path}`;
  if (stat.isDirectory()) {
    if (format === 'csv') return 'a folder import reads Markdown files; give a CSV file by itself';
    return markdownFiles(path).map((file) => {
      const name = relative(path, file);
      const folder = name.includes(sep) ? name.split(sep)[0] : undefined;
      const parsed = readFiles('markdown', [{ name, content: readFileSync(file, 'utf8') }])[0]!;
      return { ...parsed, drafts: parsed.drafts.map((d) => ({ ...d, category: d.category ?? folder })) };
    });
  }
  const chosen = format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : MARKDOWN.includes(extname(path).toLowerCase()) ? 'markdown' : undefined);
  if (chosen !== 'csv' && chosen !== 'markdown') return `cannot tell the format of ${basename(path)}: use --format markdown or --format csv`;
  return readFiles(chosen, [{ name: basename(path), content: readFileSync(path, 'utf8') }]);
}

function describe(p: KbImportProblem): string {
  return `${p.source}${p.row ? ` row ${p.row}` : ''}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
}

/** `kb import …`; returns the process exit code (0 done, 1 nothing imported, 2 bad command line). */
export function runKbCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { team: { type: 'string', multiple: true }, format: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${KB_CLI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(KB_CLI_USAGE);
    return 0;
  }
  const [command, path, ...extra] = positionals;
  if (command !== 'import' || !path || extra.length > 0) {
    io.err(KB_CLI_USAGE);
    return 2;
  }
  const files = readSource(resolve(path), values.format);
  if (typeof files === 'string') {
    io.err(files);
    return 2;
  }

  const db = openServerDatabase(resolve(dataDirOf(values['data-dir'], env)));
  try {
    const kb = new KbService({
      writer: writerFor(db),
      kb: createKbStore(db, createRestamper(db)),
      org: createOrgStore(db),
      sync: new SyncService(createSyncStore(db)),
      now: Date.now,
    });
    const result = kb.importArticles({ operator: true }, files, values.team);
    io.out(`imported ${result.articleIds.length} article(s): ${result.created} new, ${result.updated} updated`);
    return 0;
  } catch (error) {
    if (!(error instanceof KbImportError)) throw error;
    for (const problem of error.problems) io.err(describe(problem));
    io.err(error.message);
    return 1;
  } finally {
    db.close();
  }
}
