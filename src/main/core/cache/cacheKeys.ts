import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../ports';

/** The secret that holds every cache file's key: the shell keeps it with safeStorage (or a 0600 file in browser mode). */
export const CACHE_KEYS_SECRET = 'cacheKeys';

export const CACHE_KEY_BYTES = 32;

// file name → key as 64 hex digits. An entry that is not one is ignored, as if that key were lost;
// the others stay readable (one bad entry must not make every cache unreadable).
const KeysSchema = z.record(z.string(), z.unknown());
const KeyHexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The keys of the encrypted cache files, one random key per file, by file name (the name is
 * already a hash of server + account). They live in the core's SecretStore, so they cross to the
 * shell the way the session token does: in the core process's init message and its `secret`
 * writes, never on a command line, in the environment or beside the cache in clear.
 */
export class CacheKeys {
  constructor(private readonly secrets: SecretStore) {}

  /** The key of this cache file, or null when none is kept (a new cache, or the keychain lost it). */
  get(file: string): Buffer | null {
    const hex = this.read()[basename(file)];
    return hex ? Buffer.from(hex, 'hex') : null;
  }

  /** A fresh random key for this file, stored before the caller uses it. */
  create(file: string): Buffer {
    const key = randomBytes(CACHE_KEY_BYTES);
    this.write({ ...this.read(), [basename(file)]: key.toString('hex') });
    return key;
  }

  /** The cache file was renamed (moved aside): its key follows it, so the old file stays readable. */
  move(from: string, to: string): void {
    const { [basename(from)]: hex, ...rest } = this.read();
    if (hex) this.write({ ...rest, [basename(to)]: hex });
  }

  private read(): Record<string, string> {
    const stored = this.secrets.get(CACHE_KEYS_SECRET);
    if (!stored) return {};
    let entries: Record<string, unknown>;
    try {
      entries = KeysSchema.parse(JSON.parse(stored));
    } catch {
      return {};
    }
    return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => KeyHexSchema.safeParse(entry[1]).success));
  }

  private write(keys: Record<string, string>): void {
    this.secrets.set(CACHE_KEYS_SECRET, JSON.stringify(keys));
  }
}
