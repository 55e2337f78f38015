import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from './document';

/** GET /api/openapi.json: the HTTP API's OpenAPI 3.1 document, built once at start. */
export function registerOpenApiRoutes(app: FastifyInstance): void {
  const document = JSON.stringify(buildOpenApiDocument());
  app.get('/api/openapi.json', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(document));
}
