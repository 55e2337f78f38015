/*
 * UUIDv7 (RFC 9562): 48 bits of epoch milliseconds, the version, 12 bits of rand_a, the variant
 * and 62 random bits. Ids made in the same millisecond by one process count up in rand_a (the
 * RFC's "fixed-length dedicated counter", seeded at random below its middle), so rows that tie on
 * their time — three replies queued offline and sent together — sort in the order they were made.
 * Ids of different milliseconds sort by time, as before. Platform-neutral (Web Crypto), for the
 * server and the workstation alike.
 */

let lastMs = -1;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  if (now === lastMs && counter < 0xfff) counter += 1;
  else {
    lastMs = now;
    // room for 2,048 more ids in this millisecond before the counter would wrap
    counter = ((bytes[6]! & 0x07) << 8) | bytes[7]!;
  }
  let ms = now;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
