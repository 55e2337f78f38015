import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import { conversationEntry } from '../../../shared/evidence/testing';
import { RowWriter } from '../cache/rowWriter';
import { useTempCache } from '../cache/tempCache';
import { EventHub } from '../rpc/eventHub';
import type { LooseReviewSetPage, ReviewSetApi } from './reviewSetApi';
import { OfflineSets } from './offlineSets';

// Deleting offline sets over a real cache file; the server's pages are the one faked port (the
// integration test coreReview.test.ts downloads from the real server).

const T = Date.UTC(2026, 10, 23);
const FILTER = { queueId: 'q-1', from: T - 86_400_000, to: T };
const cache = useTempCache('seatdesk-offline-sets-');

const conversationRow: SyncRow = { entity: 'conversations', id: 'c-1', seq: 7, deleted: false, data: { ...conversationEntry.conversation, id: 'c-1', queueId: 'q-1' } };
const onePage: LooseReviewSetPage = { rows: [conversationRow], conversationIds: ['c-1'], next: null, total: { conversations: 1, rows: 1 } };

function setsWith(api: ReviewSetApi) {
  return new OfflineSets({ db: cache.db, writer: new RowWriter(cache.db), hub: new EventHub(), api, now: () => T });
}

describe('deleting an offline set', () => {
  it('takes the set and its work list off, and keeps the cached rows', async () => {
    const sets = setsWith(async () => onePage);
    const set = await sets.prepare({ name: 'Q day', filter: FILTER });
    sets.delete(set.id);
    expect(sets.list()).toEqual([]);
    expect(() => sets.get(set.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(cache.db.prepare('SELECT count(*) AS n FROM offline_set_conversations').get()).toEqual({ n: 0 });
    expect(cache.db.prepare('SELECT id FROM conversations').all()).toEqual([{ id: 'c-1' }]);
    expect(() => sets.delete(set.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses while the set downloads, and deletes it once the download ended', async () => {
    let deliver!: (page: LooseReviewSetPage) => void;
    const sets = setsWith(() => new Promise((resolve) => (deliver = resolve)));
    const download = sets.prepare({ name: 'Q day', filter: FILTER });
    const [preparing] = sets.list();
    expect(preparing?.state).toBe('preparing');
    expect(() => sets.delete(preparing!.id)).toThrow(expect.objectContaining({ code: 'conflict' }));
    deliver(onePage);
    expect((await download).state).toBe('ready');
    sets.delete(preparing!.id);
    expect(sets.list()).toEqual([]);
  });

  it('deletes a set a crash left half downloaded', () => {
    void setsWith(() => new Promise(() => undefined)).prepare({ name: 'cut off', filter: FILTER });
    const afterRestart = setsWith(async () => onePage);
    const [cutOff] = afterRestart.list();
    expect(cutOff?.state).toBe('preparing');
    afterRestart.delete(cutOff!.id);
    expect(afterRestart.list()).toEqual([]);
  });
});
