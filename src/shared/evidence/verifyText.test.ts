import { describe, expect, it } from 'vitest';
import { sealBundle } from './chain';
import { renderEvidenceHtml } from './html';
import { verifyExportText } from './verifyText';
import { unsealed } from './testing';

describe('verifying an export file’s text', () => {
  it('verifies an HTML export in either language and a JSON export', async () => {
    const bundle = await sealBundle(unsealed());
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(await verifyExportText(renderEvidenceHtml(bundle, lang))).toEqual({ ok: true, digest: bundle.digest });
    }
    expect(await verifyExportText(JSON.stringify(bundle, null, 1))).toEqual({ ok: true, digest: bundle.digest });
  });

  it('catches an edit to the readable transcript that leaves the embedded bundle alone', async () => {
    const html = renderEvidenceHtml(await sealBundle(unsealed()), 'en');
    const edited = html.replace('<div class="body">已登记</div>', '<div class="body">已退款</div>');
    expect(edited).not.toBe(html);
    expect(await verifyExportText(edited)).toMatchObject({ ok: false, problems: [{ index: null, kind: 'edited' }] });
  });

  it('catches an edit inside the embedded bundle at the message it touched', async () => {
    const html = renderEvidenceHtml(await sealBundle(unsealed()), 'en');
    expect(await verifyExportText(html.replace('"body":"已登记"', '"body":"已退款"'))).toMatchObject({
      ok: false,
      problems: [{ index: 3, kind: 'edited' }],
    });
  });

  it('says when the text is not an export at all', async () => {
    expect(await verifyExportText('<html></html>')).toMatchObject({ ok: false, problems: [{ kind: 'header', detail: expect.stringMatching(/no Seatdesk/) }] });
    expect(await verifyExportText('hello')).toMatchObject({ ok: false, problems: [{ kind: 'header', detail: expect.stringMatching(/neither/) }] });
  });
});
