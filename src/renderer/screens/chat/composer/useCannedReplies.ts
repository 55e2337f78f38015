import { useEffect, useState } from 'react';
import type { CannedHit } from '../../../../shared/domain/workstation';
import { useShell } from '../../../app/shell';

/** All canned replies the agent may use (team and personal), read again when they change. */
export function useCannedReplies(): CannedHit[] {
  const { rpc } = useShell();
  const [replies, setReplies] = useState<CannedHit[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void rpc.canned
        .list()
        .then((all) => live && setReplies(all))
        .catch(() => undefined);
    read();
    const stop = rpc.on('entities.changed', ({ entities }) => {
      if (entities.includes('canned')) read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [rpc]);
  return replies;
}
