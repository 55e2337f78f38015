import { uuidv7 } from '../shared/ids';

/**
 * A UUIDv7 (RFC 9562): time-ordered, so ids made on the server sort by creation (in order within
 * one millisecond too), and unique without coordination with clients.
 */
export function newId(now: number = Date.now()): string {
  return uuidv7(now);
}
