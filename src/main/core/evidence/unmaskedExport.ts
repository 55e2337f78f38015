import { UnmaskedExportResponseSchema, type ClearContact } from '../../../shared/api/exportAudit';
import type { EvidenceConversation } from '../../../shared/evidence';
import { requestJson } from '../session/serverApi';

/**
 * Asks the server to record an unmasked export of these conversations in its audit log and to
 * hand over the clear contact fields it needs. Fails (offline, forbidden, not found) rather than
 * answering without the audit row: the exporter then writes nothing.
 */
export type UnmaskedExportAudit = (conversationIds: string[], format: 'html' | 'json', signal: AbortSignal) => Promise<ClearContact[]>;

export function httpUnmaskedExportAudit(serverUrl: string, token: string): UnmaskedExportAudit {
  return async (conversationIds, format, signal) =>
    (await requestJson(serverUrl, '/api/history/exports/unmasked', UnmaskedExportResponseSchema, { method: 'POST', token, body: { conversationIds, format }, signal }))
      .customers;
}

/** The export entry with its customer's contact fields in clear, as the server returned them. */
export function withClearContact(entry: EvidenceConversation, clear: ReadonlyMap<string, ClearContact>): EvidenceConversation {
  const contact = entry.customer ? clear.get(entry.customer.id) : undefined;
  if (!entry.customer || !contact) return entry;
  return { ...entry, customer: { ...entry.customer, phone: contact.phone, email: contact.email, address: contact.address } };
}
