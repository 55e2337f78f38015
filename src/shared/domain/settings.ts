import { z } from 'zod';
import { ServerUrlSchema } from './session';

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsSchema = z.object({
  serverUrl: ServerUrlSchema,
  language: LanguageSchema,
  theme: z.enum(['light', 'dark', 'system']),
  sounds: z.boolean(),
  notifications: z.boolean(),
  fontSize: z.number().int().min(12).max(20),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4700';

export function defaultSettings(serverUrl = DEFAULT_SERVER_URL): Settings {
  return { serverUrl, language: 'zh-CN', theme: 'light', sounds: true, notifications: true, fontSize: 14 };
}
