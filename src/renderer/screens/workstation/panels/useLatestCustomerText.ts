import { useEffect, useState } from 'react';
import { useShell } from '../../../app/shell';
import { coalesce } from '../../../state/coalesce';

const LOOK_BACK = 50;

/**
 * The text of the customer's latest message in a conversation (the agent may have answered
 * since), read from the core's recent messages and again whenever they change.
 */
export function useLatestCustomerText(conversationId: string | null): string {
  const { rpc } = useShell();
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!conversationId) return;
    let live = true;
    const read = coalesce(async () => {
      const page = await rpc.messages.list({ conversationId, limit: LOOK_BACK }).catch(() => null);
      const latest = page?.messages.findLast((m) => m.senderKind === 'customer' && m.kind === 'text');
      if (live && page) setText(latest?.body ?? '');
    });
    read();
    const stop = rpc.on('messages.changed', ({ conversationIds }) => {
      if (conversationIds.includes(conversationId)) read();
    });
    return () => {
      live = false;
      read.cancel();
      stop();
    };
  }, [rpc, conversationId]);
  return text;
}
