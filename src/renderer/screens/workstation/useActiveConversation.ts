import type { ConversationSummary } from '../../../shared/domain/workstation';
import { useWorkstation } from './workstationContext';

/** The summary of the chat open in the centre, from the lists (null when none is open or it is in none). */
export function useActiveConversation(): ConversationSummary | null {
  return useWorkstation((s) => {
    if (!s.activeId) return null;
    for (const list of Object.values(s.lists)) {
      const found = list.find((c) => c.id === s.activeId);
      if (found) return found;
    }
    return null;
  });
}
