import { z } from 'zod';
import { event, method, PUBLIC } from './define';
import { LoginArgsSchema, type SessionInfo } from '../domain/session';
import { SettingsPatchSchema, type Settings } from '../domain/settings';
import type { SyncStatus } from '../domain/sync';

const none = z.object({}).strict().optional();

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'browser';
  /** the embedded demo server this launch started, if any */
  embeddedServerUrl: string | null;
}

/**
 * The one RPC contract between windows and the core. Add a method here, give the core a handler
 * and call it: there is no glue per method. Names are `feature.verb`.
 */
export const methods = {
  'app.info': method(none, PUBLIC).returns<AppInfo>(),
  'session.get': method(none, PUBLIC).returns<SessionInfo | null>(),
  'session.login': method(LoginArgsSchema, PUBLIC).returns<SessionInfo>(),
  'session.logout': method(none).returns<null>(),
  'settings.get': method(none, PUBLIC).returns<Settings>(),
  'settings.set': method(SettingsPatchSchema, PUBLIC).returns<Settings>(),
  'sync.status': method(none, PUBLIC).returns<SyncStatus>(),
} as const;

/** Events pushed from the core to every subscribed window. Names are `feature.changed`. */
export const events = {
  'session.changed': event<SessionInfo | null>(),
  'settings.changed': event<Settings>(),
  'sync.changed': event<SyncStatus>(),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Events = typeof events;
export type EventName = keyof Events;
