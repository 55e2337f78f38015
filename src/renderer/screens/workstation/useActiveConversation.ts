import type { ConversationSummary } from '../../../shared/domain/workstation';
import { useWorkstation } from './workstationContext';

/** The summary of the chat open in the centre (null when none is open or it is not read yet). */
export function useActiveConversation(): ConversationSummary | null {
  return useWorkstation((s) => (s.activeId ? (s.summaries[s.activeId] ?? null) : null));
}
