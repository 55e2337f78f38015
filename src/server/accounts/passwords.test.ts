import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('round-trips: the right password verifies against its hash', async () => {
    const stored = await hashPassword('seatdesk');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('seatdesk', stored)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const stored = await hashPassword('seatdesk');
    expect(await verifyPassword('seatdesK', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats composed and decomposed Chinese/accents alike (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9密码');
    expect(await verifyPassword('cafe\u0301密码', stored)).toBe(true);
  });

  it('returns false, never throws, on malformed or hostile stored hashes', async () => {
    for (const bad of ['', 'plain', 'scrypt$16384$8$1$$', 'bcrypt$1$2$3$4$5', 'scrypt$3$8$1$c2FsdA==$aGFzaA==', 'scrypt$1073741824$8$1$c2FsdA==$aGFzaA==']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });
});
