import { describe, expect, it } from 'vitest';
import { ALLOWED_KINDS, sniffFileKind } from './sniff';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A minimal Office Open XML package's tell-tale entry names (a real one is a ZIP holding them). */
const office = (part: string) => bytes([0x50, 0x4b, 0x03, 0x04], '\x14\x00[Content_Types].xml....PK\x03\x04', part, '....');

describe('sniffFileKind', () => {
  it.each([
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), ALLOWED_KINDS.png],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), ALLOWED_KINDS.jpeg],
    ['gif', bytes('GIF89a', [1, 0, 1, 0]), ALLOWED_KINDS.gif],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), ALLOWED_KINDS.webp],
    ['pdf', bytes('%PDF-1.7\n%âãÏÓ'), ALLOWED_KINDS.pdf],
    ['docx', office('word/document.xml'), ALLOWED_KINDS.docx],
    ['xlsx', office('xl/workbook.xml'), ALLOWED_KINDS.xlsx],
    ['Chinese text', Buffer.from('订单号 DD2025\n退款进度？\r\n', 'utf8'), ALLOWED_KINDS.txt],
  ])('recognises %s from its bytes', (_label, content, kind) => {
    expect(sniffFileKind(content)).toBe(kind);
  });

  it.each([
    ['an executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a plain ZIP archive', bytes([0x50, 0x4b, 0x03, 0x04], 'payload/run.sh')],
    ['an Office package of another kind', office('ppt/presentation.xml')],
    ['invalid UTF-8', Buffer.from([0x68, 0x69, 0xc3, 0x28])],
    ['text with NUL bytes', Buffer.from('abc\u0000def')],
    ['a WebP header cut short', bytes('RIFF', [0, 0])],
    ['nothing at all', Buffer.alloc(0)],
  ])('refuses %s', (_label, content) => {
    expect(sniffFileKind(content)).toBeNull();
  });

  it('looks at the bytes only: HTML is text, and an SVG with a script is text too, never an image', () => {
    expect(sniffFileKind(Buffer.from('<script>alert(1)</script>'))).toBe(ALLOWED_KINDS.txt);
    expect(sniffFileKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))?.mime).toBe('text/plain; charset=utf-8');
  });
});
