import { z } from 'zod';
import { WINDOW_KINDS } from '../../../shared/windows';
import type { CoreOptions } from '../ports';

/*
 * The messages between a host (the parent) and the core running in its own process (the child).
 * Window RPC frames cross unchanged as text; the parent only adds which window they belong to.
 * Either side checks every message it gets against these schemas and drops what does not fit,
 * so a garbled or hostile message never throws in either process.
 */

/** A duplex message port: Node's fork IPC channel, Electron's utility process and parentPort. */
export interface CorePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

/** What the core process needs besides the stores: the rest of CoreOptions, all plain data. */
export type CoreProcessOptions = Omit<CoreOptions, 'settings' | 'secrets'>;

const WindowId = z.string().min(1).max(100);
const SecretKey = z.string().min(1).max(100);

const CoreProcessOptionsSchema = z.object({
  dataDir: z.string().min(1),
  shell: z.enum(['electron', 'browser']),
  cacheKeyCustody: z.enum(['keychain', 'file']),
  embeddedServerUrl: z.string().nullable(),
  defaultServerUrl: z.string(),
  version: z.string(),
}) satisfies z.ZodType<CoreProcessOptions>;

export const ToCoreSchema = z.discriminatedUnion('t', [
  /** first message: options and the stores' contents, which the child then reads synchronously */
  z.object({
    t: z.literal('init'),
    options: CoreProcessOptionsSchema,
    settings: z.unknown(),
    secrets: z.record(SecretKey, z.string()),
  }),
  z.object({ t: z.literal('connect'), w: WindowId, kind: z.enum(WINDOW_KINDS) }),
  z.object({ t: z.literal('frame'), w: WindowId, text: z.string() }),
  z.object({ t: z.literal('disconnect'), w: WindowId }),
  /** close the core (flush, close SQLite) and answer `closed` */
  z.object({ t: z.literal('close') }),
]);
export type ToCore = z.infer<typeof ToCoreSchema>;

export const FromCoreSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready') }),
  z.object({ t: z.literal('frame'), w: WindowId, text: z.string() }),
  /** a settings write, for the parent to persist */
  z.object({ t: z.literal('settings'), value: z.record(z.string(), z.unknown()) }),
  /** a secret write (null deletes), for the parent to persist */
  z.object({ t: z.literal('secret'), key: SecretKey, value: z.string().nullable() }),
  z.object({ t: z.literal('closed') }),
]);
export type FromCore = z.infer<typeof FromCoreSchema>;
