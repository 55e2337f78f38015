import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { startServer } from '../../server/app';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { startHost } from './host';
import { confSettingsStore, fileSecretStore } from './stores';
import { userDataDir } from './userDataDir';
import packageJson from '../../../package.json';

/** Tries the preferred port first; a busy port is no reason to fail a start, so fall back to any free one. */
async function onPreferredPort<T>(preferred: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(preferred);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || preferred === 0) throw error;
    return start(0);
  }
}

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
  let embedded: Awaited<ReturnType<typeof startServer>> | null = null;
  if (!values['server-url']) {
    embedded = await onPreferredPort(Number(values['server-port']), (port) =>
      startServer({ dataDir: join(dataDir, 'server'), port, demo: true }),
    );
  }
  const core = createCore({
    dataDir,
    settings: confSettingsStore(dataDir),
    secrets: fileSecretStore(dataDir),
    shell: 'browser',
    embeddedServerUrl: embedded?.url ?? null,
    version: packageJson.version,
  });
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
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
