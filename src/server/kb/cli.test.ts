import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbSearchResponseSchema } from '../../shared/api/kb';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { F } from '../testing/fixtures';
import { bearer } from '../testing/testServer';
import { runKbCommand } from './cli';

// `seatdesk-server kb import` against the data folder of a running server (SQLite WAL lets the
// command write while the server reads): the server searches the new articles at once, and
// agents pull them like any other change.

let t: FixtureServer;
let folder: string;
let lines: { out: string[]; err: string[] };

beforeEach(async () => {
  t = await startFixtureServer();
  folder = await mkdtemp(join(tmpdir(), 'seatdesk-kb-import-'));
  lines = { out: [], err: [] };
});
afterEach(async () => {
  await t.stop();
  await rm(folder, { recursive: true, force: true });
});

const run = (...argv: string[]) =>
  runKbCommand(argv, {}, { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) });

async function search(q: string): Promise<string[]> {
  const response = await t.get(`/api/kb/search?q=${encodeURIComponent(q)}`, bearer(t.tokens.p1));
  return KbSearchResponseSchema.parse(await response.json()).hits.map((h) => h.title);
}

describe('kb import on the command line', () => {
  it('imports a folder of Markdown files, categorised by sub-folder, for the given team', async () => {
    await mkdir(join(folder, '物流'));
    await writeFile(join(folder, '物流', 'lost.md'), '# 快递丢件怎么办\n\n联系商家登记丢件，核实后补发或退款。\n');
    await writeFile(join(folder, 'coupon.md'), '---\ncategory: 优惠\n---\n# 优惠券过期\n\n过期的优惠券不能恢复。\n');
    await writeFile(join(folder, 'notes.txt'), 'not an article');

    expect(run('import', folder, '--team', F.teamX, '--data-dir', t.dataDir)).toBe(0);
    expect(lines.out).toEqual(['imported 2 article(s): 2 new, 0 updated']);
    expect(await search('丢件')).toEqual(['快递丢件怎么办']);

    const rows = (await t.everything('p1')).rows.filter((r) => r.entity === 'kb' && Array.isArray(r.data.teamIds) && r.data.teamIds.includes(F.teamX));
    expect(rows.map((r) => [r.data.title, r.data.category]).sort()).toEqual([
      [F.kb.publicAll, 'general'],
      [F.kb.x, 'general'],
      ['优惠券过期', '优惠'],
      ['快递丢件怎么办', '物流'],
    ]);
  });

  it('writes nothing and lists the problems with their rows when a CSV row is bad', async () => {
    const csv = join(folder, 'faq.csv');
    await writeFile(csv, 'title,body,teams\n好的一行,正文,team-x\n坏的一行,,team-x\n');
    expect(run('import', csv, '--data-dir', t.dataDir)).toBe(1);
    expect(lines.err[0]).toMatch(/^faq\.csv row 3 \[body\]: /);
    expect(await search('一行')).toEqual([]);
  });

  it('needs teams, a known format and an existing path', async () => {
    const md = join(folder, 'a.md');
    await writeFile(md, '# 标题\n\n正文');
    expect(run('import', md, '--data-dir', t.dataDir)).toBe(1);
    expect(lines.err[0]).toContain('no teams');
    expect(run('import', join(folder, 'missing.md'), '--team', F.teamX, '--data-dir', t.dataDir)).toBe(2);
    expect(run('import', md, '--team', F.teamX, '--format', 'xml', '--data-dir', t.dataDir)).toBe(2);
    expect(run('export', md)).toBe(2);
  });
});
