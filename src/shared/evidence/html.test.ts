import { describe, expect, it } from 'vitest';
import { sealBundle, verifyBundle } from './chain';
import { toBase64 } from './digest';
import { bundleFromHtml, renderEvidenceHtml } from './html';
import { unsealed } from './testing';

const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & <!--';

describe('HTML transcript', () => {
  it('escapes chat text, so a <script> in a message stays text', () => {
    const html = renderEvidenceHtml(sealBundle(unsealed(true, [hostile, 'ok'])), 'en');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &lt;!--');
    // the only <script> is the JSON block, and nothing in it can close it early
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('onerror=alert(2)>');
  });

  it('has a strict CSP, no external resources, and prints the final digest', () => {
    const bundle = sealBundle(unsealed());
    const html = renderEvidenceHtml(bundle, 'zh-CN');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain(`<code>${bundle.digest}</code>`);
    expect(html).toContain('会话证据导出');
    expect(html).toContain('店铺 Shop A');
  });

  it('embeds a bundle that comes back out and verifies, hostile text included', () => {
    const bundle = sealBundle(unsealed(true, [hostile, '\u2028行分隔符\u2029']));
    const back = bundleFromHtml(renderEvidenceHtml(bundle, 'en'));
    expect(back).toEqual(bundle);
    expect(verifyBundle(back)).toEqual({ ok: true, digest: bundle.digest });
  });

  it('inlines included raster images as data: URLs, and only lists other files', () => {
    const input = unsealed(true, ['see files']);
    input.messages[0]!.attachments = [
      { id: 'att-png', name: 'a.png', mime: 'image/png', size: 3, sha256: 'a'.repeat(64) },
      { id: 'att-svg', name: 'b.svg', mime: 'image/svg+xml', size: 3, sha256: 'b'.repeat(64) },
      { id: 'att-pdf', name: 'c.pdf', mime: 'application/pdf', size: 3, sha256: null },
    ];
    input.files = { 'att-png': toBase64(new Uint8Array([1, 2, 3])), 'att-svg': toBase64(new Uint8Array([4, 5, 6])) };
    const html = renderEvidenceHtml(sealBundle(input), 'en');
    expect(html).toContain('<img alt="a.png" src="data:image/png;base64,AQID">');
    expect(html).not.toContain('data:image/svg');
    expect(html).toContain(`SHA-256 <code>${'a'.repeat(64)}</code>`);
    expect(html).toContain('c.pdf · application/pdf · 3 B · file could not be fetched, no hash (file not included)');
  });

  it('finds no bundle in a page without one', () => {
    expect(bundleFromHtml('<html><body>hi</body></html>')).toBeNull();
  });
});
