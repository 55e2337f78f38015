import { describe, expect, it } from 'vitest';
import { mergeRows } from './namedRows';

type Row = { id: string; name: string; n: number };
const row = (id: string, name: string, n = 0): Row => ({ id, name, n });
const id = (r: Row) => r.id;
// 李 (lǐ) < 王 (wáng) < 张 (zhāng) in pinyin order
const rows = [row('a', '李四'), row('b', '王五'), row('c', '张三')];

describe('mergeRows', () => {
  it('replaces a changed row in place and keeps every other row object', () => {
    const next = mergeRows(rows, [row('b', '王五', 7)], [], id);
    expect(next.map((r) => [r.id, r.n])).toEqual([['a', 0], ['b', 7], ['c', 0]]);
    expect(next[0]).toBe(rows[0]);
    expect(next[2]).toBe(rows[2]);
    expect(rows[1]!.n).toBe(0);
  });

  it('returns the same rows when a delta leaves them alone', () => {
    expect(mergeRows(rows, [], [], id)).toBe(rows);
  });

  it('puts new and renamed rows in pinyin order and drops removed ones', () => {
    const next = mergeRows(rows, [row('d', '刘一'), row('c', '陈二')], ['b'], id);
    expect(next.map((r) => r.name)).toEqual(['陈二', '李四', '刘一']);
    expect(next[1]).toBe(rows[0]);
  });

  it('orders rows of the same name by id', () => {
    expect(mergeRows([row('y', '李四')], [row('x', '李四')], [], id).map((r) => r.id)).toEqual(['x', 'y']);
  });
});
