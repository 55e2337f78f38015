import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchedHost {
  url: string;
  serverUrl: string;
  dataDir: string;
  /** what the host printed so far (for a failing test's message) */
  output(): string;
  /** ends the host; its data folder is removed unless kept (to start it again on the same data) */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** reuse a data folder (a restart); default: a fresh one */
  dataDir?: string;
  /** the embedded server's port; default: any free one */
  serverPort?: number;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Starts the built browser host (dist/main/host.js) as its own process, with the embedded demo
 * server, on free ports and a fresh data folder — the way `npm start` runs it.
 */
export async function launchHost(options: LaunchOptions = {}): Promise<LaunchedHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'seatdesk-e2e-')));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist/main/host.js'), '--port', '0', '--server-port', String(options.serverPort ?? 0), '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const urls = await new Promise<{ url: string; serverUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /browser mode\): (http\S+)/.exec(output)?.[1];
      const serverUrl = /demo server: (http\S+)/.exec(output)?.[1];
      if (url && serverUrl) {
        clearTimeout(timer);
        resolve({ url, serverUrl });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return {
    ...urls,
    dataDir,
    output: () => output,
    async stop(stopOptions = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!stopOptions.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
