// Builds everything the app runs: the renderer with Vite, and the Node/Electron sides with esbuild
// (one fast bundler for main, preload, host and server; no type-checking here — `npm test` does that).
import { build as esbuild } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');
const started = Date.now();

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

// Plain Node entry points: dependencies stay in node_modules (the SQLite bindings are native anyway).
const nodeEntries = [
  { in: 'src/main/host/main.ts', out: 'dist/main/host.js' },
  { in: 'src/main/core/process/main.ts', out: 'dist/main/core.js' },
  { in: 'src/main/host/verifyCli.ts', out: 'dist/main/verify.js' },
  { in: 'src/server/cli.ts', out: 'dist/server/cli.js' },
  { in: 'src/server/simulate/cli.ts', out: 'dist/server/simulate.js' },
];
// Electron loads CommonJS main/preload; ESM-only packages (electron-store, conf) are bundled in.
const electronEntries = [
  { in: 'src/main/electron/main.ts', out: 'dist/main/electron.cjs', external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'] },
  { in: 'src/main/electron/preload.ts', out: 'dist/main/preload.cjs', external: ['electron'] },
  // the core in Electron's utility process (see src/main/electron/coreProcess.ts)
  { in: 'src/main/core/process/main.ts', out: 'dist/main/core.cjs', external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'] },
];

await Promise.all([
  ...nodeEntries.map((entry) =>
    esbuild({
      ...common,
      entryPoints: [entry.in],
      outfile: entry.out,
      format: 'esm',
      packages: 'external',
      banner: { js: "import { createRequire as __seatdeskRequire } from 'node:module'; const require = __seatdeskRequire(import.meta.url);" },
    }),
  ),
  ...electronEntries.map((entry) =>
    esbuild({ ...common, entryPoints: [entry.in], outfile: entry.out, format: 'cjs', external: entry.external }),
  ),
]);

if (!nodeOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root: join(root, 'src/renderer'), configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

// The stamp tells `npm start` the whole dist/ is newer than the sources it came from.
if (!nodeOnly) {
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(join(root, 'dist/.build-stamp'), new Date().toISOString());
}
console.log(`built ${nodeOnly ? 'main, host and server' : 'renderer, main, host and server'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
