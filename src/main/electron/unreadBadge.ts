import type { CoreHandle } from '../core/process/spawnCore';
import { createMemoryTransport } from '../core/rpc/memoryTransport';
import { createRpcClient } from '../../shared/rpc/client';
import type { AppTray } from './tray';

/**
 * Drives the tray tooltip, dock badge and taskbar overlay from the core's unread total. The shell
 * has no window to count in, so it talks to the core like one (its own in-process link, never a
 * page): the total when the link opens and at each sign-in, then every unread.changed.
 */
export function watchUnread(core: CoreHandle, tray: Pick<AppTray, 'setUnread'>): () => void {
  const link = createMemoryTransport((send) => core.connect({ id: 'shell-unread', kind: 'workstation' }, send));
  const rpc = createRpcClient(link.transport);
  const read = () =>
    void rpc.unread
      .get()
      .then(({ total }) => tray.setUnread(total))
      // Signed out (no workspace): nothing is unread.
      .catch(() => tray.setUnread(0));
  const stops = [rpc.on('unread.changed', ({ total }) => tray.setUnread(total)), rpc.on('session.changed', read)];
  read();
  return () => {
    for (const stop of stops) stop();
    link.disconnect();
  };
}
