import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { HealthResponseSchema } from '../../shared/api/auth';
import { SERVER_NAME, SERVER_VERSION } from '../version';

/** GET /api/health: unauthenticated liveness probe for load balancers and the login screen. */
export function registerHealthRoutes(app: FastifyInstance, deps: { now: () => number }): void {
  app.get('/api/health', async () => {
    const body: z.infer<typeof HealthResponseSchema> = {
      ok: true,
      name: SERVER_NAME,
      version: SERVER_VERSION,
      time: deps.now(),
    };
    return body;
  });
}
