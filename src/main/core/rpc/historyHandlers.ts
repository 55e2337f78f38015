import type { Workspace } from '../workspace/workspace';
import type { WorkstationHandlers } from './workstationHandlers';

type HistoryMethods = Pick<WorkstationHandlers, 'history.transcript' | 'customers.timeline' | 'shops.list'>;

/** The history window's reads, from the signed-in account's cache (so they answer offline). */
export function historyHandlers(ws: () => Workspace): HistoryMethods {
  return {
    'history.transcript': ({ conversationId }) => ws().historyReads.transcript(conversationId),
    'customers.timeline': ({ customerId }) => ws().historyReads.timeline(customerId),
    'shops.list': () => ws().entities.all('shops'),
  };
}
