// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseWindowRoute } from '../../shared/windows';
import { windowUrl } from './windowUrl';

describe('windowUrl', () => {
  it('keeps the current page and replaces its query with the window route', () => {
    expect(windowUrl({ kind: 'settings' }, 'http://127.0.0.1:4780/?window=workstation#x')).toBe(
      'http://127.0.0.1:4780/?window=settings',
    );
    expect(windowUrl({ kind: 'chat', conversationId: 'c_1' }, 'app://seatdesk/index.html')).toBe(
      'app://seatdesk/index.html?window=chat&conversation=c_1',
    );
  });

  it('round-trips through parseWindowRoute', () => {
    const url = new URL(windowUrl({ kind: 'chat', conversationId: 'c-42' }, 'http://h/app/index.html'));
    expect(url.pathname).toBe('/app/index.html');
    expect(parseWindowRoute(url.search)).toEqual({ kind: 'chat', conversationId: 'c-42' });
  });
});
