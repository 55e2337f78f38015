/*
 * Packs the app with electron-builder.yml for `--linux dir` without Electron: the Electron
 * binary cannot be downloaded here, so `electronDist` points at a folder holding a stub
 * `electron` script, and nothing is rebuilt (npmRebuild needs internet) or fused (fuses are
 * flipped inside the real binary). What is checked is the layout electron-builder produces
 * from our config: the renamed executable, app.asar and what goes into it.
 *
 * It packs the real repository when `node scripts/build.mjs` has produced dist/, otherwise a
 * temporary project with the same package.json metadata, config and placeholder dist files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT_FILES = ['dist/main/electron.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'];
const STUB = '#!/bin/sh\necho "stub electron: the real binary is not available on this machine"\n';
const BUILD_TIMEOUT_MS = 180_000;

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  offset?: string;
  size?: number;
  unpacked?: boolean;
}

/** Reads an asar archive's index: a Chromium pickle holding a JSON header, then file data. */
async function openAsar(file: string) {
  const data = await readFile(file);
  const headerSize = data.readUInt32LE(4);
  const jsonSize = data.readUInt32LE(12);
  const header = JSON.parse(data.subarray(16, 16 + jsonSize).toString('utf8')) as AsarEntry;
  const base = 8 + headerSize;
  const entry = (name: string) => {
    let node: AsarEntry | undefined = header;
    for (const part of name.split('/')) node = node?.files?.[part];
    return node;
  };
  const list = (node: AsarEntry = header, prefix = ''): string[] =>
    Object.entries(node.files ?? {}).flatMap(([name, child]) =>
      child.files ? list(child, `${prefix}${name}/`) : [`${prefix}${name}`],
    );
  return {
    list: () => list(),
    entry,
    read(name: string): string {
      const node = entry(name);
      if (!node || node.offset === undefined || node.size === undefined || node.unpacked) throw new Error(`${name} is not packed`);
      const start = base + Number(node.offset);
      return data.subarray(start, start + node.size).toString('utf8');
    },
  };
}

async function makeStubElectron(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'electron'), STUB);
  await chmod(path.join(dir, 'electron'), 0o755);
}

/** A project with our package metadata and config, and placeholder build output. */
async function makeTempProject(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
  // no node_modules here, so no dependencies to collect
  const { dependencies: _d, devDependencies: _dd, scripts: _s, ...metadata } = pkg;
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(metadata, null, 2));
  await cp(path.join(REPO, 'electron-builder.yml'), path.join(dir, 'electron-builder.yml'));
  await cp(path.join(REPO, 'resources'), path.join(dir, 'resources'), { recursive: true });
  for (const file of BUILT_FILES) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), file.endsWith('.html') ? '<!doctype html><title>Seatdesk</title>\n' : '"use strict";\n');
  }
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await writeFile(path.join(dir, 'src', 'leak.ts'), 'export const source = true;\n');
}

describe('electron-builder.yml, packed for linux dir with a stub Electron', () => {
  const packsRealRepo = BUILT_FILES.every((file) => existsSync(path.join(REPO, file)));
  let work: string;
  let unpacked: string;
  let seconds: number;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'seatdesk-builder-'));
    const electronDist = path.join(work, 'electron-dist');
    await makeStubElectron(electronDist);
    const projectDir = packsRealRepo ? REPO : path.join(work, 'project');
    if (!packsRealRepo) await makeTempProject(projectDir);
    const electronVersion = (JSON.parse(await readFile(path.join(REPO, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
      .version;

    const pack = () =>
      build({
        projectDir,
        targets: Platform.LINUX.createTarget('dir'),
        publish: 'never',
        config: {
          electronDist,
          electronVersion,
          npmRebuild: false,
          // fuses are flipped inside the real Electron binary; the stub has none
          electronFuses: null,
          directories: { output: path.join(work, 'release') },
        },
      });
    const started = Date.now();
    try {
      await pack();
    } catch (error) {
      // `npm run build` replaces dist/ while it runs; a file that vanished mid-pack means try once more
      if (!packsRealRepo || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await pack();
    }
    seconds = (Date.now() - started) / 1000;
    unpacked = path.join(work, 'release', 'linux-unpacked');
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('finishes within a minute', () => {
    expect(seconds).toBeLessThan(60);
  });

  it('renames the Electron executable to the product name', () => {
    const executable = path.join(unpacked, 'seatdesk');
    expect(statSync(executable).mode & 0o111).not.toBe(0);
    expect(existsSync(path.join(unpacked, 'electron'))).toBe(false);
    expect(execFileSync(executable, { encoding: 'utf8' })).toContain('stub electron');
  });

  it('packs app.asar whose package.json starts the CommonJS main bundle', async () => {
    const asar = await openAsar(path.join(unpacked, 'resources', 'app.asar'));
    const pkg = JSON.parse(asar.read('package.json')) as { main: string; name: string; productName: string };
    expect(pkg.main).toBe('dist/main/electron.cjs');
    expect(pkg.productName).toBe('Seatdesk');
    for (const file of BUILT_FILES) expect(asar.entry(file), file).toBeDefined();
  });

  it('packs built output only: no sources, tests, configs or source maps', async () => {
    const asar = await openAsar(path.join(unpacked, 'resources', 'app.asar'));
    const own = asar.list().filter((file) => !file.startsWith('node_modules/'));
    expect(own.filter((file) => /^(src|tests|scripts|resources)\//.test(file) || file.endsWith('.ts') || file.endsWith('.map'))).toEqual([]);
    expect(own).not.toContain('electron-builder.yml');
    expect(own).not.toContain('tsconfig.json');
  });

  it('ships the icons beside the archive for the tray and notifications', () => {
    for (const icon of ['icon.png', 'tray.png', 'badge.png']) {
      expect(existsSync(path.join(unpacked, 'resources', 'resources', icon)), icon).toBe(true);
    }
  });

  // better-sqlite3 for the embedded server, its encrypting fork for the core's cache
  for (const module of ['better-sqlite3', 'better-sqlite3-multiple-ciphers']) {
    const addon = `node_modules/${module}/build/Release/better_sqlite3.node`;
    it.runIf(packsRealRepo && existsSync(path.join(REPO, addon)))(`unpacks the ${module} addon and leaves its C sources out`, async () => {
      expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', addon))).toBe(true);
      const asar = await openAsar(path.join(unpacked, 'resources', 'app.asar'));
      expect(asar.entry(addon)?.unpacked).toBe(true);
      expect(asar.list().filter((file) => file.startsWith(`node_modules/${module}/`) && /\/(deps|src)\//.test(file))).toEqual([]);
    });
  }
});
