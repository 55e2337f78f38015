import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsMatch, indexTokens } from '../../src/shared/text';

// The search tokens of src/shared/text against a real SQLite FTS5 table with the stock unicode61
// tokenizer: what the core's and the server's search will run.

const MESSAGES = [
  '我要申请退款，商品和描述不符。',
  '退款申请已经提交三天了，还没有到账。',
  '请帮我查一下退款进度',
  '申请退款后多久能到账？',
  '忘记密码了，怎么找回？',
  '我的登录密码一直提示错误',
  '收到的衣服尺码偏小，想换货',
  '快递显示已签收但我没收到',
  '订单DD20250101123456什么时候发货？',
  'The refund has not arrived yet',
  'I want a refund for order DD20250101123456',
  'Refunds usually take 3-5 business days',
  'How do I reset my password?',
  '优惠券无法使用，提示已过期',
  '账号被封了，我要申诉',
  '我要退货，质量太差了',
  '商品有划痕，可以退吗？',
  '客服一直不回复',
  '请问可以开发票吗',
  '运费险怎么理赔？',
  'VIP会员有什么权益',
  'iPhone15的屏幕有坏点',
  '我想修改收货地址',
  '包裹在派送中，请耐心等待',
  '这个是正品吗，会不会是假货',
  '退款退款退款，我要退款',
  '积分可以抵扣现金吗',
  '订单号 20250101123456 的物流停了三天',
  '您好，退一步说，这个问题也要解决',
  'Mixed 中文 and English 退款 refund 测试',
];

let db: Database.Database;

