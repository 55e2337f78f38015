import type { FastifyInstance } from 'fastify';

/**
 * Accepts `Content-Type: application/json` with an empty body (clients commonly send it on
 * POST /api/auth/logout) as "no body", instead of fastify's default 400. Non-empty bodies go
 * through fastify's own parser, which keeps its __proto__/constructor poisoning guards.
 */
export function allowEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // parseAs 'string' always yields a string; the type allows Buffer for parseAs 'buffer'.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
