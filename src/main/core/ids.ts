import { randomBytes } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562) for the rows and mutations this workstation creates: time-ordered, and
 * unique without asking the server, so an optimistic message keeps its id once the server has it.
 */
export function newClientId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
