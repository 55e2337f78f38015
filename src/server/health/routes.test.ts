import { afterEach, beforeEach, expect, it } from 'vitest';
import { ApiErrorSchema, HealthResponseSchema } from '../../shared/api/auth';
import { startTestServer, type TestServer } from '../testing/testServer';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.stop();
});

it('GET /api/health answers ok with name, version and the server clock', async () => {
  const response = await t.get('/api/health');
  expect(response.status).toBe(200);
  const body = HealthResponseSchema.parse(await response.json());
  expect(body.name).toBe('seatdesk-server');
  expect(body.time).toBe(t.clock.time);
});

it('answers an unknown route with a 404 ApiError', async () => {
  const response = await t.get('/api/nope?x=1');
  expect(response.status).toBe(404);
  expect(ApiErrorSchema.parse(await response.json()).error).toBe('not_found');
});
