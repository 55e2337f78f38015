import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import type { CoreChild } from './spawnCore';

/**
 * Forks the core process entry (dist/main/core.js) with Node's IPC channel. `advanced`
 * serialization passes the RPC text frames as strings instead of JSON-encoding them again.
 */
export function forkNodeCore(entry: string): CoreChild & { readonly process: ChildProcess } {
  const child = fork(entry, [], { serialization: 'advanced', stdio: 'inherit', execArgv: [] });
  // Sending to a child that just died reports an 'error' event: an unhandled one would end the host.
  child.on('error', (error) => console.error('[host] core process:', error.message));
  return {
    process: child,
    postMessage(message) {
      if (child.connected) child.send(message as Serializable);
    },
    on: (_event, listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
