// Runs a TypeScript benchmark: `node tests/bench/run.mjs firstSync --messages 200000`.
// esbuild bundles tests/bench/<name>.bench.ts (dependencies stay external) and node runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node tests/bench/run.mjs <name of a tests/bench/*.bench.ts, e.g. firstSync or serverLoad> [flags]');
  process.exit(2);
}
const outfile = join(root, 'node_modules', '.cache', 'seatdesk-bench', `${name}.mjs`);
await build({
  entryPoints: [join(root, 'tests', 'bench', `${name}.bench.ts`)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const { status } = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(status ?? 1);
