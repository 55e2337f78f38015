import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('makes RFC 9562 version 7 ids carrying the millisecond', () => {
    const at = Date.UTC(2026, 10, 23, 18, 40);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts ids made in the same millisecond in the order they were made', () => {
    for (let round = 0; round < 50; round += 1) {
      const at = Date.UTC(2026, 0, 1) + round;
      const ids = Array.from({ length: 40 }, () => uuidv7(at));
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('sorts by time across milliseconds, and stays unique when one millisecond has thousands', () => {
    const at = Date.UTC(2026, 0, 2);
    expect(uuidv7(at + 1) > uuidv7(at)).toBe(true);
    const many = Array.from({ length: 5000 }, () => uuidv7(at + 5));
    expect(new Set(many).size).toBe(5000);
    expect(many.every((id) => id.startsWith(many[0]!.slice(0, 13)))).toBe(true);
  });
});
