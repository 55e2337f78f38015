import type Database from 'better-sqlite3';
import type { Message } from '../../../shared/domain/conversations';
import type { SessionInfo } from '../../../shared/domain/session';
import {
  renderEvidenceHtml,
  sealBundle,
  sha256Hex,
  toBase64,
  type EvidenceAttachment,
  type EvidenceConversation,
  type HistoryExportProgress,
  type HistoryExportResult,
  type HistoryExportArgsSchema,
  type UnsealedEvidence,
} from '../../../shared/evidence';
import { RpcError } from '../../../shared/rpc/errors';
import type { z } from 'zod';
import type { EventHub } from '../rpc/eventHub';
import type { AttachmentFetcher } from './attachmentBytes';
import { EvidenceReads } from './evidenceReads';
import { exportFolder, writeNewExport } from './exportFolder';
import { withClearContact, type UnmaskedExportAudit } from './unmaskedExport';

type ExportArgs = z.output<typeof HistoryExportArgsSchema>;

/** Roles that may reveal personal data, and so export it clear. */
const MAY_REVEAL: readonly SessionInfo['role'][] = ['lead', 'admin'];
/** Progress (and a turn for other calls) every this many conversations or files. */
const STEP = 50;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface EvidenceExporterOptions {
  db: Database.Database;
  hub: EventHub;
  serverUrl: string;
  fetchAttachment: AttachmentFetcher;
  /** the server's record of an unmasked export, and the clear contact fields it returns */
  auditUnmasked: UnmaskedExportAudit;
  now: () => number;
  /** tests pin the folder; otherwise exportFolder() at each export */
  folder?: () => string;
}

/**
 * history.export: gathers the conversations from the cache, hashes (and optionally embeds) their
 * attachments, seals the bundle (masked unless a lead or admin asked otherwise) and writes one
 * new HTML or JSON file, pushing history.exportProgress as it goes. An unmasked export is first
 * recorded in the server's audit log (who, which conversations, when), which answers the clear
 * contact fields: without that answer (offline, refused) nothing is written.
 */
export class EvidenceExporter {
  private readonly reads: EvidenceReads;

  constructor(private readonly options: EvidenceExporterOptions) {
    this.reads = new EvidenceReads(options.db);
  }

  async export(args: ExportArgs, session: SessionInfo, signal: AbortSignal): Promise<HistoryExportResult> {
    if (args.unmasked && !MAY_REVEAL.includes(session.role)) {
      throw new RpcError('forbidden', 'only a lead or an admin may export personal data unmasked');
    }
    const conversations = args.conversationIds ? this.reads.byIds(args.conversationIds) : this.reads.byFilter(args.filter!);
    if (conversations.length === 0) throw new RpcError('not_found', 'no cached conversation matches the filter');
    const clear = args.unmasked
      ? new Map((await this.options.auditUnmasked(conversations.map((c) => c.id), args.format, signal)).map((c) => [c.customerId, c]))
      : null;

    const entries: EvidenceConversation[] = [];
    const messages: Message[] = [];
    for (const [i, conversation] of conversations.entries()) {
      const entry = this.reads.entry(conversation);
      entries.push(clear ? withClearContact(entry, clear) : entry);
      messages.push(...this.reads.messages(conversation.id));
      await this.step('gathering', i + 1, conversations.length, signal);
    }
    const hashed = await this.attachments(messages, args.includeAttachments, signal);

    const agentIds = new Set([...messages.filter((m) => m.senderKind === 'agent').map((m) => m.senderId), ...conversations.map((c) => c.assigneeId)]);
    const input: UnsealedEvidence = {
      header: {
        exportedAt: this.options.now(),
        exportedBy: { userId: session.userId, username: session.username, displayName: session.displayName, role: session.role },
        masked: !args.unmasked,
        serverUrl: this.options.serverUrl,
        selection: args.conversationIds ? { conversationIds: args.conversationIds } : { filter: args.filter },
        attachmentsIncluded: args.includeAttachments,
      },
      conversations: entries,
      agents: [...agentIds]
        .filter((id): id is string => id !== null)
        .sort()
        .map((id) => ({ id, displayName: this.reads.agentName(id) ?? id })),
      messages: messages.map(({ attachments = [], ...message }) => ({ ...message, attachments: attachments.map((a) => hashed.refs.get(a.id)!) })),
      files: hashed.files,
    };
    this.progress({ phase: 'writing', done: 0, total: 1 });
    const bundle = sealBundle(input);
    const text = args.format === 'html' ? renderEvidenceHtml(bundle, args.lang) : JSON.stringify(bundle, null, 1);
    const label = conversations.length === 1 ? conversations[0]!.id : `${conversations.length}-conversations`;
    const folder = this.options.folder?.() ?? exportFolder();
    const path = await writeNewExport(folder, bundle.header.exportedAt, label, args.format, text);
    this.progress({ phase: 'done', done: 1, total: 1 });
    return { path, format: args.format, conversations: entries.length, messages: bundle.messages.length, masked: bundle.header.masked, digest: bundle.digest };
  }

  /** Every attachment's hash (null when its bytes cannot be fetched) and, when asked, its bytes. */
  private async attachments(messages: readonly Message[], include: boolean, signal: AbortSignal) {
    const all = messages.flatMap((m) => m.attachments ?? []);
    const refs = new Map<string, EvidenceAttachment>();
    const files: Record<string, string> = {};
    for (const [i, ref] of all.entries()) {
      if (refs.has(ref.id)) continue;
      const bytes = await this.options.fetchAttachment(ref.id, signal);
      refs.set(ref.id, { ...ref, sha256: bytes ? sha256Hex(bytes) : null });
      if (bytes && include) files[ref.id] = toBase64(bytes);
      await this.step('attachments', i + 1, all.length, signal);
    }
    return { refs, files };
  }

  /** Reports every STEP items (and the last), and lets other calls in between. */
  private async step(phase: HistoryExportProgress['phase'], done: number, total: number, signal: AbortSignal): Promise<void> {
    if (done % STEP !== 0 && done !== total) return;
    this.progress({ phase, done, total });
    await yieldTurn();
    if (signal.aborted) throw new RpcError('cancelled', 'the export was cancelled');
  }

  private progress(progress: HistoryExportProgress): void {
    this.options.hub.emit('history.exportProgress', progress);
  }
}
