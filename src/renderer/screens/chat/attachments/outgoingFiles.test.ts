import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../../../shared/domain/workstation';
import { takeFiles } from './outgoingFiles';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('files for a reply', () => {
  it('takes allowed kinds and refuses others, oversized and empty files before anything is sent', () => {
    const big = file('big.png', 'image/png', 1);
    Object.defineProperty(big, 'size', { value: ATTACHMENT_LIMITS.maxBytes + 1 });
    const { accepted, refused } = takeFiles([file('a.png', 'image/png'), file('b.exe', 'application/x-msdownload'), big, file('e.pdf', 'application/pdf', 0), file('n.txt', 'text/plain;charset=utf-8')], 0);
    expect(accepted.map((f) => [f.file.name, f.mime])).toEqual([
      ['a.png', 'image/png'],
      ['n.txt', 'text/plain'],
    ]);
    expect(refused).toEqual([
      { name: 'b.exe', reason: 'type' },
      { name: 'big.png', reason: 'size' },
      { name: 'e.pdf', reason: 'size' },
    ]);
  });

  it('refuses files past what one message may carry, counting those already chosen', () => {
    const { accepted, refused } = takeFiles([file('1.png', 'image/png'), file('2.png', 'image/png')], ATTACHMENT_LIMITS.perMessage - 1);
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual([{ name: '2.png', reason: 'count' }]);
  });

  it('names a pasted screenshot after the time it was pasted', () => {
    const { accepted } = takeFiles([file('image.png', 'image/png')], 0, new Date('2026-11-23T14:30:05Z'));
    expect(accepted[0]!.file.name).toBe('screenshot-20261123-143005.png');
    expect(accepted[0]!.file.type).toBe('image/png');
  });
});
