import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('GET /widget', () => {
  it('serves the page, its script and stylesheet under a CSP that allows nothing but this server', async () => {
    for (const [path, type] of [
      ['/widget', 'text/html'],
      ['/widget/widget.js', 'text/javascript'],
      ['/widget/widget.css', 'text/css'],
    ] as const) {
      const response = await t.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('loads its script and stylesheet from files, with no inline script for the CSP to block', async () => {
    const html = await (await t.get('/widget')).text();
    expect(html).toContain('<script src="/widget/widget.js" defer></script>');
    expect(html).not.toMatch(/<script>|<script [^s]|\son\w+="/);
  });

  it('sends a script that parses and never writes HTML from text', async () => {
    const js = await (await t.get('/widget/widget.js')).text();
    expect(() => new Script(js)).not.toThrow();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(js).toContain('textContent');
  });
});
