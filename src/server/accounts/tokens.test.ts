import { describe, expect, it } from 'vitest';
import { bearerToken, hashSessionToken, newSessionToken } from './tokens';

describe('session tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
  });

  it('are stored as a SHA-256 hex digest, not as themselves', () => {
    const token = newSessionToken();
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, scheme case-insensitive', () => {
    expect(bearerToken('Bearer abc_DEF-123')).toBe('abc_DEF-123');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('returns null for missing, other-scheme, empty, spaced or oversized values', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Basic dXNlcjpwdw==')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(`Bearer ${'a'.repeat(300)}`)).toBeNull();
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeNull();
  });
});
