import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../accounts/service';
import { createAccountsStore, type AccountsStore } from '../accounts/store';
import { applyMigrations } from '../db/migrations';
import { openSqlite, type SqliteDatabase } from '../db/sqlite';
import { FakeClock } from '../testing/testServer';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './seed';

let db: SqliteDatabase;
let store: AccountsStore;
let accounts: AccountsService;
beforeEach(() => {
  db = openSqlite(':memory:');
  applyMigrations(db);
  store = createAccountsStore(db);
  accounts = new AccountsService({ store, now: new FakeClock().now });
});
afterEach(() => {
  db.close();
});

describe('seedDemoAccounts', () => {
  it('creates agent, lead and shop with the demo password on an empty database', async () => {
    const created = await seedDemoAccounts(accounts, store);
    expect(created.map(({ username, displayName, role, teamKind }) => ({ username, displayName, role, teamKind }))).toEqual([
      { username: 'agent', displayName: '李小满', role: 'agent', teamKind: 'platform' },
      { username: 'lead', displayName: '王组长', role: 'lead', teamKind: 'platform' },
      { username: 'shop', displayName: '小铺客服', role: 'agent', teamKind: 'merchant' },
    ]);
    for (const { username } of DEMO_ACCOUNTS) {
      expect((await accounts.login(username, DEMO_PASSWORD)).ok).toBe(true);
    }
  });

  it('does nothing when any user exists, so a real centre never gets demo passwords', async () => {
    await accounts.createAccounts([{ username: 'boss', displayName: 'Boss', role: 'admin', teamKind: 'platform', password: 'pw' }]);
    expect(await seedDemoAccounts(accounts, store)).toEqual([]);
    expect(store.countUsers()).toBe(1);
  });

  it('is idempotent', async () => {
    await seedDemoAccounts(accounts, store);
    expect(await seedDemoAccounts(accounts, store)).toEqual([]);
    expect(store.countUsers()).toBe(DEMO_ACCOUNTS.length);
  });
});
