import path from 'node:path';
import { utilityProcess } from 'electron';
import type { CoreChild } from '../core/process/spawnCore';

/*
 * The core in an Electron utility process: a Node process started by Electron, so the main
 * process (which runs every window's IPC) never waits on SQLite. The bundle dist/main/core.cjs
 * is built beside this file's bundle (dist/main/electron.cjs).
 */
export function forkElectronCore(): CoreChild {
  const child = utilityProcess.fork(path.join(__dirname, 'core.cjs'), [], { serviceName: 'Seatdesk core', stdio: 'inherit' });
  return {
    postMessage: (message) => child.postMessage(message),
    on: (_event, listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', listener),
    kill: () => void child.kill(),
  };
}
