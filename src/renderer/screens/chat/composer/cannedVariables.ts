import type { ConversationSummary } from '../../../../shared/domain/workstation';

/** What a canned reply's {{…}} placeholders are filled from: the conversation and the signed-in agent. */
export interface CannedContext {
  customerName: string | null;
  orderId: string | null;
  agentName: string;
}

const PLACEHOLDER = /\{\{\s*(customer\.name|order\.id|agent\.name)\s*\}\}/g;

/**
 * The body with its variables filled. A variable the conversation has no value for (no order)
 * is left as written, so the agent sees the gap before sending instead of an empty hole.
 */
export function fillCannedVariables(body: string, context: CannedContext): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = name === 'customer.name' ? context.customerName : name === 'order.id' ? context.orderId : context.agentName;
    return value ?? whole;
  });
}

/** True when a placeholder is still in the text (the guard warns before it goes out). */
export function hasUnfilledVariable(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** The variables of a canned reply, from this conversation and the signed-in agent. */
export function cannedContext(conversation: Pick<ConversationSummary, 'customer' | 'orderId'>, agentName: string): CannedContext {
  return { customerName: conversation.customer?.name ?? null, orderId: conversation.orderId, agentName };
}