function search(query: string): number[] {
  const match = ftsMatch(query);
  if (match === null) return [];
  const rows = db.prepare('SELECT rowid AS id FROM messages WHERE messages MATCH ? ORDER BY rank').all(match) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
/** Rows whose original text contains `needle`: what a CJK query must return, no more, no less. */
const containing = (needle: string) => MESSAGES.flatMap((text, i) => (text.includes(needle) ? [i + 1] : []));

beforeAll(() => {
  db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE messages USING fts5(body, tokenize='unicode61')");
  const insert = db.prepare('INSERT INTO messages(rowid, body) VALUES (?, ?)');
  MESSAGES.forEach((text, i) => insert.run(i + 1, indexTokens(text)));
});

afterAll(() => db.close());

describe('FTS5 + unicode61 with indexTokens / ftsMatch', () => {
  it('finds every message containing a 1-, 2-, 3- or 4-character Chinese query, and only those', () => {
    const queries = ['退', '密', '货', '退款', '密码', '到账', '款申', '签收', '假货', '申请退款', '退款申请', '忘记密码', '正品吗', '退款进度', '修改收货', '我要退款'];
    for (const query of queries) {
      expect(containing(query).length, query).toBeGreaterThan(0);
      expect(sorted(search(query)), query).toEqual(containing(query));
    }
  });

  it('finds nothing for a Chinese query that is no substring', () => {
    expect(search('退款到账')).toEqual([]);
    expect(search('密码错了')).toEqual([]);
  });

  it('matches English words case-insensitively and by prefix', () => {
    expect(sorted(search('refund'))).toEqual([10, 11, 12, 30]);
    expect(sorted(search('REFUND'))).toEqual([10, 11, 12, 30]);
    expect(sorted(search('Refunds'))).toEqual([12]);
    expect(sorted(search('pass'))).toEqual([13]);
    expect(sorted(search('ｒｅｆｕｎｄ'))).toEqual([10, 11, 12, 30]);
  });

  it('finds order ids by the full id, a prefix of it, or its digits', () => {
    expect(sorted(search('DD20250101123456'))).toEqual([9, 11]);
    expect(sorted(search('dd2025'))).toEqual([9, 11]);
    expect(sorted(search('20250101123456'))).toEqual([9, 11, 28]);
    expect(sorted(search('iPhone15'))).toEqual([22]);
    expect(sorted(search('iphone 15'))).toEqual([22]);
  });

  it('ANDs the parts of mixed queries', () => {
    expect(search('退款 refund')).toEqual([30]);
    expect(sorted(search('VIP会员'))).toEqual([21]);
    expect(sorted(search('订单 DD2025'))).toEqual([9]);
  });

  it('ranks the message that is most about the query first', () => {
    expect(search('退款')[0]).toBe(26);
    expect(search('refund DD20250101123456')[0]).toBe(11);
  });

  it('never throws on hostile input and returns null when nothing is searchable', () => {
    const none = ['"', '*', ')', '^', '', '   ', '\t\n', '😀', '🙏🏻👍', '，。！？', '"*^()', '-', ':'];
    for (const input of none) expect(ftsMatch(input), JSON.stringify(input)).toBeNull();
    const hostile = ['NEAR(', 'NEAR(退款 密码, 2)', 'OR', 'AND', 'NOT 退款', 'body:x', 'body:退款', '{body}:refund', '"退款', '退款"', 'refund*', '^refund', 'a OR b', '(退款', 'x" OR "y', "'; DROP TABLE messages; --", '退款 😀 refund'];
    for (const input of hostile) expect(() => search(input), input).not.toThrow();
    expect(search('NOT 退款')).toEqual([]); // "not" AND 退款: no row has both
    expect(sorted(search('body:退款'))).toEqual([]); // "body" AND 退款
    expect(sorted(search('"退款'))).toEqual(containing('退款'));
    expect(sorted(search('refund*'))).toEqual([10, 11, 12, 30]);
  });

  it('property: any 1–4 character substring of a random Chinese text finds exactly the texts containing it', () => {
    const alphabet = Array.from('退款申请密码忘记订单发货快递客服投诉');
    const text = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 30 });
    const scratch = new Database(':memory:');
    scratch.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')");
    const clear = scratch.prepare('DELETE FROM t');
    const insert = scratch.prepare('INSERT INTO t(rowid, body) VALUES (?, ?)');
    const query = scratch.prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid');
    try {
      fc.assert(
        fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 4 }), fc.nat(), (texts, pick, length, offset) => {
          clear.run();
          texts.forEach((t, i) => insert.run(i + 1, indexTokens(t)));
          const source = Array.from(texts[pick % texts.length]!);
          const size = Math.min(length, source.length);
          const from = offset % (source.length - size + 1);
          const needle = source.slice(from, from + size).join('');
          const match = ftsMatch(needle);
          expect(match).not.toBeNull();
          const found = (query.all(match) as Array<{ id: number }>).map((row) => row.id);
          expect(found).toEqual(texts.flatMap((t, i) => (t.includes(needle) ? [i + 1] : [])));
        }),
        { numRuns: 300 },
      );
    } finally {
      scratch.close();
    }
  });

  it('property: a substring of mixed Chinese/English text with punctuation is found unless it starts inside a Latin word', () => {
    const piece = fc.constantFrom('退款', '申请', '密码', '订单', 'Refund', 'order', '123', '，', '。', ' ', '!', '😀', '"', '*');
    const scratch = new Database(':memory:');
    scratch.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')");
    const clear = scratch.prepare('DELETE FROM t');
    const insert = scratch.prepare('INSERT INTO t(rowid, body) VALUES (1, ?)');
    const query = scratch.prepare('SELECT rowid FROM t WHERE t MATCH ?');
    try {
      fc.assert(
        fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (pieces, a, b) => {
          const text = pieces.join('');
          const chars = Array.from(text);
          const from = a % chars.length;
          const to = from + 1 + (b % Math.min(6, chars.length - from));
          // Latin words match by prefix, so a needle may end inside a word but not start inside one.
          fc.pre(from === 0 || !/[a-z0-9]/i.test(chars[from - 1]!) || !/[a-z0-9]/i.test(chars[from]!));
          const needle = chars.slice(from, to).join('');
          const match = ftsMatch(needle);
          clear.run();
          insert.run(indexTokens(text));
          // Recall only: punctuation inside the needle splits it into runs that are ANDed.
          if (match !== null) expect(query.all(match)).toHaveLength(1);
        }),
        { numRuns: 300 },
      );
    } finally {
      scratch.close();
    }
  });
});
