import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from './app';
import { DEMO_PASSWORD } from './demo/seed';
import { bearer, startTestServer } from './testing/testServer';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-app-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 by default and close() may be called twice', async () => {
    const server = await startServer({ dataDir, logger: false });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('creates no accounts without demo, and keeps sessions across a restart on the same data folder', async () => {
    const plain = await startServer({ dataDir, logger: false });
    const denied = await fetch(`${plain.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password: DEMO_PASSWORD }),
    });
    expect(denied.status).toBe(401);
    await plain.close();

    const first = await startTestServer({ dataDir });
    const login = await first.login();
    await first.stop();
    const second = await startTestServer({ dataDir, now: () => first.clock.time });
    expect((await second.get('/api/me', bearer(login.token))).status).toBe(200);
    await second.stop();
  });

  it('never writes passwords or tokens to the log, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const t = await startTestServer({ dataDir, logger: { level: 'trace', stream } });
    const login = await t.login('agent', DEMO_PASSWORD);
    await t.get('/api/me', bearer(login.token));
    await t.post('/api/auth/login', { username: 'agent', password: 'typo-password' });
    await t.stop();
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(login.token);
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain('typo-password');
  });
});
