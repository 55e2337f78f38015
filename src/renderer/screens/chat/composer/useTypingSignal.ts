import { useEffect, useMemo } from 'react';
import { useShell } from '../../../app/shell';
import { TypingSignal } from './typingSignal';

/**
 * The composer's typing signal for one conversation, sent through the core to the customer (live,
 * never queued: offline it is dropped). Leaving the chat says "stopped".
 */
export function useTypingSignal(conversationId: string): TypingSignal {
  const { rpc } = useShell();
  const signal = useMemo(
    () => new TypingSignal((typing) => void rpc.conversations.typing({ conversationId, typing }).catch(() => undefined)),
    [rpc, conversationId],
  );
  useEffect(() => () => signal.stop(), [signal]);
  return signal;
}
