import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbImportFailureSchema, KbImportResponseSchema } from '../../shared/api/kb';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { F, type FixtureUser } from '../testing/fixtures';
import { bearer } from '../testing/testServer';

// POST /api/kb/import over the real HTTP API: all or nothing, problems by file and row, and the
// imported articles reach the agents who may see them through the ordinary sync pull.

let t: FixtureServer;
beforeEach(async () => {
  t = await startFixtureServer();
});
afterEach(() => t.stop());

const importAs = (user: FixtureUser, body: unknown) => t.post('/api/kb/import', body, bearer(t.tokens[user]));
const kbRows = async (user: FixtureUser) => (await t.everything(user)).rows.filter((r) => r.entity === 'kb');

const CSV = [
  'title,body,category,tags,questions',
  '如何申请退款,"在订单详情页点击""申请退款""，\n选择原因后提交。",交易与退款,退款|售后,怎么退款|退款怎么申请',
  ',这一行没有标题,交易与退款,,',
  '退款多久到账,原路退回，1至7个工作日。,交易与退款,退款,',
].join('\r\n');

describe('POST /api/kb/import (CSV)', () => {
  it('refuses the whole file when one row is bad, naming the row and the field, and imports nothing', async () => {
    const response = await importAs('leadX', { format: 'csv', files: [{ name: 'faq.csv', content: CSV }] });
    expect(response.status).toBe(400);
    const failure = KbImportFailureSchema.parse(await response.json());
    // Rows are counted as a spreadsheet shows them (header = 1), even though a quoted body above spans two lines.
    expect(failure.problems).toEqual([{ source: 'faq.csv', row: 3, field: 'title', message: expect.any(String) }]);
    expect(await kbRows('p1')).toHaveLength(2); // the fixture's kb-x and kb-public only
    expect(t.internals.domain.kb.search('退款', { scope: t.internals.domain.scopes.scopeFor(F.users.leadX)! }, 10)).toEqual([]);
  });

  it('imports every row of a good file for the caller’s teams, and again as updates, not duplicates', async () => {
    const good = CSV.split('\r\n').filter((_, i) => i !== 2).join('\r\n');
    const first = await importAs('leadX', { format: 'csv', files: [{ name: 'faq.csv', content: good }] });
    expect(first.status).toBe(200);
    const result = KbImportResponseSchema.parse(await first.json());
    expect(result).toMatchObject({ created: 2, updated: 0 });

    const refund = (await kbRows('p1')).find((r) => r.data.title === '如何申请退款');
    expect(refund?.data).toMatchObject({
      body: '在订单详情页点击"申请退款"，\n选择原因后提交。',
      category: '交易与退款',
      tags: ['退款', '售后'],
      questions: ['怎么退款', '退款怎么申请'],
      teamIds: [F.teamX],
      shopId: null,
    });
    expect((await kbRows('p2')).some((r) => r.data.title === '如何申请退款')).toBe(false);

    const again = KbImportResponseSchema.parse(await (await importAs('leadX', { format: 'csv', files: [{ name: 'faq.csv', content: good }] })).json());
    expect(again).toEqual({ ...result, created: 0, updated: 2 });
  });

  it('lists unknown columns and a missing body column before reading any row', async () => {
    const response = await importAs('admin', { format: 'csv', teamIds: [F.teamX], files: [{ name: 'x.csv', content: 'title,boddy\na,b' }] });
    const failure = KbImportFailureSchema.parse(await response.json());
    expect(failure.problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'boddy'],
      [1, 'body'],
    ]);
  });
});

const MARKDOWN = `---
category: 账号与安全
tags: [账号, 安全]
---

# 如何修改登录密码

进入 **设置 > 账号与安全 > 修改密码**，验证手机号后设置新密码。

## 常见问法

- 密码怎么改
- 想换个密码

# 账号被盗怎么办

立即修改密码，并在「登录设备管理」中退出陌生设备。
`;

describe('POST /api/kb/import (Markdown)', () => {
  it('makes one article per # heading, with the front matter as defaults, and syncs them to the agents of the team', async () => {
    const response = await importAs('admin', {
      format: 'markdown',
      teamIds: [F.teamX, F.teamA],
      files: [
        { name: 'account.md', content: MARKDOWN },
        { name: 'folder/单独一篇.md', content: '没有标题的文章正文。' },
      ],
    });
    expect(response.status).toBe(200);
    expect(KbImportResponseSchema.parse(await response.json())).toMatchObject({ created: 3 });

    const rows = await kbRows('p1');
    const password = rows.find((r) => r.data.title === '如何修改登录密码');
    expect(password?.data).toMatchObject({
      category: '账号与安全',
      tags: ['账号', '安全'],
      questions: ['密码怎么改', '想换个密码'],
      body: '进入 **设置 > 账号与安全 > 修改密码**，验证手机号后设置新密码。',
      teamIds: [F.teamA, F.teamX].sort(),
      shopId: null,
    });
    expect(rows.find((r) => r.data.title === '账号被盗怎么办')?.data.body).toBe('立即修改密码，并在「登录设备管理」中退出陌生设备。');
    expect(rows.find((r) => r.data.title === '单独一篇')?.data.category).toBe('general');
    // Shared with merchant team A: public for merchants, so shop A's agent gets it, shop B's does not.
    expect((await kbRows('mA')).some((r) => r.data.title === '账号被盗怎么办')).toBe(true);
    expect((await kbRows('mB')).some((r) => r.data.title === '账号被盗怎么办')).toBe(false);
  });

  it('is for leads and admins, on their own teams, with bad input named', async () => {
    const file = { name: 'a.md', content: '# 标题\n\n正文' };
    expect((await importAs('p1', { format: 'markdown', files: [file] })).status).toBe(403);
    const foreign = KbImportFailureSchema.parse(await (await importAs('leadX', { format: 'markdown', teamIds: [F.teamY], files: [file] })).json());
    expect(foreign.problems[0]?.message).toContain('not a member of team team-y');
    const noFormat = await importAs('leadX', { files: [file] });
    expect(noFormat.status).toBe(400);
    expect(await noFormat.text()).toContain('format');
    expect((await t.post('/api/kb/import', { format: 'markdown', files: [file] })).status).toBe(401);
  });

  it('refuses a body over the import size limit with 413', async () => {
    const huge = 'x'.repeat(6 * 1024 * 1024);
    const response = await importAs('admin', { format: 'markdown', teamIds: [F.teamX], files: [{ name: 'big.md', content: huge }] });
    expect(response.status).toBe(413);
  });
});
