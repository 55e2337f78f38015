import type { CannedHit } from '../../../../shared/domain/workstation';
import { useCoreQuery } from '../../../state/useCoreQuery';

const NONE: CannedHit[] = [];

/** All canned replies the agent may use (team and personal), read again when they change. */
export function useCannedReplies(): CannedHit[] {
  return useCoreQuery(
    NONE,
    (rpc) => rpc.canned.list(),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.includes('canned')) again();
      }),
    ],
    [],
  );
}
