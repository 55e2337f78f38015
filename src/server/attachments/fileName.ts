import type { FileKind } from './sniff';

/*
 * A file name as people see it in the widget and the workstation, and as the browser saves it.
 * Only the last path part is kept; control, format (bidi overrides, zero-width) and reserved
 * characters go; Chinese and other letters stay. The extension always matches the sniffed kind,
 * so 'invoice.pdf\u202Eexe' or 'x.html' cannot pose as something else once downloaded.
 */

const MAX_LENGTH = 120;
// Control (Cc), format (Cf: bidi controls, zero-width joiners, BOM), separators other than space.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RESERVED = /[<>:"|?*\\/]/g;
// Names Windows refuses for a file, whatever the extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function sanitiseFileName(raw: string | undefined, kind: FileKind): string {
  const lastPart = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = lastPart
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides a file on Unix and '..' means "up"; trailing dots vanish on Windows.
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');

  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let stem = dot > 0 && kind.extensions.includes(extension) ? name.slice(0, dot) : name;
  if (stem === '' || WINDOWS_DEVICE.test(stem.split('.')[0] ?? '')) stem = `file${stem === '' ? '' : `_${stem}`}`;
  const suffix = `.${kind.extensions.includes(extension) ? extension : kind.extensions[0]}`;
  // Cut by code points, never through a surrogate pair.
  name = [...stem].slice(0, MAX_LENGTH - suffix.length).join('').trimEnd() + suffix;
  return name;
}

/** A Content-Disposition header that downloads the file under its name, in any browser. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
