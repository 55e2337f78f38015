import { z } from 'zod';
import { event, method, PUBLIC } from './define';
import { LoginArgsSchema, type SessionInfo } from '../domain/session';
import { SettingsPatchSchema, type Settings } from '../domain/settings';
import type { SyncStatus } from '../domain/sync';
import type { CacheStatus } from '../domain/cache';
import type { Agent, Shop, Team } from '../domain/org';
import type { Followup, Ticket } from '../domain/tickets';
import { IdSchema } from '../domain/ids';
import { MUTATION_ARGS } from '../api/mutations';
import type { PresenceChanged } from '../api/sync';
import {
  ReviewPrepareArgsSchema,
  ReviewRecordArgsSchema,
  type ReviewProgress,
  type ReviewQueueItem,
  type ReviewSetView,
} from '../domain/reviews';
import { AlertRulesSchema, QcListQuerySchema, type AlertRules, type MonitorAlert, type MonitorDelta, type MonitorSnapshot, type QcReviewItem } from '../api/monitor';
import type { MonitorCharts } from '../api/monitorCharts';
import { ReportsBuildArgsSchema, ReportsExportArgsSchema, type ReportsExportResult, type ReportsResult } from '../metrics/reportArgs';
import {
  HistoryExportArgsSchema,
  HistoryVerifyArgsSchema,
  type EvidenceTicket,
  type HistoryExportProgress,
  type HistoryExportResult,
  type VerifyResult,
} from '../evidence';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_LIMITS,
  type AttachmentChunk,
  ConversationFilterSchema,
  HistorySearchArgsSchema,
  type CannedHit,
  type ChangedIds,
  type ConversationSummary,
  type CustomerProfile,
  type CustomerTimeline,
  type Draft,
  type HistoryResult,
  type HistoryTranscript,
  type KbHit,
  type MessagePage,
  type MessagesChanged,
  type MessageView,
  type OfferView,
  type OutboxEntryView,
  type OutboxStatus,
  type QueueSummary,
  type QueuedWrite,
  type SyncProgress,
} from '../domain/workstation';

const none = z.object({}).strict().optional();
/** the monitor's methods: team leads and admins only */
const LEAD = { kind: 'user', roles: ['lead', 'admin'] } as const;
const byConversation = z.object({ conversationId: IdSchema }).strict();
const searchText = z.string().max(256);
/** The core picks the message id (the optimistic row keeps it), so windows send only the text. */
const messageArgs = z.object({ conversationId: IdSchema, text: MUTATION_ARGS['messages.note'].shape.text }).strict();

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'browser';
  /** the embedded demo server this launch started, if any */
  embeddedServerUrl: string | null;
}

/**
 * The one RPC contract between windows and the core. Add a method here, give the core a handler
 * and call it: there is no glue per method. Names are `feature.verb`.
 */
