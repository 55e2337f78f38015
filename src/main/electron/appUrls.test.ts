import { describe, expect, it } from 'vitest';
import { WINDOW_KINDS, windowKey, type WindowRoute } from '../../shared/windows';
import { APP_ORIGIN, appUrlFor, isAppUrl, isSafeExternalUrl, routeFromAppUrl } from './appUrls';

describe('isAppUrl', () => {
  it('accepts our origin and its pages', () => {
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://seatdesk/index.html?window=monitor')).toBe(true);
    expect(isAppUrl('app://seatdesk/assets/index-abc.js')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://seatdesk.evil.com/index.html',
    'app://evil@seatdesk/index.html',
    'app://seatdesk:pw@evil/index.html',
    'app://seatdesk:8080/index.html',
    'https://seatdesk/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'seatdesk/index.html',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects what is not a string', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl({ toString: () => APP_ORIGIN })).toBe(false);
  });
});

describe('routeFromAppUrl', () => {
  const routes: WindowRoute[] = WINDOW_KINDS.map((kind) =>
    kind === 'chat' ? { kind, conversationId: 'c_01HZX-9' } : { kind },
  );

  it.each(routes.map((route) => [windowKey(route), route] as const))('reads back the URL of %s', (_key, route) => {
    expect(routeFromAppUrl(appUrlFor(route))).toEqual(route);
  });

  it('treats the bare entry as the workstation', () => {
    expect(routeFromAppUrl('app://seatdesk/index.html')).toEqual({ kind: 'workstation' });
    expect(routeFromAppUrl('app://seatdesk/')).toEqual({ kind: 'workstation' });
  });

  it.each([
    'app://seatdesk/index.html?window=chat&conversation=../../etc/passwd',
    'app://seatdesk/index.html?window=chat&conversation=..%2F..%2Fsecrets',
    'app://seatdesk/index.html?window=chat&conversation=',
    'app://seatdesk/index.html?window=chat',
    'app://seatdesk/index.html?window=admin',
    'app://seatdesk/index.html?window=',
    'app://seatdesk/other.html?window=monitor',
    'app://evil/index.html?window=monitor',
    'https://seatdesk/index.html?window=monitor',
    'javascript:alert(1)//app://seatdesk/index.html',
    'file:///index.html?window=monitor',
  ])('refuses %s', (url) => {
    expect(routeFromAppUrl(url)).toBeNull();
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://help.example.com/refunds?id=3', 'http://intranet.local:8080/kb'])('lets the browser open %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://seatdesk/index.html',
    'http://user:pass@bank.example.com/',
    'https://bank.example.com@evil.example/',
    'http://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses what is not a string, and absurdly long URLs', () => {
    expect(isSafeExternalUrl(null)).toBe(false);
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(5000)}`)).toBe(false);
  });
});
