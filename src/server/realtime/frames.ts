import type { RawData } from 'ws';

/*
 * Incoming frames from workstations. The client → server message set is not defined yet
 * (mutations will arrive here later), so for now a frame is only checked to be JSON text.
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

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}
