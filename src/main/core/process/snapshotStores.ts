import type { SecretStore, SettingsStore } from '../ports';

/*
 * The core reads its stores synchronously. In the core process they are snapshots the parent
 * sent at start: reads answer from the snapshot, and every write updates it and goes to the
 * parent, which persists it in the real store (electron-store / safeStorage, or files).
 */

export function snapshotSettingsStore(initial: unknown, persist: (settings: object) => void): SettingsStore {
  let saved = initial;
  return {
    read: () => saved,
    write(settings) {
      saved = structuredClone(settings);
      persist(settings);
    },
  };
}

export function snapshotSecretStore(initial: Record<string, string>, persist: (key: string, value: string | null) => void): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set(key, value) {
      if (value === null) values.delete(key);
      else values.set(key, value);
      persist(key, value);
    },
  };
}
