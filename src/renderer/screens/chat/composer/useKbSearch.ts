import { useEffect, useState } from 'react';
import type { KbHit } from '../../../../shared/domain/workstation';
import { useShell } from '../../../app/shell';

/** KB hits for a query, searched in the core a moment after the query settles; none for an empty one. */
export function useKbSearch(query: string, limit: number): KbHit[] {
  const { rpc } = useShell();
  const [hits, setHits] = useState<KbHit[]>([]);
  useEffect(() => {
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      rpc.kb
        .search({ query: query.slice(0, 256), limit }, { signal: controller.signal })
        .then(setHits)
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [rpc, query, limit]);
  return hits;
}
