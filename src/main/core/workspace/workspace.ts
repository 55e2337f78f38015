import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { TypingFrameSchema } from '../../../shared/api/live';
import type { CacheReset } from '../../../shared/domain/cache';
import { RpcError } from '../../../shared/rpc/errors';
import type { LinkListener } from '../sync/serverLink';
import { AttachmentFiles } from '../attachments/attachmentFiles';
import { AttachmentService } from '../attachments/attachmentService';
import { httpAttachmentUploader } from '../attachments/attachmentUpload';
import { uploadBeforeSend } from '../attachments/uploadBeforeSend';
import { openAccountCache } from '../cache/accountCache';
import type { CacheKeys } from '../cache/cacheKeys';
import { RowWriter } from '../cache/rowWriter';
import { SyncStateStore } from '../cache/syncState';
import { DraftStore } from '../drafts/draftStore';
import { httpAttachmentFetcher } from '../evidence/attachmentBytes';
import { EvidenceExporter } from '../evidence/evidenceExporter';
import { httpUnmaskedExportAudit } from '../evidence/unmaskedExport';
import { newClientId } from '../ids';
import { OfferBook } from '../offers/offerBook';
import { Outbox } from '../outbox/outbox';
import { ConversationReads } from '../reads/conversationReads';
import { EntityReads } from '../reads/entityReads';
import { HistoryReads } from '../reads/historyReads';
import { LiveQueueStats } from '../reads/liveQueueStats';
import { MessageReads } from '../reads/messageReads';
import { MonitorRelay } from '../monitor/monitorRelay';
import type { EventHub } from '../rpc/eventHub';
import { OfflineReview } from '../review/offlineReview';
import { ReportsService } from '../reports/reportsService';
import { HistorySearch } from '../search/historySearch';
import { LibrarySearch } from '../search/librarySearch';
import { httpSyncApi, type SyncApi } from '../sync/syncApi';
import { SyncEngine } from '../sync/syncEngine';
import { PresenceMirror } from '../presence/presenceMirror';
import { relayFollowupsDue } from '../tickets/followupsDue';
import { UnreadTotal } from '../unread/unreadTotal';
import { TicketReads } from '../tickets/ticketReads';
import { Writes } from './writes';

export interface WorkspaceOptions {
  /** the cache file of this server + account (cacheFilePath) */
  file: string;
  /** the cache keys: the file is encrypted with its own; null keeps it plain (benchmarks that measure what encryption costs) */
  keys: CacheKeys | null;
  serverUrl: string;
  token: string;
  userId: string;
  hub: EventHub;
  isOnline: () => boolean;
  /** sends a live frame on the server link now or drops it (typing): never queued */
  sendLive?: (frame: object) => boolean;
  now?: () => number;
  /** tests swap the HTTP API */
  api?: SyncApi;
  /** where sync warnings go (console.warn by default) */
  log?: (message: string) => void;
}

/**
 * Everything the core keeps for one signed-in account: its cache file, the sync engine, the
 * outbox, the reads and searches the windows call. A new sign-in closes it and opens another.
 */
export class Workspace implements LinkListener {
  readonly db: Database.Database;
  /** set when the cache file found could not be read: it was moved aside and this one is being synced afresh */
  readonly cacheReset: CacheReset | null;
  readonly engine: SyncEngine;
  readonly outbox: Outbox;
  readonly conversations: ConversationReads;
  readonly messages: MessageReads;
  readonly entities: EntityReads;
  readonly queueStats: LiveQueueStats;
  readonly tickets: TicketReads;
  readonly drafts: DraftStore;
  readonly history: HistorySearch;
  readonly historyReads: HistoryReads;
  readonly library: LibrarySearch;
  readonly offers: OfferBook;
  readonly presence: PresenceMirror;
  readonly unread: UnreadTotal;
  readonly writes: Writes;
  readonly evidence: EvidenceExporter;
  /** offline review: sets downloaded for review, their work lists, verdicts through the outbox */
  readonly review: OfflineReview;
  /** the lead's monitor: live figures relayed from the server, interventions sent straight to it */
  readonly monitor: MonitorRelay;
  readonly attachments: AttachmentService;
  readonly reports: ReportsService;
  private readonly hub: EventHub;
  private readonly sendLive: WorkspaceOptions['sendLive'];

