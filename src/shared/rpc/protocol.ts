import { z } from 'zod';
import type { RpcResult } from './errors';

/**
 * The wire protocol every transport carries (JSON text frames).
 * Window → core: call, cancel, sub, unsub. Core → window: res, evt.
 */
export const MAX_FRAME_CHARS = 1_000_000;

const CallId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Name = z.string().min(1).max(100);

export const ClientFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: CallId, m: Name, a: z.unknown().optional() }),
  z.object({ t: z.literal('cancel'), id: CallId }),
  z.object({ t: z.literal('sub'), e: Name }),
  z.object({ t: z.literal('unsub'), e: Name }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export type ServerFrame =
  | { t: 'res'; id: number; r: RpcResult<unknown> }
  | { t: 'evt'; e: string; p: unknown };

/**
 * A transport as the client sees it: it moves JSON text both ways and says when the link (re)opens.
 * Frames are text so that size limits are checked on the exact bytes that cross.
 */
export interface ClientTransport {
  send(text: string): void;
  /** Registers the single receiver of core → window frames. */
  onFrame(receiver: (text: string) => void): void;
  /** Registers link-state callbacks: `up` after every (re)connect, `down` when the link drops. */
  onLink(listener: (up: boolean) => void): void;
}
