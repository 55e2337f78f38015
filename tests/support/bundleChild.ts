import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry that a test runs as a child process (to SIGKILL it): esbuild, with
 * dependencies left external, into node_modules/.cache/seatdesk-test/<name>.mjs. Returns the path.
 */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'seatdesk-test', `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}
