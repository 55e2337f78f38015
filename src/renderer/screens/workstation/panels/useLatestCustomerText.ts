import { useCoreQuery } from '../../../state/useCoreQuery';

const LOOK_BACK = 50;

/**
 * The text of the customer's latest message in a conversation (the agent may have answered
 * since), read from the core's recent messages and again whenever they change.
 */
export function useLatestCustomerText(conversationId: string | null): string {
  return useCoreQuery(
    '',
    (rpc) =>
      conversationId
        ? rpc.messages
            .list({ conversationId, limit: LOOK_BACK })
            .then((page) => page.messages.findLast((m) => m.senderKind === 'customer' && m.kind === 'text')?.body ?? '')
        : null,
    (rpc, again) => [
      rpc.on('messages.changed', ({ conversationIds }) => {
        if (conversationId && conversationIds.includes(conversationId)) again();
      }),
    ],
    [conversationId],
  );
}
