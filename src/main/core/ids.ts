import { uuidv7 } from '../../shared/ids';

/**
 * A UUIDv7 (RFC 9562) for the rows and mutations this workstation creates: time-ordered (in order
 * within one millisecond too), and unique without asking the server, so an optimistic message
 * keeps its id once the server has it.
 */
export function newClientId(now: number = Date.now()): string {
  return uuidv7(now);
}
