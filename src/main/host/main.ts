import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedServer } from '../../server/embedded';
import { DEFAULT_SERVER_URL } from '../../shared/domain/settings';
import { onPreferredPort } from '../../shared/portFallback';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { forkNodeCore } from '../core/process/nodeChild';
import { spawnCore } from '../core/process/spawnCore';
import { startHost } from './host';
import { confSettingsStore, fileSecretStore } from './stores';
import { userDataDir } from './userDataDir';
import packageJson from '../../../package.json';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.SEATDESK_PORT ?? '4710' },
      'server-url': { type: 'string', default: process.env.SEATDESK_SERVER_URL },
      'server-port': { type: 'string', default: '4700' },
      'data-dir': { type: 'string', default: userDataDir() },
    },
  });
  const dataDir = values['data-dir'];
  const serverUrl = values['server-url'];
  const embedded = serverUrl ? null : await startEmbeddedServer(join(dataDir, 'server'), Number(values['server-port']));
  const here = dirname(fileURLToPath(import.meta.url));
  // The core (and its SQLite work) runs in its own process; this one only serves the windows.
  const core = spawnCore({
    options: {
      dataDir,
      shell: 'browser',
      // the secrets file (fileSecretStore) is readable by this OS user only, not encrypted
      cacheKeyCustody: 'file',
      embeddedServerUrl: embedded?.url ?? null,
      defaultServerUrl: serverUrl ?? embedded?.url ?? DEFAULT_SERVER_URL,
      version: packageJson.version,
    },
    settings: confSettingsStore(dataDir),
    secrets: fileSecretStore(dataDir),
    fork: () => forkNodeCore(join(here, 'core.js')),
    log: { warn: (message) => console.warn(`[host] ${message}`), error: (message, error) => console.error(`[host] ${message}`, error ?? '') },
  });
  const rendererDir = join(here, '..', 'renderer');
  const host = await onPreferredPort(Number(values.port), (port) => startHost({ core, rendererDir, port }));

  if (embedded) console.log(`Seatdesk demo server: ${embedded.url} (sign in as agent / ${DEMO_PASSWORD})`);
  console.log(`Seatdesk workstation (browser mode): ${host.url}`);

  const shutdown = async () => {
    await host.close();
    await core.close();
    await embedded?.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('Seatdesk could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
