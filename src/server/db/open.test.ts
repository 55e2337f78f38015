import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerDatabase } from './open';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the server database as opened', () => {
  it('syncs the WAL on every commit, so an acknowledged write survives a power cut', () => {
    dir = mkdtempSync(join(tmpdir(), 'seatdesk-open-'));
    const db = openServerDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL (NORMAL, 1, may lose the last commits of a power cut).
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
