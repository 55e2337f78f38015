import { DEFAULT_SERVER_URL } from '../shared/domain/settings';
import { onPreferredPort } from '../shared/portFallback';
import { startServer, type RunningServer } from './app';

const DEFAULT_PORT = Number(new URL(DEFAULT_SERVER_URL).port);

/**
 * The demo server a workstation launch starts for itself (both shells use it), so a fresh
 * install works on its own. It takes the usual port when free, so saved settings keep working
 * across launches, and any free port otherwise: a busy port is no reason to fail a start.
 */
export async function startEmbeddedServer(dataDir: string, port = DEFAULT_PORT): Promise<RunningServer> {
  return onPreferredPort(port, (free) => startServer({ dataDir, port: free, demo: true }));
}
