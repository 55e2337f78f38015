import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName } from './fileName';
import { ALLOWED_KINDS, type FileKind } from './sniff';

describe('sanitiseFileName', () => {
  it.each([
    ['退款凭证.png', ALLOWED_KINDS.png, '退款凭证.png'],
    ['C:\\Users\\me\\Desktop\\截图 1.PNG', ALLOWED_KINDS.png, '截图 1.png'],
    ['../../etc/passwd', ALLOWED_KINDS.txt, 'passwd.txt'],
    ['..', ALLOWED_KINDS.txt, 'file.txt'],
    ['.bashrc', ALLOWED_KINDS.txt, 'bashrc.txt'],
    ['invoice\u202Egnp.exe', ALLOWED_KINDS.png, 'invoicegnp.exe.png'],
    ['a\u0000b\u0007c\r\n.pdf', ALLOWED_KINDS.pdf, 'abc.pdf'],
    ['zero\u200Bwidth\uFEFF.jpg', ALLOWED_KINDS.jpeg, 'zerowidth.jpg'],
    ['photo.jpeg', ALLOWED_KINDS.jpeg, 'photo.jpeg'],
    ['page.html', ALLOWED_KINDS.txt, 'page.html.txt'],
    ['what?<>|*".docx', ALLOWED_KINDS.docx, 'what______.docx'],
    ['CON.txt', ALLOWED_KINDS.txt, 'file_CON.txt'],
    ['report. . .', ALLOWED_KINDS.pdf, 'report.pdf'],
    [undefined, ALLOWED_KINDS.xlsx, 'file.xlsx'],
    ['', ALLOWED_KINDS.gif, 'file.gif'],
  ])('%j as %s → %j', (raw, kind, expected) => {
    expect(sanitiseFileName(raw, kind)).toBe(expected);
  });

  it('keeps long names within 120 characters, the extension intact and no surrogate cut in half', () => {
    const name = sanitiseFileName(`${'😀'.repeat(200)}.png`, ALLOWED_KINDS.png);
    expect([...name].length).toBeLessThanOrEqual(120);
    expect(name.endsWith('😀.png')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('sanitiseFileName, for any input', () => {
  const kinds = Object.values(ALLOWED_KINDS) as FileKind[];
  it('gives a short, single-part, visible name with the kind’s extension', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 400 }), { nil: undefined }), fc.constantFrom(...kinds), (raw, kind) => {
        const name = sanitiseFileName(raw, kind);
        expect([...name].length).toBeLessThanOrEqual(120);
        expect(name).not.toMatch(/[/\\<>:"|?*]/);
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(kind.extensions).toContain(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
        expect(name.slice(0, name.lastIndexOf('.')).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('contentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('退款 "凭证".png')).toBe(
      `attachment; filename="__ ____.png"; filename*=UTF-8''%E9%80%80%E6%AC%BE%20%22%E5%87%AD%E8%AF%81%22.png`,
    );
  });
});
