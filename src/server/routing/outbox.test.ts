import { describe, expect, it } from 'vitest';
import { createOutbox } from './outbox';

describe('createOutbox', () => {
  it('delivers in order, including what listeners raise while it delivers', () => {
    const outbox = createOutbox();
    const seen: string[] = [];
    outbox.emit(() => {
      seen.push('a');
      outbox.emit(() => seen.push('c'));
      outbox.flush(); // re-entrant: the outer loop delivers
      seen.push('a-done');
    });
    outbox.emit(() => seen.push('b'));
    outbox.flush();
    expect(seen).toEqual(['a', 'a-done', 'b', 'c']);
  });

  it('delivers every event when one throws, then rethrows the first error', () => {
    const outbox = createOutbox();
    const seen: number[] = [];
    outbox.emit(() => {
      throw new Error('first');
    });
    outbox.emit(() => {
      throw new Error('second');
    });
    outbox.emit(() => seen.push(3));
    expect(() => outbox.flush()).toThrow('first');
    expect(seen).toEqual([3]);
    // and it is usable again
    outbox.emit(() => seen.push(4));
    outbox.flush();
    expect(seen).toEqual([3, 4]);
  });
});
