import type Database from 'better-sqlite3';

/** Small key/value state of one cache file: the sync cursor, when it last caught up, this install's client id. */
export class SyncStateStore {
  private readonly read;
  private readonly write;

  constructor(db: Database.Database) {
    this.read = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.write = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | null {
    return this.read.get(key)?.value ?? null;
  }

  set(key: string, value: string | number): void {
    this.write.run(key, String(value));
  }

  /** The seq the cache is complete up to; it moves only inside the transaction that applied the rows. */
  cursor(): number {
    return Number(this.get('cursor') ?? 0);
  }

  setCursor(cursor: number): void {
    this.set('cursor', cursor);
  }
}
