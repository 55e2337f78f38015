import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreOptions, SecretStore, SettingsStore } from '../../src/main/core/ports';

/** Stores that live in memory, for cores created inside a test process. */
export function memorySettingsStore(initial: unknown = {}): SettingsStore & { saved: unknown } {
  const store = {
    saved: initial,
    read: () => store.saved,
    write: (settings: object) => {
      store.saved = structuredClone(settings);
    },
  };
  return store;
}

export function memorySecretStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void (value === null ? values.delete(key) : values.set(key, value)),
  };
}

/** Core options for a test; without a dataDir each core gets a fresh temp folder for its caches. */
export function testCoreOptions(overrides: Partial<CoreOptions> = {}): CoreOptions {
  return {
    dataDir: overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'seatdesk-core-')),
    settings: memorySettingsStore(),
    secrets: memorySecretStore(),
    shell: 'browser',
    cacheKeyCustody: 'file',
    embeddedServerUrl: null,
    defaultServerUrl: 'http://127.0.0.1:4700',
    version: '0.0.0-test',
    ...overrides,
  };
}
