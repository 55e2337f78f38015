import { describe, expect, it } from 'vitest';
import { listValue, readCsv, readMarkdown } from './importFormats';

describe('readMarkdown', () => {
  it('takes the title from the front matter, else the # heading, else the file name', () => {
    expect(readMarkdown('a.md', '---\ntitle: 前置标题\n---\n# 标题\n正文').drafts[0]).toMatchObject({ title: '前置标题', body: '正文' });
    expect(readMarkdown('a.md', '# 标题 #\n\n正文').drafts[0]).toMatchObject({ title: '标题', body: '正文' });
    expect(readMarkdown('dir/退款说明.md', '只有正文').drafts[0]).toMatchObject({ title: '退款说明', body: '只有正文' });
  });

  it('reads front matter lists inline, comma-separated and as - items, and questions from a 问法 section', () => {
    const text = '---\ntags: [a, b]\nkeywords: 退款；退货\nquestions:\n  - 怎么退\n  - "能退吗"\nteams: team-x | team-y\n---\n正文一\n\n## 常见问法\n- 退款怎么申请\n1. 退钱\n\n## 注意\n\n别的内容\n';
    expect(readMarkdown('a.md', text)).toEqual({
      problems: [],
      drafts: [
        {
          source: 'a.md',
          title: 'a',
          body: '正文一\n\n## 注意\n\n别的内容',
          tags: ['a', 'b'],
          keywords: ['退款', '退货'],
          questions: ['怎么退', '能退吗', '退款怎么申请', '退钱'],
          teamIds: ['team-x', 'team-y'],
        },
      ],
    });
  });

  it('splits a file at its # headings, ignoring headings inside code fences', () => {
    const { drafts, problems } = readMarkdown('faq.md', '# 一\n\n```\n# 不是标题\n```\n\n# 二\n正文二\n');
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.title, d.body])).toEqual([
      ['一', '```\n# 不是标题\n```'],
      ['二', '正文二'],
    ]);
  });

  it('names what it cannot place: unknown front matter keys, per-article fields for many articles, stray text', () => {
    const { problems } = readMarkdown('x.md', '---\ntitle: 都叫这个\nauthor: 我\n---\n前言\n# 一\n正文\n# 二\n正文\n');
    expect(problems.map((p) => p.field ?? p.message)).toEqual(['author', 'title', 'text before the first # heading belongs to no article']);
  });
});

describe('readCsv and listValue', () => {
  it('reads columns in any order, case-insensitively, with lists split on | ; ； 、', () => {
    const { drafts, problems } = readCsv('f.csv', 'Body,TITLE,tags\n正文,标题,a|b\n');
    expect(problems).toEqual([]);
    expect(drafts).toEqual([{ source: 'f.csv', row: 2, title: '标题', body: '正文', tags: ['a', 'b'], keywords: [], questions: [] }]);
    expect(listValue('a；b、c')).toEqual(['a', 'b', 'c']);
    expect(listValue('[x, "y"]')).toEqual(['x', 'y']);
    expect(listValue('  ')).toEqual([]);
  });

  it('reports a row with more cells than columns, and a broken quote with its line', () => {
    expect(readCsv('f.csv', 'title,body\na,b,c\n').problems).toEqual([{ source: 'f.csv', row: 2, message: '3 cells but the header has 2 columns' }]);
    expect(readCsv('f.csv', 'title,body\n"a,b\n').problems).toEqual([{ source: 'f.csv', row: 2, message: 'line 2: a quoted field is never closed' }]);
    expect(readCsv('f.csv', '').problems[0]?.message).toContain('empty');
  });
});
