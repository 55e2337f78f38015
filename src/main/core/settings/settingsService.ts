import { defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings';
import type { EventHub } from '../rpc/eventHub';
import type { SettingsStore } from '../ports';

/**
 * User settings: read once from the host's store, validated field by field so one bad value
 * (hand-edited file, older version) falls back to its default instead of losing the rest.
 */
export class SettingsService {
  private current: Settings;

  constructor(
    private readonly store: SettingsStore,
    private readonly hub: EventHub,
    defaultServerUrl?: string,
  ) {
    const defaults = defaultSettings(defaultServerUrl);
    const stored = store.read();
    const merged: Record<string, unknown> = { ...defaults };
    if (stored && typeof stored === 'object') {
      for (const key of Object.keys(defaults) as (keyof Settings)[]) {
        const field = SettingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
        if (field.success) merged[key] = field.data;
      }
    }
    this.current = SettingsSchema.parse(merged);
  }

  get(): Settings {
    return this.current;
  }

  set(patch: SettingsPatch): Settings {
    this.current = SettingsSchema.parse({ ...this.current, ...patch });
    this.store.write(this.current);
    this.hub.emit('settings.changed', this.current);
    return this.current;
  }
}
