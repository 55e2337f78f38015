import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { WS_CLOSE_UNAUTHENTICATED, type WsHelloSchema } from '../../shared/api/auth';
import type { AccountsService } from '../accounts/service';
import { frameType, readFrame, type FrameHandler } from './frames';
import type { ConnectionHub } from './hub';

/** Standard close codes (RFC 6455 §7.4.1). */
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_POLICY_VIOLATION = 1008;
/** Malformed frames tolerated per socket before it is closed; a few can come from a buggy client. */
const MAX_MALFORMED_FRAMES = 10;

export interface RealtimeDeps {
  accounts: AccountsService;
  hub: ConnectionHub;
  now: () => number;
  /** handlers of client → server frames by their `t` */
  frames?: ReadonlyMap<string, FrameHandler>;
  /** the newest seq at connect time: the `prev` of the first rows frame (see sync/push.ts) */
  serverSeq?: () => number;
  /** a socket of this user opened (routing: the agent is reachable again) */
  onConnect?: (userId: string) => void;
  /** the user's last socket closed (routing: the disconnect grace period starts) */
  onDisconnect?: (userId: string) => void;
}

/**
 * GET /api/ws: the push channel. The bearer token rides on the upgrade request's
 * Authorization header (never the URL, which ends up in logs). A bad token still gets the
 * upgrade, then a 4401 close, so the client can tell "sign in again" from "network down".
 */
export function registerRealtimeRoutes(app: FastifyInstance, deps: RealtimeDeps): void {
  const { accounts, hub, now, frames } = deps;

  // A signed-out token must not keep receiving pushes.
  accounts.onSessionRevoked((tokenHash) => {
    hub.closeSession(tokenHash, WS_CLOSE_UNAUTHENTICATED, 'logged_out');
  });

  app.get('/api/ws', { websocket: true }, (socket, request) => {
    const session = accounts.authenticateHeader(request.headers.authorization);
    if (!session) {
      socket.close(WS_CLOSE_UNAUTHENTICATED, 'unauthenticated');
      return;
    }

    const connection = hub.add(socket, session, deps.serverSeq?.() ?? 0);
    let malformed = 0;
    const send = (frame: object): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const userId = session.user.id;
    socket.on('close', () => {
      hub.remove(socket);
      if (hub.forUser(userId).length === 0) report(request.log, () => deps.onDisconnect?.(userId));
    });
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      connection.alive = true;
      const frame = readFrame(data, isBinary);
      if (frame.kind === 'binary') {
        socket.close(CLOSE_UNSUPPORTED_DATA, 'binary_frames_not_supported');
      } else if (frame.kind === 'malformed') {
        malformed += 1;
        request.log.debug({ malformed }, 'ignored malformed websocket frame');
        if (malformed > MAX_MALFORMED_FRAMES) socket.close(CLOSE_POLICY_VIOLATION, 'too_many_malformed_frames');
      } else {
        // Unknown frame types are ignored so older servers tolerate newer clients.
        const handler = frames?.get(frameType(frame.value) ?? '');
        if (!handler) return;
        // The heartbeat closes expired sessions only every so often; a write must not slip through meanwhile.
        if (connection.expiresAt <= now()) {
          socket.close(WS_CLOSE_UNAUTHENTICATED, 'session_expired');
          return;
        }
        try {
          handler({ userId: session.user.id, send, log: request.log }, frame.value);
        } catch (error) {
          request.log.error({ err: error }, 'websocket frame handler failed');
          send({ t: 'error', error: 'internal', message: 'internal server error' });
        }
      }
    });

    const hello: z.infer<typeof WsHelloSchema> = { t: 'hello', user: session.user, serverTime: now() };
    socket.send(JSON.stringify(hello));
    report(request.log, () => deps.onConnect?.(userId));
  });
}

/** A failing listener must not break the socket. */
function report(log: FastifyBaseLogger, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    log.error({ err: error }, 'websocket connection listener failed');
  }
}
