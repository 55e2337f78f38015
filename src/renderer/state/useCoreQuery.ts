import { useEffect, useState, type DependencyList } from 'react';
import type { Rpc } from '../../shared/rpc/client';
import { useShell } from '../app/shell';
import { coalesce, type Coalesced } from './coalesce';

/** `again()` reads after a short pause (bursts read once); `again.now()` reads at once, for what is being watched live. */
type Listen = (rpc: Rpc, again: Coalesced) => (() => void)[];

/**
 * Runs `read` now, again (coalesced) whenever one of the events `listen` subscribes to says
 * something it shows may have changed, and on every relink to the core; until `deps` change or
 * the component goes. `read` gets `live()`, false once its answer would land too late.
 */
export function useCoreRefresh(read: (rpc: Rpc, live: () => boolean) => Promise<void>, listen: Listen, deps: DependencyList): void {
  const { rpc } = useShell();
  useEffect(() => {
    let live = true;
    const again = coalesce(() => read(rpc, () => live), 10);
    // The first read is what the window waits for (a chat being opened): no pause before it.
    again.now();
    const stops = [
      ...listen(rpc, again),
      rpc.onLink((up) => {
        if (up) again();
      }),
    ];
    return () => {
      live = false;
      again.cancel();
      for (const stop of stops) stop();
    };
    // The caller names what the read depends on; the functions are new on every render.
  }, [rpc, ...deps]);
}

/**
 * A value read from the core and kept current (see useCoreRefresh). A failed read keeps the last
 * value: the next event or relink tries again. `query` returning null means "nothing to read"
 * (no conversation open): the value is `initial`, as it is whenever `deps` change.
 */
export function useCoreQuery<T>(initial: T, query: (rpc: Rpc) => Promise<T> | null, listen: Listen, deps: DependencyList): T {
  const [value, setValue] = useState<{ deps: DependencyList; value: T }>({ deps, value: initial });
  useCoreRefresh(
    async (rpc, live) => {
      const pending = query(rpc);
      const next = pending ? await pending.catch(() => undefined) : initial;
      if (live() && next !== undefined) setValue({ deps, value: next });
    },
    listen,
    deps,
  );
  // A value read for other deps (the previous customer) is not shown for these.
  return sameDeps(value.deps, deps) ? value.value : initial;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
