import { useEffect } from 'react';
import type { CacheStatus } from '../../shared/domain/cache';
import { useShell } from '../app/shell';

/**
 * Calls `onStatus` with the core's cache status on mount and on each `cache.changed`; a change
 * announced before the first read answers wins over that read. Nothing while the core cannot say.
 */
export function useCacheStatus(onStatus: (status: CacheStatus) => void): void {
  const { rpc } = useShell();
  useEffect(() => {
    let live = true;
    let changed = false;
    rpc.cache.status().then(
      (value) => live && !changed && onStatus(value),
      () => undefined,
    );
    const off = rpc.on('cache.changed', (value) => {
      changed = true;
      onStatus(value);
    });
    return () => {
      live = false;
      off();
    };
  }, [rpc, onStatus]);
}
