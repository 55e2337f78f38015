/*
 * The core process entry (bundled to dist/main/core.js for the Node host and dist/main/core.cjs
 * for Electron's utility process). It runs the core, and so all SQLite work, away from the
 * thread that answers the windows; the host talks to it through spawnCore.
 */
import { serveCore } from './coreProcess';
import type { CorePort } from './protocol';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentPort(): CorePort {
  // Electron's utility process: the parent's port; Electron ends the process with its parent.
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) {
    return {
      postMessage: (message) => electron.postMessage(message),
      on: (_event, listener) => electron.on('message', (event) => listener(event.data)),
    };
  }
  if (!process.send) throw new Error('the core process is started by a host (child_process.fork or utilityProcess.fork)');
  // A Node host that dies closes the IPC channel: close the core cleanly and go too.
  process.once('disconnect', () => void core.shutdown().then(() => process.exit(0)));
  return {
    postMessage: (message) => {
      if (process.connected) process.send?.(message);
    },
    on: (_event, listener) => process.on('message', listener),
  };
}

// Ctrl+C in a terminal signals the whole process group: the host decides when the core closes
// (it asks, waits for the outbox and SQLite to close, then ends this process).
process.on('SIGINT', () => {});

const core = serveCore(parentPort());
