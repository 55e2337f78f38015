import { maskPii } from '../text/pii';
import type { EvidenceConversation, EvidenceMessage } from './bundle';

/*
 * Masking of an export's content, applied by sealBundle whenever the header says masked, so a
 * bundle marked masked cannot carry clear personal data by mistake. Every free-text field goes
 * through maskPii (idempotent: the customer's contact fields arrive masked from the server and
 * stay as they are). Ids, enums, mime types and timestamps are not text and are left alone.
 */

const maskNullable = (text: string | null): string | null => (text === null ? null : maskPii(text));

export function maskConversation(entry: EvidenceConversation): EvidenceConversation {
  const { customer, tickets } = entry;
  return {
    ...entry,
    customer: customer && {
      ...customer,
      name: maskPii(customer.name),
      phone: maskNullable(customer.phone),
      email: maskNullable(customer.email),
      address: maskNullable(customer.address),
      tags: customer.tags.map((tag) => maskPii(tag)),
    },
    tickets: tickets.map(({ ticket, events }) => ({
      ticket: { ...ticket, title: maskPii(ticket.title), description: maskPii(ticket.description) },
      events: events.map((event) => ({ ...event, body: maskPii(event.body) })),
    })),
  };
}

export function maskMessage<M extends Pick<EvidenceMessage, 'body' | 'attachments'>>(message: M): M {
  return {
    ...message,
    body: maskPii(message.body),
    attachments: message.attachments.map((file) => ({ ...file, name: maskPii(file.name) })),
  };
}
