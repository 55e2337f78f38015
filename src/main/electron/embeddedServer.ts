import path from 'node:path';
import { startEmbeddedServer as startServer } from '../../server/embedded';
import type { RunningServer } from '../../server/app';
import type { Log } from './log';

/**
 * The demo contact-centre server started with the app; null when SEATDESK_SERVER_URL says a
 * real server is used instead (as in the browser host).
 */
export async function startEmbeddedServer(userDataDir: string, log: Log): Promise<RunningServer | null> {
  if (process.env.SEATDESK_SERVER_URL?.trim()) {
    log.info('SEATDESK_SERVER_URL is set: no embedded demo server');
    return null;
  }
  const server = await startServer(path.join(userDataDir, 'server'));
  log.info(`embedded demo server: ${server.url}`);
  return server;
}
