import { strToU8, zipSync, type Zippable } from 'fflate';

/*
 * A small SpreadsheetML (Office Open XML, ECMA-376) writer: one sheet, a bold frozen header row,
 * text as inline strings (never shared strings, never formulas: "=1+1" in a name stays text),
 * numbers as numbers with a built-in number format per column. Zipped with fflate. Pure TS, so
 * the server and the workstation core write the same file.
 */

/** How a column's numbers are formatted (built-in formats: Excel localises them). */
export type XlsxFormat = 'text' | 'integer' | 'decimal' | 'percent';

export interface XlsxColumn {
  header: string;
  format: XlsxFormat;
  /** width in characters */
  width?: number;
}

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  /** at most 31 characters, none of []:*?/\ (Excel's rules); cleaned to fit */
  name: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly XlsxCell[])[];
}

// cellXfs: 0 default, 1 bold header, then one style per number format (numFmtId 1 "0", 2 "0.00", 10 "0.00%").
const STYLE: Record<XlsxFormat, number> = { text: 0, integer: 2, decimal: 3, percent: 4 };

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const XLSX_MIME = `${SHEET_TYPE}.sheet`;

/** The workbook's bytes (a zip). */
export function xlsxWorkbook(sheet: XlsxSheet): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${SHEET_TYPE}.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${SHEET_TYPE}.styles+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets><sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    'xl/styles.xml': xml(
      `<styleSheet xmlns="${NS_MAIN}">` +
        `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
        `<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
        `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
        `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
        `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
        `</styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': xml(worksheet(sheet)),
  };
  return zipSync(files);
}

function worksheet(sheet: XlsxSheet): string {
  const header = `<row r="1">${sheet.columns.map((c, i) => textCell(ref(i, 1), c.header, 1)).join('')}</row>`;
  const body = sheet.rows.map((row, r) => {
    const cells = sheet.columns.map((column, i) => cell(ref(i, r + 2), row[i] ?? null, column.format)).join('');
    return `<row r="${r + 2}">${cells}</row>`;
  });
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 14}" customWidth="1"/>`).join('');
  return (
    `<worksheet xmlns="${NS_MAIN}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${header}${body.join('')}</sheetData></worksheet>`
  );
}

function cell(at: string, value: XlsxCell, format: XlsxFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return textCell(at, value, 0);
  // A spreadsheet has no NaN or infinity: such a figure is left empty rather than corrupt the file.
  if (!Number.isFinite(value)) return '';
  return `<c r="${at}" s="${STYLE[format]}"><v>${value}</v></c>`;
}

function textCell(at: string, text: string, style: number): string {
  return `<c r="${at}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** A1-style reference: column 0 → A, 25 → Z, 26 → AA. */
export function ref(column: number, row: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}

/** XML 1.0 cannot hold most control characters at all, escaped or not: they are dropped. */
function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function sheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

function xml(body: string): Uint8Array {
  return strToU8(XML_HEAD + body);
}
