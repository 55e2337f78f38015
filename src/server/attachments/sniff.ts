/*
 * What a file really is, from its first bytes. The uploader's Content-Type and file name are
 * never trusted: a script renamed to .png must not come back out as anything a browser runs.
 */

export interface FileKind {
  mime: string;
  /** extensions a file of this kind may carry, the first one preferred */
  extensions: readonly string[];
}

export const ALLOWED_KINDS = {
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  webp: { mime: 'image/webp', extensions: ['webp'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt', 'log', 'csv'] },
} as const satisfies Record<string, FileKind>;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The kind of the bytes, or null when they are not one of the allowed kinds. */
export function sniffFileKind(bytes: Buffer): FileKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ALLOWED_KINDS.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ALLOWED_KINDS.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return ALLOWED_KINDS.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return ALLOWED_KINDS.webp;
  if (startsWith(bytes, ascii('%PDF-'))) return ALLOWED_KINDS.pdf;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return isPlainText(bytes) ? ALLOWED_KINDS.txt : null;
}

/**
 * A ZIP is only allowed as an Office Open XML document: one with [Content_Types].xml and the
 * part folder of Word or Excel among its entry names. Any other archive (and the executables
 * that travel in them) is refused.
 */
function officeKind(bytes: Buffer): FileKind | null {
  if (!bytes.includes('[Content_Types].xml', 0, 'latin1')) return null;
  if (bytes.includes('word/document.xml', 0, 'latin1')) return ALLOWED_KINDS.docx;
  if (bytes.includes('xl/workbook.xml', 0, 'latin1')) return ALLOWED_KINDS.xlsx;
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
