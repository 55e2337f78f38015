import type { FastifyBaseLogger } from 'fastify';
import type { RawData } from 'ws';

/*
 * Incoming frames from workstations: JSON text objects with a `t` naming their type. Each type
 * has a handler registered by its feature (mutations registers 'mutate'); unknown types are
 * ignored so older servers tolerate newer clients.
 */

export type FrameVerdict =
  | { kind: 'message'; value: unknown }
  /** not JSON: ignored, but counted, so a broken or hostile client is eventually dropped */
  | { kind: 'malformed' }
  /** binary frames are not part of the protocol at all */
  | { kind: 'binary' };

export function readFrame(data: RawData, isBinary: boolean): FrameVerdict {
  if (isBinary) return { kind: 'binary' };
  try {
    return { kind: 'message', value: JSON.parse(toText(data)) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}

/** The frame's type, when it is an object with a string `t`. */
export function frameType(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const t = (value as { t?: unknown }).t;
  return typeof t === 'string' ? t : null;
}

/** What a frame handler may do: answer on the socket it came from. */
export interface FrameContext {
  userId: string;
  send(frame: object): void;
  log: FastifyBaseLogger;
}

export type FrameHandler = (ctx: FrameContext, frame: unknown) => void;

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}
