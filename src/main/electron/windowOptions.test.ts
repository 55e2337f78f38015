import { describe, expect, it } from 'vitest';
import { WINDOW_KINDS, type WindowKind, type WindowRoute } from '../../shared/windows';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { WINDOW_SIZES, windowOptions } from './windowOptions';

function routeOf(kind: WindowKind): WindowRoute {
  return kind === 'chat' ? { kind, conversationId: 'c_123' } : { kind };
}

const PRELOAD = '/opt/Seatdesk/resources/app.asar/dist/main/preload.cjs';

describe('windowOptions', () => {
  describe.each(WINDOW_KINDS)('a %s window', (kind) => {
    const options = windowOptions(routeOf(kind), PRELOAD);
    const prefs = options.webPreferences;

    it('isolates the page from Node and Electron', () => {
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        spellcheck: false,
      });
    });

    it('loads the preload it was given and nothing else privileged', () => {
      expect(prefs?.preload).toBe(PRELOAD);
      expect(prefs?.session).toBeUndefined();
      expect(prefs?.partition).toBeUndefined();
      expect(prefs?.enableBlinkFeatures).toBeUndefined();
    });

    it('stays hidden until its page is ready, with the default size and minimum of its kind', () => {
      const size = WINDOW_SIZES[kind];
      expect(options).toMatchObject({
        show: false,
        title: 'Seatdesk',
        width: size.width,
        height: size.height,
        minWidth: size.minWidth,
        minHeight: size.minHeight,
      });
      expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
      expect(size.minWidth).toBeLessThanOrEqual(size.width);
      expect(size.minHeight).toBeLessThanOrEqual(size.height);
    });
  });

  it('sizes the workstation large and the chat pop-out at 480x720', () => {
    expect(WINDOW_SIZES.workstation.width).toBeGreaterThan(WINDOW_SIZES.settings.width);
    expect(windowOptions({ kind: 'chat', conversationId: 'c_1' }, PRELOAD)).toMatchObject({ width: 480, height: 720 });
  });

  it('uses restored bounds when given, and centres otherwise', () => {
    const placed = windowOptions({ kind: 'history' }, PRELOAD, { x: 10, y: 20, width: 1000, height: 700 });
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(placed.center).toBeUndefined();
    expect(windowOptions({ kind: 'history' }, PRELOAD).center).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and runs scripts only from our own origin', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows inline styles only, for antd', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inlineAllowed = [...directives].filter(([, values]) => values.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inlineAllowed).toEqual(['style-src']);
  });
});
