import path from 'node:path';
import { app } from 'electron';

/*
 * Where the built pieces live. This file only runs inside the CommonJS main bundle
 * (dist/main/electron.cjs), so __dirname is dist/main; the preload is built beside it and the
 * renderer to dist/renderer. Resolving from the bundle (not app.getAppPath()) keeps the paths
 * right however Electron was started.
 */
export function rendererDir(): string {
  return path.join(__dirname, '..', 'renderer');
}

export function preloadPath(): string {
  return path.join(__dirname, 'preload.cjs');
}

/** resources/ of the repo in development; copied beside app.asar (extraResources) when packaged. */
export function resourcePath(name: string): string {
  const base = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(__dirname, '..', '..', 'resources');
  return path.join(base, name);
}
