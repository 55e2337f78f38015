import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core';
import { MAX_FRAME_CHARS } from '../../shared/rpc/protocol';
import { startHost, type RunningHost } from './host';
import { testCoreOptions } from '../../../tests/support/memoryStores';

let dir: string;
let core: Core;
let host: RunningHost;
let secret: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-host-'));
  await writeFile(join(dir, 'index.html'), '<html><head><meta name="seatdesk-rpc" content=""></head><body>壹</body></html>');
  await writeFile(join(dir, 'app.js'), 'console.log(1)');
  core = createCore(testCoreOptions());
  host = await startHost({ core, rendererDir: dir, port: 0 });
  const html = await (await fetch(host.url)).text();
  secret = /content="\/rpc\?secret=([^"]+)"/.exec(html)?.[1] ?? '';
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const origin = () => host.url.replace(/\/$/, '');
const rpcUrl = (query: string) => `${host.url.replace('http', 'ws')}rpc?${query}`;

/** Opens a socket; resolves with it once open, or with the HTTP status that refused the upgrade. */
function connect(query: string, headers: Record<string, string> = { origin: origin() }) {
  return new Promise<{ socket?: WebSocket; status?: number }>((resolve) => {
    const socket = new WebSocket(rpcUrl(query), { headers });
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    socket.on('error', () => resolve({}));
  });
}

function nextFrame(socket: WebSocket): Promise<{ t: string; id?: number; r?: { ok: boolean; code?: string; value?: unknown } }> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser host', () => {
  it('serves the page with this launch secret and a strict CSP', async () => {
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await fetch(`${host.url}app.js`)).status).toBe(200);
    const traversal = await fetch(`${host.url}..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(traversal.status);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('refuses sockets without the secret, with a wrong one, or from another origin', async () => {
    expect((await connect('window=workstation')).status).toBe(403);
    expect((await connect(`secret=${secret.slice(1)}x&window=workstation`)).status).toBe(403);
    expect((await connect(`secret=${secret}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await connect(`secret=${secret}`, {})).status).toBe(403);
  });

  it('carries RPC calls for a window that has the secret', async () => {
    const { socket } = await connect(`secret=${secret}&window=settings`);
    if (!socket) throw new Error('socket refused');
    const answer = nextFrame(socket);
    socket.send(JSON.stringify({ t: 'call', id: 1, m: 'settings.get' }));
    expect(await answer).toMatchObject({ t: 'res', id: 1, r: { ok: true, value: { language: 'zh-CN' } } });
    socket.close();
  });

  it('survives hostile frames and keeps answering', async () => {
    const { socket } = await connect(`secret=${secret}`);
    if (!socket) throw new Error('socket refused');
    socket.send(Buffer.from([0, 1, 2, 255]));
    socket.send('{"t":"call","id":');
    socket.send(JSON.stringify({ t: 'call', id: 2, m: 'nope.never' }));
    expect(await nextFrame(socket)).toMatchObject({ id: 2, r: { ok: false, code: 'unknown_method' } });
    const big = nextFrame(socket);
    socket.send(`{"t":"call","id":3,"m":"settings.set","a":{"serverUrl":"${'x'.repeat(MAX_FRAME_CHARS)}"}}`);
    expect(await big).toMatchObject({ id: 3, r: { ok: false, code: 'too_large' } });

    // Past the socket's payload limit the host closes that socket, and only that socket.
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send('x'.repeat(MAX_FRAME_CHARS * 4 + 10));
    expect(await closed).toBe(1009);
    const { socket: again } = await connect(`secret=${secret}`);
    if (!again) throw new Error('socket refused');
    const answer = nextFrame(again);
    again.send(JSON.stringify({ t: 'call', id: 4, m: 'sync.status' }));
    expect(await answer).toMatchObject({ id: 4, r: { ok: true, value: { state: 'signed_out' } } });
    again.close();
  });
});
