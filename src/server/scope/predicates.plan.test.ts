import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncedEntity } from '../../shared/api/sync';
import { openServerDatabase } from '../db/open';
import type { SqliteDatabase } from '../db/sqlite';
import { ENTITY_SOURCES } from '../sync/sources';
import { visibleFilter } from './predicates';
import { scopeFor, type Scope } from './scope';

/*
 * How SQLite runs the visibility conditions over one commit's rows (what push reads for every
 * connected user on every commit). A lead sees whole queues: if the plan first lists every
 * conversation that passed through their queues, each push costs a read of the queues' history,
 * which is what made a customer's message take 300 ms at 1M messages.
 */

const CONVERSATION_BOUND: SyncedEntity[] = ['conversations', 'messages', 'qc_flags', 'customers', 'orders'];
let dir: string;
let db: SqliteDatabase;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seatdesk-plan-'));
  db = openServerDatabase(join(dir, 'db'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plan's steps for "rows of `entity` in a short seq range that `scope` sees". */
function planOfRange(entity: SyncedEntity, scope: Scope): string[] {
  const { table } = ENTITY_SOURCES[entity];
  const filter = visibleFilter(entity, scope);
  const sql = `EXPLAIN QUERY PLAN SELECT t.id FROM ${table} t WHERE t.seq > @after AND t.seq <= @upto AND (${filter.sql})`;
  return db
    .prepare<[Record<string, unknown>], { detail: string }>(sql)
    .all({ ...filter.params, after: 10, upto: 11 })
    .map((step) => step.detail);
}

const platformLead = scopeFor({ id: 'lead', role: 'lead', teamKind: 'platform', shopId: null }, ['team']);
const merchantLead = scopeFor({ id: 'lead', role: 'lead', teamKind: 'merchant', shopId: 'shop' }, ['team']);

describe.each([
  ['a platform lead', platformLead],
  ['a merchant lead', merchantLead],
])('%s', (_name, scope) => {
  it.each(CONVERSATION_BOUND)('checks %s rows one by one instead of listing their queues’ conversations first', (entity) => {
    const steps = planOfRange(entity, scope);
    expect(steps.some((step) => /seq>\? AND seq<\?/.test(step))).toBe(true);
    // Queue visits are only ever looked up by conversation, never read per queue.
    expect(steps.filter((step) => step.includes('conversation_queues_by_queue'))).toEqual([]);
    expect(steps.filter((step) => /conversation_queues/.test(step) && !/conversation_id=\?/.test(step))).toEqual([]);
  });
});

it('an agent’s own chats stay a list, which their pull starts from', () => {
  const agent = scopeFor({ id: 'agent', role: 'agent', teamKind: 'platform', shopId: null }, ['team']);
  expect(planOfRange('messages', agent).some((step) => step.includes('conversation_participants_by_user (user_id=?)'))).toBe(true);
});
