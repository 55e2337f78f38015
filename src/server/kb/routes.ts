import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KbImportRequestSchema, KbSearchQuerySchema, type KbImportFailure, type KbSearchResponse } from '../../shared/api/kb';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { answerRejection, parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import { readFiles } from './importFormats';
import { KbImportError, type KbService } from './service';
import type { KbReads } from './store';

/** An import carries whole files; everything else on the server stays at the 1 MB default. */
export const KB_IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * GET /api/kb/search — ranked search over the articles the caller may see (their sync scope).
 * POST /api/kb/import — leads and admins; all or nothing, every problem listed by file and row.
 */
export function registerKbRoutes(app: FastifyInstance, deps: { accounts: AccountsService; scopes: ScopeResolver; kb: KbReads; editor: KbService }): void {
  /** The signed-in caller's scope, or null after answering 401 / 403. */
  const callerScope = (request: FastifyRequest, reply: FastifyReply): Scope | null => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return null;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope) sendError(reply, 403, 'forbidden', 'your account is no longer active');
    return scope;
  };

  app.get('/api/kb/search', async (request, reply) => {
    const scope = callerScope(request, reply);
    if (!scope) return reply;
    const query = parseInput(KbSearchQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const body: KbSearchResponse = {
      hits: deps.kb.search(query.q, { scope }, query.limit).map(({ articleId, title, score, highlights }) => ({ articleId, title, score, highlights })),
    };
    return body;
  });

  app.post('/api/kb/import', { bodyLimit: KB_IMPORT_BODY_LIMIT }, async (request, reply) => {
    const scope = callerScope(request, reply);
    if (!scope) return reply;
    const body = parseInput(KbImportRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    try {
      return deps.editor.importArticles({ scope }, readFiles(body.format, body.files), body.teamIds);
    } catch (error) {
      if (!(error instanceof KbImportError)) return answerRejection(reply, error);
      const failure: KbImportFailure = { error: 'invalid_import', message: error.message, problems: error.problems };
      return reply.code(400).send(failure);
    }
  });
}
