import type { ClientTransport } from '../../../shared/rpc/protocol';
import type { RpcConnection } from './connection';

/**
 * The in-memory transport: a window and the core in one process, used by tests. Frames still
 * cross as text, asynchronously, exactly as they would over IPC or a socket.
 * `open` creates the core end, e.g. `(send) => core.connect(window, send)`.
 */
export function createMemoryTransport(open: (send: (text: string) => void) => RpcConnection): {
  transport: ClientTransport;
  disconnect(): void;
} {
  let receiver: (text: string) => void = () => {};
  const linkListeners: ((up: boolean) => void)[] = [];
  const connection = open((text) => queueMicrotask(() => receiver(text)));
  let up = true;
  return {
    transport: {
      send: (text) => {
        if (up) queueMicrotask(() => connection.receive(text));
      },
      onFrame: (next) => {
        receiver = next;
      },
      onLink: (listener) => {
        linkListeners.push(listener);
      },
    },
    disconnect() {
      up = false;
      connection.close();
      for (const listener of linkListeners) listener(false);
    },
  };
}
