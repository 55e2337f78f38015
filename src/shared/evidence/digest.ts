import { sha256 } from './sha256';

/*
 * Hex SHA-256 and base64 for bundles. atob/btoa exist in Node 20 and in every browser, so
 * src/shared needs no node:* module.
 */

const utf8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Lower-case hex SHA-256 of a string's UTF-8 bytes, or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  const hash = sha256(typeof data === 'string' ? utf8.encode(data) : data);
  let hex = '';
  for (const byte of hash) hex += HEX[byte];
  return hex;
}

/** Chunked so a 10 MB attachment does not overflow String.fromCharCode's argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 string; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
