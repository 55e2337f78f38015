import { describe, expect, it } from 'vitest';
import type { Followup } from '../../../shared/domain/tickets';
import { EventHub } from '../rpc/eventHub';
import { relayFollowupsDue } from './followupsDue';

const followup: Followup = { id: 'f1', conversationId: 'c1', ticketId: null, agentId: 'u1', creatorId: 'u1', dueAt: 5, note: '回电', doneAt: null, createdAt: 1 };

function relayed(frame: unknown): unknown[] {
  const hub = new EventHub();
  const seen: unknown[] = [];
  hub.subscribe('followups.due', (payload) => seen.push(payload));
  relayFollowupsDue(hub, frame);
  return seen;
}

describe('relayFollowupsDue', () => {
  it('passes the server’s followups.due on to the windows', () => {
    expect(relayed({ t: 'event', name: 'followups.due', payload: followup })).toEqual([followup]);
  });

  it('ignores other events and a follow-up missing fields', () => {
    expect(relayed({ t: 'event', name: 'offers.changed', payload: followup })).toEqual([]);
    expect(relayed({ t: 'event', name: 'followups.due', payload: { id: 'f1' } })).toEqual([]);
    expect(relayed({ t: 'rows', rows: [] })).toEqual([]);
  });
});