export const methods = {
  'app.info': method(none, PUBLIC).returns<AppInfo>(),
  'session.get': method(none, PUBLIC).returns<SessionInfo | null>(),
  'session.login': method(LoginArgsSchema, PUBLIC).returns<SessionInfo>(),
  'session.logout': method(none).returns<null>(),
  'settings.get': method(none, PUBLIC).returns<Settings>(),
  'settings.set': method(SettingsPatchSchema, PUBLIC).returns<Settings>(),
  'sync.status': method(none, PUBLIC).returns<SyncStatus>(),
  /** the current (or last) pull run, for the first-sync progress bar */
  'sync.progress': method(none).returns<SyncProgress>(),

  // Reads answer from the local cache, online or not.
  'queues.list': method(none).returns<QueueSummary[]>(),
  'agents.list': method(none).returns<Agent[]>(),
  /** the teams (departments) the user sees, e.g. to hand a new ticket to */
  'teams.list': method(none).returns<Team[]>(),
  'conversations.list': method(
    z.object({ filter: ConversationFilterSchema, limit: z.number().int().min(1).max(500).default(200) }).strict(),
  ).returns<ConversationSummary[]>(),
  'conversations.get': method(byConversation).returns<ConversationSummary>(),
  // The workstation's lists of any length: every id in order, then the summaries of the rows in view
  // (and of those a change event names) — so a change costs a few summaries, not the whole list.
  'conversations.ids': method(z.object({ filter: ConversationFilterSchema }).strict()).returns<string[]>(),
  /** in the order asked; conversations not in the cache are left out */
  'conversations.summaries': method(z.object({ ids: z.array(IdSchema).max(500) }).strict()).returns<ConversationSummary[]>(),
  /** the agent started or stopped typing: sent to the customer now if online, else dropped (never queued) */
  'conversations.typing': method(z.object({ conversationId: IdSchema, typing: z.boolean() }).strict()).returns<null>(),
  /** marks the conversation's messages read up to now (local to this workstation) */
  'conversations.read': method(byConversation).returns<null>(),
  'messages.list': method(
    z
      .object({
        conversationId: IdSchema,
        /** page backwards: messages older than this message */
        before: IdSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<MessagePage>(),
  'customers.get': method(z.object({ customerId: IdSchema }).strict()).returns<CustomerProfile>(),
  /** newest first: the tickets of one conversation, or of one customer (the customer panel) */
  'tickets.list': method(
    z
      .object({ conversationId: IdSchema.optional(), customerId: IdSchema.optional() })
      .strict()
      .refine((a) => (a.conversationId === undefined) !== (a.customerId === undefined), {
        message: 'give exactly one of conversationId and customerId',
        path: ['conversationId'],
      }),
  ).returns<Ticket[]>(),
  /** the user's follow-ups not done yet, soonest due first (of one conversation when given) */
  'followups.list': method(z.object({ conversationId: IdSchema.optional() }).strict().optional()).returns<Followup[]>(),
  'kb.search': method(z.object({ query: searchText, limit: z.number().int().min(1).max(100).default(20) }).strict()).returns<KbHit[]>(),
  'canned.list': method(z.object({ query: searchText.optional() }).strict().optional()).returns<CannedHit[]>(),
  'drafts.get': method(byConversation).returns<Draft | null>(),
  /** an empty text deletes the draft */
  'drafts.set': method(z.object({ conversationId: IdSchema, text: z.string().max(5000) }).strict()).returns<Draft | null>(),
  'search.history': method(HistorySearchArgsSchema).returns<HistoryResult>(),
  'offers.list': method(none).returns<OfferView[]>(),
  'outbox.list': method(none).returns<OutboxEntryView[]>(),
  /** forgets a failed (rejected) write once the user has seen why */
  'outbox.dismiss': method(z.object({ mutationId: IdSchema }).strict()).returns<null>(),

  // Writes go through the outbox: stored with their optimistic effect, sent when online.
  'messages.send': method(messageArgs).returns<MessageView>(),
  'messages.note': method(messageArgs).returns<MessageView>(),
  /** sends a failed message again (a new mutation for the same message) */
  'messages.retry': method(z.object({ messageId: IdSchema }).strict()).returns<MessageView>(),
  'conversations.accept': method(MUTATION_ARGS['conversations.accept']).returns<QueuedWrite>(),
  'conversations.decline': method(MUTATION_ARGS['conversations.decline']).returns<QueuedWrite>(),
  'conversations.resolve': method(MUTATION_ARGS['conversations.resolve']).returns<QueuedWrite>(),
  'conversations.reopen': method(MUTATION_ARGS['conversations.reopen']).returns<QueuedWrite>(),
  'conversations.transfer': method(MUTATION_ARGS['conversations.transfer']).returns<QueuedWrite>(),
  'presence.set': method(MUTATION_ARGS['presence.set']).returns<QueuedWrite>(),
  /** the user's presence as the server's routing holds it (null until the server has said) */
  'presence.get': method(none).returns<PresenceChanged | null>(),
  /** unread customer messages over the user's active chats (the tray, dock badge and taskbar overlay) */
  'unread.get': method(none).returns<{ total: number }>(),
  /** the core picks the ticket's id, so the window can find the ticket once the server has it */
  'tickets.create': method(MUTATION_ARGS['tickets.create']).returns<QueuedWrite & { ticketId: string }>(),
  // The ticket drawer: one ticket with its timeline, and its changes through the outbox.
  'tickets.get': method(z.object({ ticketId: IdSchema }).strict()).returns<EvidenceTicket>(),
  /** status (pending → processing → resolved → closed), priority, due time */
  'tickets.update': method(MUTATION_ARGS['tickets.update']).returns<QueuedWrite>(),
  'tickets.comment': method(MUTATION_ARGS['tickets.comment']).returns<QueuedWrite>(),
  /** to another department, with a note on the timeline */
  'tickets.transfer': method(MUTATION_ARGS['tickets.transfer']).returns<QueuedWrite>(),
  'followups.create': method(MUTATION_ARGS['followups.create']).returns<QueuedWrite & { followupId: string }>(),
  'followups.complete': method(MUTATION_ARGS['followups.complete']).returns<QueuedWrite>(),
  /** VIP / KOC and other tags on the customer */
  'customers.tag': method(MUTATION_ARGS['customers.tag']).returns<QueuedWrite>(),
  /** the customer's level (VIP / KOC / normal), which every badge shows */
  'customers.setLevel': method(MUTATION_ARGS['customers.setLevel']).returns<QueuedWrite>(),

  // Attachments: bytes cross in base64 pieces (one frame each); the core caches them by hash.
  /** a piece of an attachment from `offset`, from the core's copy or fetched once from the server */
  'attachments.read': method(z.object({ attachmentId: IdSchema, offset: z.number().int().min(0).default(0) }).strict()).returns<AttachmentChunk>(),
  /** appends a piece of a file the user is about to send (a new stage when no stageId) */
  'attachments.stage': method(
    z.object({ stageId: IdSchema.optional(), base64: z.string().max(Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4) }).strict(),
  ).returns<{ stageId: string; size: number }>(),
  /** a reply carrying staged files (and optional text), through the outbox like messages.send */
  'attachments.send': method(
    z
      .object({
        conversationId: IdSchema,
        text: z.string().max(5000).default(''),
        files: z
          .array(z.object({ stageId: IdSchema, name: z.string().trim().min(1).max(255), mime: z.enum(ATTACHMENT_LIMITS.mimes) }).strict())
          .min(1)
          .max(ATTACHMENT_LIMITS.perMessage),
      })
      .strict(),
  ).returns<MessageView>(),

  // The lead's monitor (leads and admins only): live figures from the server, interventions sent
  // straight to it (never queued: see core/monitor/monitorRelay.ts), and the QC review list.
  'monitor.snapshot': method(none, LEAD).returns<MonitorSnapshot>(),
  'monitor.charts': method(none, LEAD).returns<MonitorCharts>(),
  'monitor.alerts.get': method(none, LEAD).returns<AlertRules>(),
  'monitor.alerts.set': method(AlertRulesSchema, LEAD).returns<AlertRules>(),
  'monitor.qc.list': method(QcListQuerySchema, LEAD).returns<QcReviewItem[]>(),
  /** live conversations of the lead's cache, of one queue or agent when given: those the lead may open */
  'monitor.conversations': method(
    z.object({ queueId: IdSchema.optional(), agentId: IdSchema.optional(), limit: z.number().int().min(1).max(500).default(200) }).strict(),
    LEAD,
  ).returns<ConversationSummary[]>(),
  'monitor.whisper': method(MUTATION_ARGS['monitor.whisper'], LEAD).returns<null>(),
  'monitor.takeover': method(MUTATION_ARGS['monitor.takeover'], LEAD).returns<null>(),
  'monitor.reassign': method(MUTATION_ARGS['monitor.reassign'], LEAD).returns<null>(),
  'monitor.setCapacity': method(MUTATION_ARGS['monitor.setCapacity'], LEAD).returns<null>(),
  'monitor.setPresence': method(MUTATION_ARGS['monitor.setPresence'], LEAD).returns<null>(),
  'monitor.moveQueued': method(MUTATION_ARGS['monitor.moveQueued'], LEAD).returns<null>(),
  'qc.review': method(MUTATION_ARGS['qc.review'], LEAD).returns<null>(),

  // Reports per agent / team / shop (leads and admins): the server's online, the cache's offline.
  'reports.build': method(ReportsBuildArgsSchema, LEAD).returns<ReportsResult>(),
  /** writes CSV or XLSX into the export folder and says where */
  'reports.export': method(ReportsExportArgsSchema, LEAD).returns<ReportsExportResult>(),

  // Evidence: a tamper-evident export of cached conversations, written where the core chooses.
  'history.export': method(HistoryExportArgsSchema).returns<HistoryExportResult>(),
  'history.verify': method(HistoryVerifyArgsSchema).returns<VerifyResult>(),

  // Offline review (core/review): sets made available offline, reviewed from the cache; verdicts
  // go through the outbox. The server allows verdicts from leads (of the team) and admins only.
  'review.sets.list': method(none).returns<ReviewSetView[]>(),
  /** takes an offline set off the list (its cached rows stay); conflict while it downloads */
  'review.sets.delete': method(z.object({ setId: IdSchema }).strict()).returns<null>(),
  /** downloads the set now, pushing review.progress; answers when it is ready (or fails) */
  'review.prepare': method(ReviewPrepareArgsSchema).returns<ReviewSetView>(),
  'review.queue': method(z.object({ setId: IdSchema }).strict()).returns<ReviewQueueItem[]>(),
  'reviews.record': method(ReviewRecordArgsSchema).returns<QueuedWrite & { reviewId: string }>(),

  // History window: a conversation's whole record, a customer's timeline, the shops to filter by.
  'history.transcript': method(byConversation).returns<HistoryTranscript>(),
  'customers.timeline': method(z.object({ customerId: IdSchema }).strict()).returns<CustomerTimeline>(),
  'shops.list': method(none).returns<Shop[]>(),
  // The cache's encryption at rest: where its key is kept, and whether this sign-in found the cache
  // unreadable (moved aside, synced afresh) — for a notice in the windows.
  'cache.status': method(none).returns<CacheStatus>(),
} as const;

/** Events pushed from the core to every subscribed window. Names are `feature.changed`. */
export const events = {
  'session.changed': event<SessionInfo | null>(),
  'settings.changed': event<Settings>(),
  'sync.changed': event<SyncStatus>(),
  /** pull progress, once per applied page */
  'sync.progress': event<SyncProgress>(),
  // One event per applied batch (pull page, pushed frame, outbox ack), carrying the ids it changed.
  'conversations.changed': event<ChangedIds>(),
  'messages.changed': event<MessagesChanged>(),
  'queues.changed': event<ChangedIds>(),
  /** the offers open to this agent, whole list */
  'offers.changed': event<OfferView[]>(),
  'drafts.changed': event<Draft & { deleted: boolean }>(),
  'outbox.changed': event<OutboxStatus>(),
  /** KB articles, canned replies, customers, orders, agents and the rest that changed */
  'entities.changed': event<{ entities: string[] }>(),
  /** a history.export in progress: gathering conversations, fetching attachments, writing */
  'history.exportProgress': event<HistoryExportProgress>(),
  /** a review.prepare in progress: rows stored out of the set's size */
  'review.progress': event<ReviewProgress>(),
  /** the user's presence as the server holds it: on every connect and after every change */
  'presence.changed': event<PresenceChanged>(),
  /** the unread total of unread.get moved */
  'unread.changed': event<{ total: number }>(),
  /** one of the user's follow-ups fell due (relayed from the server's socket event) */
  'followups.due': event<Followup>(),
  /** the lead's monitor: rows that changed (relayed from the server as they come), and alerts raised / cleared */
  'monitor.changed': event<MonitorDelta>(),
  'monitor.alert': event<MonitorAlert>(),
  /** the cache of the account just signed in was started afresh (see cache.status) */
  'cache.changed': event<CacheStatus>(),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Events = typeof events;
export type EventName = keyof Events;
