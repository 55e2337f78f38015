// @vitest-environment happy-dom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ref, xlsxWorkbook } from './xlsx';

// The writer's output read back the way a spreadsheet would: unzip the package, parse each part as XML.

function parts(bytes: Uint8Array): Record<string, Document> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, new DOMParser().parseFromString(strFromU8(data), 'application/xml')]));
}

const cells = (sheet: Document) =>
  [...sheet.getElementsByTagName('c')].map((c) => ({
    r: c.getAttribute('r'),
    t: c.getAttribute('t'),
    s: c.getAttribute('s'),
    value: c.getElementsByTagName('v')[0]?.textContent ?? c.getElementsByTagName('t')[0]?.textContent ?? null,
    formula: c.getElementsByTagName('f').length > 0,
  }));

describe('xlsxWorkbook', () => {
  const bytes = xlsxWorkbook({
    name: '按客服: [一]',
    columns: [
      { header: '名称', format: 'text' },
      { header: 'Conversations', format: 'integer' },
      { header: '30秒接起率', format: 'percent' },
      { header: 'Seconds', format: 'decimal' },
    ],
    rows: [
      ['=1+1', 3, 0.5, 12.25],
      ['<b>A & "B"</b>\u0007', 0, null, Number.NaN],
    ],
  });
  const xml = parts(bytes);

  it('is a package with every part a reader needs, each well-formed and wired by its relationships', () => {
    expect(Object.keys(xml).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    for (const [name, doc] of Object.entries(xml)) expect(doc.getElementsByTagName('parsererror'), name).toHaveLength(0);
    const overrides = [...xml['[Content_Types].xml']!.getElementsByTagName('Override')].map((o) => o.getAttribute('PartName'));
    expect(overrides).toEqual(['/xl/workbook.xml', '/xl/worksheets/sheet1.xml', '/xl/styles.xml']);
    expect(xml['_rels/.rels']!.getElementsByTagName('Relationship')[0]!.getAttribute('Target')).toBe('xl/workbook.xml');
    const targets = [...xml['xl/_rels/workbook.xml.rels']!.getElementsByTagName('Relationship')].map((r) => r.getAttribute('Target'));
    expect(targets).toEqual(['worksheets/sheet1.xml', 'styles.xml']);
    // Excel refuses a sheet name with []:*?/\ or longer than 31 characters
    expect(xml['xl/workbook.xml']!.getElementsByTagName('sheet')[0]!.getAttribute('name')).toBe('按客服   一');
  });

  it('writes text as inline strings (a formula-looking name stays text), numbers as numbers with their column format, and leaves null and NaN empty', () => {
    const sheet = xml['xl/worksheets/sheet1.xml']!;
    expect(cells(sheet)).toEqual([
      { r: 'A1', t: 'inlineStr', s: '1', value: '名称', formula: false },
      { r: 'B1', t: 'inlineStr', s: '1', value: 'Conversations', formula: false },
      { r: 'C1', t: 'inlineStr', s: '1', value: '30秒接起率', formula: false },
      { r: 'D1', t: 'inlineStr', s: '1', value: 'Seconds', formula: false },
      { r: 'A2', t: 'inlineStr', s: null, value: '=1+1', formula: false },
      { r: 'B2', t: null, s: '2', value: '3', formula: false },
      { r: 'C2', t: null, s: '4', value: '0.5', formula: false },
      { r: 'D2', t: null, s: '3', value: '12.25', formula: false },
      { r: 'A3', t: 'inlineStr', s: null, value: '<b>A & "B"</b>', formula: false },
      { r: 'B3', t: null, s: '2', value: '0', formula: false },
    ]);
    // the styles those cells point at: 2 → "0", 3 → "0.00", 4 → "0.00%" (built-in numFmtIds 1, 2, 10)
    const xfs = [...xml['xl/styles.xml']!.getElementsByTagName('cellXfs')[0]!.getElementsByTagName('xf')].map((x) => x.getAttribute('numFmtId'));
    expect(xfs).toEqual(['0', '0', '1', '2', '10']);
    expect(sheet.getElementsByTagName('pane')[0]!.getAttribute('state')).toBe('frozen');
  });

  it('names columns past Z as a spreadsheet does', () => {
    expect([ref(0, 1), ref(25, 2), ref(26, 3), ref(51, 4), ref(52, 5), ref(701, 6), ref(702, 7)]).toEqual(['A1', 'Z2', 'AA3', 'AZ4', 'BA5', 'ZZ6', 'AAA7']);
  });
});
