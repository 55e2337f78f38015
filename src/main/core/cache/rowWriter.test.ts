import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import type { Message } from '../../../shared/domain/conversations';
import { ftsMatch } from '../../../shared/text';
import { ChangeSet } from './changeSet';
import { migrate } from './migrations';
import { RowWriter } from './rowWriter';

let db: Database.Database;
let writer: RowWriter;

const message = (id: string, body: string): Message => ({
  id, conversationId: 'c1', senderKind: 'customer', senderId: null, kind: 'text', body, event: null, articleId: null, createdAt: 1,
});
const row = (seq: number, body: string, deleted = false): SyncRow => ({ entity: 'messages', id: 'm1', seq, deleted, data: message('m1', body) });
const stored = () => db.prepare("SELECT seq, deleted, delivery, json_extract(data, '$.body') AS body FROM messages WHERE id = 'm1'").get();
const found = (query: string) => db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all(ftsMatch(query)).length;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  writer = new RowWriter(db);
});

describe('RowWriter', () => {
  it('applies a row only when its seq is newer, so replays and reordering change nothing', () => {
    expect(writer.apply([row(5, 'new')], new ChangeSet())).toBe(1);
    expect(writer.apply([row(3, 'old'), row(5, 'new again')], new ChangeSet())).toBe(0);
    expect(stored()).toEqual({ seq: 5, deleted: 0, delivery: 'sent', body: 'new' });
  });

  it("replaces the user's pending row with the server's and keeps it searchable once", () => {
    writer.writeMessage(message('m1', '退款申请'), { seq: 0, deleted: false, delivery: 'pending' }, new ChangeSet());
    expect(stored()).toMatchObject({ seq: 0, delivery: 'pending' });
    writer.apply([row(9, '退款申请')], new ChangeSet());
    expect(stored()).toMatchObject({ seq: 9, delivery: 'sent' });
    expect(found('退款')).toBe(1);
  });

  it('drops a tombstoned message from the search index and reports each change once per batch', () => {
    writer.apply([row(1, 'refund please')], new ChangeSet());
    expect(found('refund')).toBe(1);
    const changes = new ChangeSet();
    writer.apply([row(2, 'refund please', true)], changes);
    expect(found('refund')).toBe(0);
    expect(changes.empty).toBe(false);
  });

  it('applies a page of new messages with a stale copy and a tombstone of two of them in the same batch', () => {
    const page: SyncRow[] = Array.from({ length: 120 }, (_, i) => ({
      entity: 'messages', id: `p${i}`, seq: 10 + i, deleted: i === 7, data: { ...message(`p${i}`, `退款 ${i}`), kind: i === 8 ? 'event' : 'text' },
    }));
    const older = { ...page[3]!, seq: 5, data: message('p3', 'stale') };
    const tombstone = { ...page[4]!, seq: 500, deleted: true };
    const changes = new ChangeSet();
    expect(writer.apply([...page, older, tombstone], changes)).toBe(121);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 120 });
    // every text message is searchable once; the tombstones and the event line are not
    expect(found('退款')).toBe(117);
    const body = (id: string) => db.prepare("SELECT seq, json_extract(data, '$.body') AS body FROM messages WHERE id = ?").get(id);
    expect(body('p3')).toEqual({ seq: 13, body: '退款 3' });
    expect(body('p4')).toEqual({ seq: 500, body: '退款 4' });
    expect(body('p119')).toEqual({ seq: 129, body: '退款 119' });
    expect(changes.empty).toBe(false);
  });

  it('indexes KB articles and customers for search, not queues', () => {
    const kb = { entity: 'kb', id: 'a1', seq: 1, deleted: false, data: { title: '退货流程', keywords: [], questions: [], body: '七天无理由' } } as SyncRow;
    const queue = { entity: 'queues', id: 'q1', seq: 2, deleted: false, data: { name: '退货' } } as SyncRow;
    writer.apply([kb, queue], new ChangeSet());
    expect(db.prepare('SELECT count(*) AS n FROM entities_fts WHERE entities_fts MATCH ?').get(ftsMatch('退货'))).toEqual({ n: 1 });
  });
});
