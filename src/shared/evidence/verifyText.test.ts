import { describe, expect, it } from 'vitest';
import { sealBundle } from './chain';
import { renderEvidenceHtml } from './html';
import { verifyExportText } from './verifyText';
import { unsealed } from './testing';

describe('verifying an export file’s text', () => {
  it('verifies an HTML export in either language and a JSON export', () => {
    const bundle = sealBundle(unsealed());
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(verifyExportText(renderEvidenceHtml(bundle, lang))).toEqual({ ok: true, digest: bundle.digest });
    }
    expect(verifyExportText(JSON.stringify(bundle, null, 1))).toEqual({ ok: true, digest: bundle.digest });
  });

  it('catches an edit to the readable transcript that leaves the embedded bundle alone', () => {
    const html = renderEvidenceHtml(sealBundle(unsealed()), 'en');
    const edited = html.replace('<div class="body">已登记</div>', '<div class="body">已退款</div>');
    expect(edited).not.toBe(html);
    expect(verifyExportText(edited)).toMatchObject({ ok: false, problems: [{ index: null, kind: 'edited' }] });
  });

  it('catches an edit inside the embedded bundle at the message it touched', () => {
    const html = renderEvidenceHtml(sealBundle(unsealed()), 'en');
    expect(verifyExportText(html.replace('"body":"已登记"', '"body":"已退款"'))).toMatchObject({
      ok: false,
      problems: [{ index: 3, kind: 'edited' }],
    });
  });

  it('says when the text is not an export at all', () => {
    expect(verifyExportText('<html></html>')).toMatchObject({ ok: false, problems: [{ kind: 'header', detail: expect.stringMatching(/no Seatdesk/) }] });
    expect(verifyExportText('hello')).toMatchObject({ ok: false, problems: [{ kind: 'header', detail: expect.stringMatching(/neither/) }] });
  });
});
