import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './rendererFiles';

const ROOT = path.resolve('/opt/seatdesk/dist/renderer');

describe('resolveRendererFile', () => {
  it('serves files below the renderer folder with their content type', () => {
    expect(resolveRendererFile(ROOT, 'app://seatdesk/index.html?window=chat&conversation=c_1')).toEqual({
      path: path.join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(ROOT, 'app://seatdesk/assets/index-3f2a.js')).toEqual({
      path: path.join(ROOT, 'assets', 'index-3f2a.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(ROOT, 'app://seatdesk/assets/%E5%AD%97.woff2')?.path).toBe(path.join(ROOT, 'assets', '字.woff2'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveRendererFile(ROOT, 'app://seatdesk/')?.path).toBe(path.join(ROOT, 'index.html'));
  });

  it('keeps dot segments the URL parser resolves inside the root, as the browser does', () => {
    expect(resolveRendererFile(ROOT, 'app://seatdesk/../../../etc/passwd.txt')?.path).toBe(path.join(ROOT, 'etc', 'passwd.txt'));
    expect(resolveRendererFile(ROOT, 'app://seatdesk/%2e%2e/%2e%2e/etc/passwd.txt')?.path).toBe(path.join(ROOT, 'etc', 'passwd.txt'));
  });

  it.each([
    'app://seatdesk/assets/..%2F..%2F..%2Fetc%2Fpasswd.txt',
    'app://seatdesk/assets/..%5C..%5Csecrets.json',
    'app://seatdesk/C:/Windows/win.ini.txt',
    'app://seatdesk/index.html%00.png',
    'app://seatdesk/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
    'app://seatdesk/secrets.pem',
    'app://seatdesk/main.node',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(ROOT, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the URL', () => {
    const hostile = ['..', '%2e%2e', '..%2f', '%2e%2e%2f', '.', '%2e', '\\..', '%5c..', 'a', 'assets', '%00'];
    for (const a of hostile) {
      for (const b of hostile) {
        const file = resolveRendererFile(ROOT, `app://seatdesk/${a}/${b}/x.js`);
        if (file) expect(path.relative(ROOT, file.path).startsWith('..')).toBe(false);
      }
    }
  });
});
