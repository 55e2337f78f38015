import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { MAX_FRAME_CHARS } from '../../shared/rpc/protocol';
import { WINDOW_KINDS, type WindowKind } from '../../shared/windows';
import type { Core } from '../core/core';

export interface HostOptions {
  core: Pick<Core, 'connect'>;
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port */
  port?: number;
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

const RPC_META = /<meta name="seatdesk-rpc" content="[^"]*"\s*\/?>/;

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: serves the renderer and the RPC WebSocket on loopback. The socket only accepts
 * connections that carry this launch's secret (written into the page we serve) from our own
 * origin, so another local page or program cannot drive the workstation.
 */
export async function startHost({ core, rendererDir, host = '127.0.0.1', port = 0 }: HostOptions): Promise<RunningHost> {
  const secret = randomBytes(24).toString('base64url');
  const template = await readFile(join(rendererDir, 'index.html'), 'utf8');
  if (!RPC_META.test(template)) throw new Error(`${rendererDir}/index.html has no seatdesk-rpc meta tag`);
  const indexHtml = template.replace(RPC_META, `<meta name="seatdesk-rpc" content="/rpc?secret=${secret}">`);

  const app = Fastify({ logger: false });
  let origins: string[] = [];
  let nextWindow = 1;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_CHARS * 4 } });
  await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true });

  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);

  app.get(
    '/rpc',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const origin = request.headers.origin;
        if (!sameSecret(query.secret, secret) || !origin || !origins.includes(origin)) {
          await reply.code(403).send({ error: 'forbidden', message: 'not a Seatdesk window of this launch' });
        }
      },
    },
    (socket, request) => {
      const query = request.query as Record<string, unknown>;
      const kind = WINDOW_KINDS.includes(query.window as WindowKind) ? (query.window as WindowKind) : 'workstation';
      const connection = core.connect({ id: `tab-${nextWindow++}`, kind }, (text) => socket.send(text));
      socket.on('message', (data, isBinary) => connection.receive(isBinary ? null : data.toString()));
      socket.on('close', () => connection.close());
      socket.on('error', () => connection.close());
    },
  );

  const address = await app.listen({ host, port });
  const actualPort = new URL(address).port;
  origins = [`http://127.0.0.1:${actualPort}`, `http://localhost:${actualPort}`];
  return {
    url: `http://${host}:${actualPort}/`,
    close: () => app.close(),
  };
}
