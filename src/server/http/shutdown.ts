import type { FastifyInstance } from 'fastify';

/** How often a closing server looks for connections that finished their last answer. */
const SWEEP_MS = 25;

/**
 * Lets close() finish as soon as the answers in flight are sent. Node's server.close() ends only
 * the connections idle at that moment; one whose request was still running becomes an idle
 * keep-alive connection right after its answer and would hold close() for the whole keep-alive
 * timeout (72 s in Fastify). While closing, answers say `Connection: close`, and idle connections
 * are ended every SWEEP_MS until the server has closed.
 */
export function closeConnectionsWhenIdle(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    const sweep = setInterval(() => app.server.closeIdleConnections(), SWEEP_MS);
    app.server.once('close', () => clearInterval(sweep));
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing && !reply.raw.headersSent) void reply.header('connection', 'close');
  });
}
