// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsTransport, STABLE_LINK_MS } from './wsTransport';

/** Just enough of a WebSocket for the transport: the test opens, closes and feeds it. */
class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

describe('createWsTransport', () => {
  let sockets: FakeSocket[];
  let clock: number;
  const deps = () => ({
    createSocket: (url: string) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    random: () => 1,
    now: () => clock,
  });

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('holds frames until the socket opens, then reports the link up', () => {
    const transport = createWsTransport('ws://h/rpc?window=workstation', deps());
    const link: boolean[] = [];
    transport.onLink((up) => link.push(up));
    transport.send('a');
    expect(sockets[0]?.sent).toEqual([]);
    sockets[0]?.open();
    expect(sockets[0]?.sent).toEqual(['a']);
    expect(link).toEqual([true]);
    expect(transport.isUp()).toBe(true);
    transport.send('b');
    expect(sockets[0]?.sent).toEqual(['a', 'b']);
  });

  it('passes text frames to the receiver', () => {
    const transport = createWsTransport('ws://h/rpc', deps());
    const frames: string[] = [];
    transport.onFrame((text) => frames.push(text));
    sockets[0]?.open();
    sockets[0]?.onmessage?.({ data: '{"t":"evt"}' });
    sockets[0]?.onmessage?.({ data: new ArrayBuffer(2) });
    expect(frames).toEqual(['{"t":"evt"}']);
  });

  it('reports the link down on close, forgets held frames, and reconnects with growing delays', () => {
    const transport = createWsTransport('ws://h/rpc', deps());
    const link: boolean[] = [];
    transport.onLink((up) => link.push(up));
    transport.send('held');
    sockets[0]?.drop();
    expect(link).toEqual([false]);

    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.drop();
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    sockets[2]?.open();
    expect(sockets[2]?.sent).toEqual([]);
    expect(link).toEqual([false, false, true]);
  });

  it('starts the backoff over only after a link that stayed up', () => {
    createWsTransport('ws://h/rpc', deps());
    sockets[0]?.drop();
    vi.advanceTimersByTime(250);
    sockets[1]?.open();
    sockets[1]?.drop(); // dropped at once: still failing, the next wait grows
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sockets[2]?.open();
    clock += STABLE_LINK_MS;
    sockets[2]?.drop();
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(4);
  });

  it('stops reconnecting once closed', () => {
    const transport = createWsTransport('ws://h/rpc', deps());
    sockets[0]?.drop();
    transport.close();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});
