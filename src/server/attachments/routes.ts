import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FILE_NAME_HEADER, type UploadResponse } from '../../shared/api/attachments';
import { IdSchema } from '../../shared/domain/ids';
import type { AccountsService } from '../accounts/service';
import { sendError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import { contentDisposition } from './fileName';
import { UploadRefused, type AttachmentsService, type Viewer } from './service';
import { refOf } from './store';

const Params = z.object({ id: IdSchema });

export interface AttachmentRouteDeps {
  accounts: AccountsService;
  scopes: ScopeResolver;
  /** the customer behind a customer token (customerChat) */
  customers: { authenticate(header: string | string[] | undefined): string | null };
  attachments: AttachmentsService;
  maxBytes: number;
}

/** POST /api/attachments and GET /api/attachments/:id, for agent and customer tokens alike. */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  const viewers = new WeakMap<FastifyRequest, Viewer>();

  const identify = (request: FastifyRequest): Viewer | null => {
    const session = deps.accounts.authenticateHeader(request.headers.authorization);
    if (session) {
      const scope = deps.scopes.scopeFor(session.user.id);
      return scope ? { kind: 'agent', id: session.user.id, scope } : null;
    }
    const customerId = deps.customers.authenticate(request.headers.authorization);
    return customerId ? { kind: 'customer', id: customerId } : null;
  };

  // Its own plugin context: any content type is taken as raw bytes here, and only here.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBytes }, (_request, body, done) => done(null, body));

    scope.post(
      '/api/attachments',
      {
        bodyLimit: deps.maxBytes,
        // Before the body is read: a stranger's upload is refused without buffering it.
        onRequest: async (request, reply) => {
          const viewer = identify(request);
          if (!viewer) return sendError(reply, 401, 'unauthenticated', 'missing or expired token');
          viewers.set(request, viewer);
          return undefined;
        },
      },
      async (request, reply) => {
        const viewer = viewers.get(request);
        if (!viewer) return sendError(reply, 401, 'unauthenticated', 'missing or expired token');
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        try {
          const record = await deps.attachments.upload({ kind: viewer.kind, id: viewer.id }, fileNameOf(request), bytes);
          const body: UploadResponse = { attachment: refOf(record) };
          return reply.code(201).send(body);
        } catch (error) {
          if (error instanceof UploadRefused) return sendError(reply, error.status, error.error, error.message);
          throw error;
        }
      },
    );
  });

  app.get('/api/attachments/:id', async (request, reply) => {
    const viewer = identify(request);
    if (!viewer) return sendError(reply, 401, 'unauthenticated', 'missing or expired token');
    const params = parseInput(Params, request.params, reply, 'params');
    if (!params) return reply;
    const opened = deps.attachments.open(viewer, params.id);
    if (!opened) return sendError(reply, 404, 'not_found', `no attachment ${params.id}`);
    const { record, bytes } = opened;
    // Always a download, never rendered by the browser in the server's origin.
    return reply
      .header('content-type', record.mime)
      .header('content-length', record.size)
      .header('content-disposition', contentDisposition(record.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(bytes);
  });
}

/** The x-filename header, percent-decoded (a broken encoding is taken as it is). */
function fileNameOf(request: FastifyRequest): string | undefined {
  const header = request.headers[FILE_NAME_HEADER];
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