  constructor(options: WorkspaceOptions) {
    const now = options.now ?? Date.now;
    const { hub, userId } = options;
    this.hub = hub;
    this.sendLive = options.sendLive;
    ({ db: this.db, reset: this.cacheReset } = openAccountCache(options.file, options.keys, now()));
    const state = new SyncStateStore(this.db);
    let clientId = state.get('clientId');
    if (!clientId) state.set('clientId', (clientId = newClientId(now())));
    const writer = new RowWriter(this.db);
    const api = options.api ?? httpSyncApi(options.serverUrl, options.token);
    this.engine = new SyncEngine({ db: this.db, writer, state, hub, api, now, log: options.log });
    // Files beside the cache file, per account like the cache (cache/<key>.sqlite → cache/<key>.attachments/).
    const files = new AttachmentFiles(options.file.replace(/\.sqlite$/, '') + '.attachments');
    const prepare = uploadBeforeSend(files, httpAttachmentUploader(options.serverUrl, options.token));
    this.outbox = new Outbox({ db: this.db, writer, hub, api, clientId, isOnline: options.isOnline, now, prepare });
    this.conversations = new ConversationReads(this.db, userId, now);
    this.messages = new MessageReads(this.db);
    this.queueStats = new LiveQueueStats(hub);
    this.entities = new EntityReads(this.db, this.queueStats);
    this.tickets = new TicketReads(this.db, userId);
    this.drafts = new DraftStore(this.db, hub, now);
    this.history = new HistorySearch(this.db, now);
    this.historyReads = new HistoryReads(this.db, this.messages, this.tickets);
    this.library = new LibrarySearch(this.db);
    this.offers = new OfferBook(hub, now);
    this.presence = new PresenceMirror(hub);
    this.unread = new UnreadTotal(hub, this.conversations);
    this.writes = new Writes({ userId, outbox: this.outbox, writer, conversations: this.conversations, messages: this.messages, now });
    const fetchAttachment = httpAttachmentFetcher(options.serverUrl, options.token);
    this.monitor = new MonitorRelay({ db: this.db, serverUrl: options.serverUrl, token: options.token, hub, api, clientId, conversations: this.conversations, isOnline: options.isOnline });
    this.review = new OfflineReview({ db: this.db, writer, hub, outbox: this.outbox, userId, serverUrl: options.serverUrl, token: options.token, now, log: options.log });
    const auditUnmasked = httpUnmaskedExportAudit(options.serverUrl, options.token);
    this.evidence = new EvidenceExporter({ db: this.db, hub, serverUrl: options.serverUrl, fetchAttachment, auditUnmasked, now });
    this.attachments = new AttachmentService({ files, fetch: fetchAttachment, writes: this.writes, isOnline: options.isOnline });
    const cacheSyncedAt = () => this.engine.current().syncedAt;
    this.reports = new ReportsService({ db: this.db, serverUrl: options.serverUrl, token: options.token, isOnline: options.isOnline, cacheSyncedAt });
  }

  /** The user has read the conversation: its unread count drops in every window. */
  markRead(conversationId: string): void {
    this.conversations.markRead(conversationId);
    this.hub.emit('conversations.changed', { ids: [conversationId] });
  }

  /** Tells the customer the agent is (or stopped) typing, if the server is reachable now. */
  typing(conversationId: string, typing: boolean): void {
    if (!this.conversations.conversation(conversationId)) throw new RpcError('not_found', 'no such conversation in the local cache');
    this.sendLive?.({ t: 'typing', conversationId, typing } satisfies z.infer<typeof TypingFrameSchema>);
  }

  online(): void {
    this.engine.online();
    this.outbox.kick();
  }

  frame(frame: unknown): void {
    this.engine.frame(frame);
    this.offers.frame(frame);
    this.queueStats.frame(frame);
    this.monitor.frame(frame);
    relayFollowupsDue(this.hub, frame);
    this.presence.frame(frame);
  }

  async close(): Promise<void> {
    this.unread.stop();
    this.engine.stop();
    this.outbox.stop();
    await Promise.all([this.engine.idle(), this.outbox.idle()]);
    this.db.close();
  }
}
