import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps each record’s first line', () => {
    const text = '\ufefftitle,body\r\n"a, b","say ""hi""\r\nthere"\r\n\r\nc,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['title', 'body'] },
      { line: 2, fields: ['a, b', 'say "hi"\r\nthere'] },
      { line: 5, fields: ['c', ''] },
    ]);
  });

  it('keeps empty quoted fields and a last line without a newline', () => {
    expect(parseCsv('"",x')).toEqual([{ line: 1, fields: ['', 'x'] }]);
  });

  it('names the line of an unclosed quote or of text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/line 2: text after a closing quote/);
  });
});
