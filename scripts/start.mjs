// `npm start`: build what is stale, then open the Electron app, or browser mode where the
// Electron binary is not available (e.g. this Linux build machine). `--web` goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist/.build-stamp');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const sources = ['src', 'vite.config.ts', 'package.json', 'scripts/build.mjs'].map((p) => join(root, p));
  return Math.max(...sources.filter(existsSync).map(newestMtime)) > statSync(stamp).mtimeMs;
}

/**
 * The path of the Electron executable, or the reason there is none. The electron package fetches
 * its binary on first use; that runs in a child so a failed download is one line, not a stack trace.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const path = probe.stdout.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const reason = /Error: (.*)/.exec(probe.stderr)?.[1] ?? probe.stderr.trim().split('\n')[0];
  return { reason: reason || 'the electron package could not provide its binary' };
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

if (isStale()) await run(process.execPath, [join(root, 'scripts/build.mjs')]);

const electron = process.argv.includes('--web') ? { reason: 'browser mode was asked for' } : electronBinary();
if (electron.path) {
  const child = spawn(electron.path, [root], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!process.argv.includes('--web')) {
    console.log(`Electron binary not available (${electron.reason}): starting Seatdesk in browser mode.`);
  }
  // The host reads its own flags (--port, --server-url, ...); ours are not for it.
  const hostEntry = join(root, 'dist/main/host.js');
  process.argv = [process.argv[0], hostEntry, ...process.argv.slice(2).filter((arg) => arg !== '--web')];
  await import(pathToFileURL(hostEntry).href);
}
