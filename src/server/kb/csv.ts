/**
 * RFC 4180 CSV as spreadsheets export it: comma-separated, fields optionally in double quotes,
 * "" for a quote inside one, line breaks (LF or CRLF) allowed inside quoted fields, a UTF-8 BOM
 * (Excel's "CSV UTF-8") ignored. Each record keeps the line it started on, so an import error can
 * say "row 7" and mean what the spreadsheet shows.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses the whole text; blank lines between records are skipped. Throws CsvSyntaxError. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  /** whether the current field was quoted (text after its closing quote is an error) */
  let closed = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    closed = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        closed = true;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (closed) throw new CsvSyntaxError(line, 'text after a closing quote');
    else if (c === '"' && field === '') quoted = true;
    else field += c;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || closed) endRecord();
  return records;
}
