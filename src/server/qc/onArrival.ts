import type { QcFlagSeverity } from '../../shared/domain/qc';
import { DEFAULT_QC_RULES, evaluateQc, type QcRule, type QcSeverity } from '../../shared/text';
import { newId } from '../ids';
import type { MessagesStore, NewMessage } from '../messages/store';
import { qcExcerpt } from './excerpt';
import type { QcStore } from './store';

const SEVERITY: Record<QcSeverity, QcFlagSeverity> = { info: 'info', warning: 'warn', critical: 'block' };

/**
 * Wraps the messages store so every customer or agent text message is checked against the QC
 * keyword rules as it is written: each rule it matches becomes one qc_flags row in the same
 * transaction, so a message never exists without its flags (and a rolled-back message leaves
 * none). Whoever writes the message (the customer side, an agent's reply, an import) is covered.
 * Notes, bot answers and system lines are not checked: the customer never sees them.
 */
export function flagMessagesOnArrival(messages: MessagesStore, qc: QcStore, rules: readonly QcRule[] = DEFAULT_QC_RULES): MessagesStore {
  return {
    ...messages,
    insertMessage(tx, message) {
      messages.insertMessage(tx, message);
      const side = sideOf(message);
      if (!side) return;
      const seen = new Set<string>();
      for (const hit of evaluateQc(message.body, side, rules)) {
        // One flag per rule and message: the first hit shows what matched.
        if (seen.has(hit.ruleId)) continue;
        seen.add(hit.ruleId);
        qc.insertFlag(tx, {
          id: newId(message.createdAt),
          conversationId: message.conversationId,
          messageId: message.id,
          ruleId: hit.ruleId,
          side,
          severity: SEVERITY[hit.severity],
          agentId: side === 'agent' ? message.senderId : null,
          excerpt: qcExcerpt(message.body, hit.start, hit.end),
          createdAt: message.createdAt,
        });
      }
    },
  };
}

function sideOf(message: NewMessage): 'customer' | 'agent' | null {
  if (message.kind !== 'text') return null;
  if (message.senderKind === 'customer') return 'customer';
  return message.senderKind === 'agent' ? 'agent' : null;
}
