import { verifyBundle } from './chain';
import { bundleFromHtml, renderEvidenceHtml, type EvidenceLang } from './html';
import type { EvidenceBundle, VerifyResult } from './bundle';

const notAnExport = (detail: string): VerifyResult => ({ ok: false, problems: [{ index: null, kind: 'header', detail }] });

/**
 * Verifies an export file's text, HTML or JSON. For HTML the embedded bundle is verified and the
 * whole page is then rendered again from it: the page is a pure function of the bundle, so an
 * edit to the readable transcript that leaves the bundle alone is caught too.
 */
export function verifyExportText(text: string): VerifyResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) {
    const embedded = bundleFromHtml(trimmed);
    if (embedded === null) return notAnExport('no Seatdesk evidence bundle in this HTML file');
    const result = verifyBundle(embedded);
    // verified, so exactly the format's fields: the page can be rendered again from it
    if (!result.ok) return result;
    const lang: EvidenceLang = /^<!doctype html>\n<html lang="en">/.test(trimmed) ? 'en' : 'zh-CN';
    if (renderEvidenceHtml(embedded as EvidenceBundle, lang) !== trimmed.trimEnd()) {
      return { ok: false, problems: [{ index: null, kind: 'edited', detail: 'the readable transcript differs from the bundle it carries' }] };
    }
    return result;
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return notAnExport('neither an HTML nor a JSON export');
  }
  return verifyBundle(json);
}
