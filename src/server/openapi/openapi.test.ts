import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openServerDatabase } from '../db/open';
import { startTestServer, type TestServer } from '../testing/testServer';
import { openApiPath } from './document';

/*
 * GET /api/openapi.json over the real server, and the guard against a stale document: every
 * route the app registers under /api must be described in it.
 */

let t: TestServer;
let doc: { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; responses: Record<string, unknown> }>> };

beforeAll(async () => {
  t = await startTestServer();
  const res = await t.get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = (await res.json()) as typeof doc;
}, 30_000);

afterAll(async () => {
  await t.stop();
});

/**
 * Method + path of every route, from fastify's route tree (printRoutes with commonPrefix off:
 * each line is `├── /segment (GET, HEAD)` indented four characters per level under its parent).
 */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    for (const method of match[3]?.split(', ') ?? []) routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the zod-generated query, body and answer of each route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const pull = doc.paths['/api/sync/pull']!.get!;
    expect(pull.parameters.map((p) => [p.name, p.in])).toEqual([['cursor', 'query'], ['limit', 'query']]);
    expect(pull.responses['200']).toMatchObject({ content: { 'application/json': { schema: { type: 'object' } } } });
    expect(pull.responses['401']).toBeDefined();
    const mutations = doc.paths['/api/mutations']!.post!;
    expect(mutations.requestBody?.content['application/json']?.schema.required).toEqual(['clientId', 'mutations']);
    const reveal = doc.paths['/api/customers/{id}/reveal']!.post!;
    expect(reveal.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    // Public routes say so: no 401 to expect.
    expect(doc.paths['/api/health']!.get!.responses['401']).toBeUndefined();
  });

  it('describes every route the server registers under /api, and nothing it does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seatdesk-openapi-'));
    const db = openServerDatabase(join(dir, 'db'));
    try {
      const { app } = await buildApp({ db, now: Date.now, logger: false, attachmentsDir: join(dir, 'attachments') });
      await app.ready();
      const registered = registeredRoutes(app.printRoutes({ commonPrefix: false }))
        .filter((route) => / \/api\//.test(route) && !route.startsWith('HEAD '))
        .map((route) => {
          const [method, path] = route.split(' ');
          return `${method!.toLowerCase()} ${openApiPath(path!)}`;
        });
      await app.close();
      const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
      expect(registered.length).toBeGreaterThan(15);
      expect(registered.sort()).toEqual(documented.sort());
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
