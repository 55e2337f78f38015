import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationsReads } from '../conversations/store';
import { openServerDatabase } from '../db/open';
import type { SqliteDatabase } from '../db/sqlite';
import { writerFor } from '../db/writer';
import type { SyncService } from '../sync/service';
import { FakeClock } from '../testing/testServer';
import { MessageAttachments } from './claims';
import { ContentStore } from './contentStore';
import { AttachmentsService, UNSENT_TTL_MS } from './service';
import { createAttachmentsStore } from './store';

const HOUR = 3_600_000;
let dir: string;
let db: SqliteDatabase;
let clock: FakeClock;
let content: ContentStore;
let service: AttachmentsService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-sweep-'));
  db = openServerDatabase(join(dir, 'db'));
  clock = new FakeClock();
  content = new ContentStore(join(dir, 'files'));
  // Reading rights are not what this test is about: sweeping uses neither.
  service = new AttachmentsService({
    writer: writerFor(db),
    store: createAttachmentsStore(db),
    content,
    conversations: {} as ConversationsReads,
    sync: {} as SyncService,
    now: clock.now,
  });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const onDisk = (sha256: string) => access(content.pathOf(sha256)).then(() => true, () => false);
const rows = () => db.prepare<[], { id: string }>('SELECT id FROM attachments ORDER BY created_at').all().map((r) => r.id);

/** A message in a conversation, for an upload to be sent with. */
function message(id: string): void {
  db.exec(`
    INSERT OR IGNORE INTO queues (id, name, kind, seq) VALUES ('q', 'Q', 'platform', 1);
    INSERT OR IGNORE INTO customers (id, name, created_at, seq) VALUES ('c', 'C', 0, 2);
    INSERT OR IGNORE INTO conversations (id, customer_id, queue_id, channel, status, created_at, seq) VALUES ('v', 'c', 'q', 'chat', 'queued', 0, 3);
    INSERT INTO messages (id, conversation_id, sender_kind, kind, body, created_at, seq) VALUES ('${id}', 'v', 'customer', 'text', '', 0, 4);
  `);
}

describe('AttachmentsService.sweep', () => {
  it('deletes uploads nobody sent within a day, and their bytes once no upload holds them', async () => {
    const bytes = Buffer.from('the same receipt text');
    const old = await service.upload({ kind: 'customer', id: 'c1' }, 'a.txt', bytes);
    clock.advance(20 * HOUR);
    const newer = await service.upload({ kind: 'customer', id: 'c2' }, 'b.txt', bytes);
    const sent = await service.upload({ kind: 'customer', id: 'c' }, 'c.txt', Buffer.from('sent with a message'));
    message('m1');
    new MessageAttachments(createAttachmentsStore(db)).bind({ stamp: () => 0 }, [{ id: sent.id, name: '', mime: '', size: 0 }], 'v', 'm1');

    clock.advance(UNSENT_TTL_MS - 20 * HOUR + 1);
    expect(await service.sweep()).toBe(1);
    expect(rows()).toEqual([newer.id, sent.id]);
    expect(await onDisk(old.sha256)).toBe(true); // the newer upload still holds the same bytes

    clock.advance(30 * HOUR);
    expect(await service.sweep()).toBe(1);
    expect(rows()).toEqual([sent.id]);
    expect(await onDisk(old.sha256)).toBe(false);
    expect(await onDisk(sent.sha256)).toBe(true);
  });

  it('never leaves a fresh upload without its bytes when it races the sweeper on the same content', async () => {
    const bytes = Buffer.from('raced content');
    await service.upload({ kind: 'customer', id: 'c1' }, 'a.txt', bytes);
    clock.advance(UNSENT_TTL_MS + 1);
    const [swept, fresh] = await Promise.all([service.sweep(), service.upload({ kind: 'customer', id: 'c2' }, 'b.txt', bytes)]);
    expect(swept).toBe(1);
    expect(rows()).toEqual([fresh.id]);
    expect(await onDisk(fresh.sha256)).toBe(true);
  });
});
