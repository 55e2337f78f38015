import type { Settings, SettingsPatch } from '../../../shared/domain/settings';

export const SETTINGS_FIELDS = ['serverUrl', 'language', 'theme', 'sounds', 'notifications', 'fontSize'] as const satisfies readonly (keyof Settings)[];

/**
 * Only what the user changed, so that two windows saving different fields do not undo each other.
 */
export function changedSettings(current: Settings, values: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) {
    const value = typeof values[field] === 'string' ? (values[field] as string).trim() : values[field];
    if (value !== current[field]) patch[field] = value;
  }
  return patch as SettingsPatch;
}

export function isSettingsField(name: string): name is (typeof SETTINGS_FIELDS)[number] {
  return (SETTINGS_FIELDS as readonly string[]).includes(name);
}
