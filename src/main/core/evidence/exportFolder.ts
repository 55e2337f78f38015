import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where exports go: SEATDESK_EXPORT_DIR when set (tests, managed desktops), else a Seatdesk
 * folder in the user's Downloads, else in their home folder. The core picks the path so a
 * window can never make it write anywhere else.
 */
export function exportFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEATDESK_EXPORT_DIR) return env.SEATDESK_EXPORT_DIR;
  const downloads = join(homedir(), 'Downloads');
  return join(existsSync(downloads) ? downloads : homedir(), 'Seatdesk exports');
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * Writes a new file `seatdesk-evidence-<UTC time>-<label>[-n].<ext>` and returns its path;
 * never overwrites an earlier export.
 */
export async function writeNewExport(folder: string, at: number, label: string, ext: string, text: string): Promise<string> {
  return writeNewFile(folder, `seatdesk-evidence-${stamp(at)}-${label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`, ext, text);
}

/** Writes `<base>[-n].<ext>` in the folder, the first n that is free, and returns its path. */
export async function writeNewFile(folder: string, base: string, ext: string, content: string | Uint8Array): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (let n = 1; ; n += 1) {
    const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}.${ext}`);
    try {
      await writeFile(path, content, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
