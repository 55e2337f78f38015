import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../cache/openCache';
import { ReportsService } from './reportsService';

// Where reports come from when the server is online but cannot answer, refuses, or is not asked:
// a real cache file and a real HTTP server on loopback that answers what each test needs.

let dir: string;
let db: Database.Database;
let server: Server;
let status = 200;
let requests = 0;
let service: ReportsService;
let online = true;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seatdesk-reports-'));
  requests = 0;
  online = true;
  server = createServer((request, response) => {
    requests += 1;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { groupBy: 'agent', from: 0, to: 1, rows: [] } : { error: status === 403 ? 'forbidden' : 'internal', message: 'nope' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  db = openCache(join(dir, 'cache.sqlite'));
  service = new ReportsService({
    db,
    serverUrl: `http://127.0.0.1:${port}`,
    token: 't',
    isOnline: () => online,
    cacheSyncedAt: () => 1234,
    folder: join(dir, 'exports'),
  });
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const range = { groupBy: 'agent' as const, from: 0, to: 1, source: 'auto' as const };

describe('ReportsService', () => {
  it('takes the server’s report when online', async () => {
    expect(await service.build(range)).toMatchObject({ source: 'server', serverError: null, cacheSyncedAt: 1234, rows: [] });
    expect(requests).toBe(1);
  });

  it('answers from the cache, saying why, when the online server fails', async () => {
    status = 500;
    const result = await service.build(range);
    expect(result).toMatchObject({ source: 'cache', cacheSyncedAt: 1234, rows: [] });
    expect(result.serverError).toMatch(/server failed/);
  });

  it('does not ask the server when offline or when the cache is asked for', async () => {
    online = false;
    expect(await service.build(range)).toMatchObject({ source: 'cache', serverError: null });
    online = true;
    expect(await service.build({ ...range, source: 'cache' })).toMatchObject({ source: 'cache' });
    expect(requests).toBe(0);
  });

  it('passes a refusal on rather than showing the cache’s figures', async () => {
    status = 403;
    await expect(service.build(range)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.export({ ...range, format: 'csv', lang: 'en' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(readdirSync(dir)).not.toContain('exports');
  });
});
