import Store from 'electron-store';
import type { SettingsStore } from '../core/ports';
import type { WindowStateStore } from './windowManager';

/*
 * electron-store files in the user-data folder. clearInvalidConfig: a hand-edited or
 * half-written file resets to defaults instead of stopping the app from starting; the core
 * validates settings and fills defaults anyway.
 */

/** The core's settings, stored as one object under `settings` in settings.json. */
export function createSettingsStore(): SettingsStore {
  const store = new Store<{ settings?: object }>({ name: 'settings', clearInvalidConfig: true });
  return {
    read: () => store.get('settings') ?? null,
    write: (settings) => store.set('settings', settings),
  };
}

/** Window placement per window kind (window-state.json); keys like `bounds.chat`. */
export function createWindowStateStore(): WindowStateStore {
  const store = new Store<Record<string, unknown>>({ name: 'window-state', clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
