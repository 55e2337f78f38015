import type { FastifyInstance, FastifyReply } from 'fastify';
import { WIDGET_CSP, WIDGET_CSS, WIDGET_HTML, WIDGET_JS } from './page';

/** GET /widget and its two assets: the customer chat page (src/shared/api/customerChat.ts, live.ts). */
export function registerWidgetRoutes(app: FastifyInstance): void {
  const serve = (reply: FastifyReply, type: string, body: string) =>
    reply
      .header('content-type', type)
      .header('content-security-policy', WIDGET_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(body);

  app.get('/widget', async (_request, reply) => serve(reply, 'text/html; charset=utf-8', WIDGET_HTML));
  app.get('/widget/widget.js', async (_request, reply) => serve(reply, 'text/javascript; charset=utf-8', WIDGET_JS));
  app.get('/widget/widget.css', async (_request, reply) => serve(reply, 'text/css; charset=utf-8', WIDGET_CSS));
}
