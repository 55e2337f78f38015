import { MessageAttachments } from './attachments/claims';
import { createAttachmentsStore, type AttachmentsStore } from './attachments/store';
import { createAuditStore, type AuditStore } from './audit/store';
import { createCannedStore, type CannedWrites } from './canned/store';
import { AccessGranter } from './conversations/access';
import { registerConversationMutations } from './conversations/mutations';
import { ConversationLifecycle } from './conversations/service';
import { createConversationsStore, type ConversationsStore } from './conversations/store';
import { CustomerChatService } from './customerChat/service';
import { createCustomerSessionsStore, type CustomerSessionsStore } from './customerChat/store';
import { registerCustomerMutations } from './customers/mutations';
import { CustomersService } from './customers/service';
import { registerRoutingMutations } from './dispatch/mutations';
import { QueueStatsFeed } from './dispatch/queueStats';
import { RoutingService, type Notify } from './dispatch/service';
import { createDispatchStore } from './dispatch/store';
import { ConversationChanges, trackConversationChanges } from './dispatch/tracking';
import { EscalationService } from './escalation/service';
import { createCustomersStore, type CustomersStore } from './customers/store';
import type { SqliteDatabase } from './db/sqlite';
import { writerFor, type Writer } from './db/writer';
import { registerKbMutations } from './kb/mutations';
import { KbService } from './kb/service';
import { createKbStore, type KbStore } from './kb/store';
import { BotFirstLine, botProvider, createBotReads, questionMatchScore, type BotOptions } from './bot';
import { registerMessageMutations } from './messages/mutations';
import { createMonitor, type Monitor } from './monitor';
import { AgentMessages } from './messages/service';
import { createMessagesStore, type MessagesStore } from './messages/store';
import { registerQcMutations } from './qc/mutations';
import { flagMessagesOnArrival } from './qc/onArrival';
import { QcReview } from './qc/service';
import { createQcStore } from './qc/store';
import { registerReviewMutations } from './reviews/mutations';
import { ConversationReviews } from './reviews/service';
import { createReviewsStore } from './reviews/store';
import { MutationRegistry } from './mutations/registry';
import { MutationService } from './mutations/service';
import { createAppliedMutationsStore } from './mutations/store';
import { AppliedMutationsPruner } from './mutations/pruning';
import { OrgService } from './org/service';
import { createOrgStore, type OrgStore } from './org/store';
import { registerFollowupMutations } from './followups/mutations';
import { FollowupReminders } from './followups/reminders';
import { FollowupService } from './followups/service';
import { createFollowupsStore } from './followups/store';
import { registerTicketMutations } from './tickets/mutations';
import { TicketAccess } from './tickets/access';
import { TicketService } from './tickets/service';
import { createTicketsStore, type TicketsStore } from './tickets/store';
import { systemScheduler, type Scheduler } from './routing/scheduler';
import type { AcceptMode } from './routing/types';
import type { AutoEscalatePolicy } from './sla/policy';
import { SlaService } from './sla/service';
import { createSlaStore } from './sla/store';
import { ScopeResolver } from './scope/resolver';
import { createScopeStore } from './scope/store';
import { createRestamper, type Restamper } from './sync/restamp';
import { SyncService } from './sync/service';
import { createSyncStore } from './sync/store';

/**
 * The composition root of the domain: stores over one database, the services on top of them,
 * and the mutation registry. HTTP and WebSocket wiring stays in app.ts. Later features
 * (routing, bot, SLA, tickets, KB, QC) add their stores and register their mutations here.
 */
export interface Domain {
  writer: Writer;
  /** re-stamping and tombstones for any synced entity */
  rows: Restamper;
  scopes: ScopeResolver;
  sync: SyncService;
  org: OrgStore;
  orgService: OrgService;
  customers: CustomersStore;
  customersService: CustomersService;
  conversations: ConversationsStore;
  messages: MessagesStore;
  kb: KbStore;
  /** answers customers in bot-first queues until it hands them to a person */
  bot: BotFirstLine;
  /** KB import and edits by leads and admins */
  kbEditor: KbService;
  canned: CannedWrites;
  audit: AuditStore;
  lifecycle: ConversationLifecycle;
  registry: MutationRegistry;
  mutations: MutationService;
  /** forgets applied mutation outcomes older than the retention; stopped on shutdown */
  mutationPruner: AppliedMutationsPruner;
  customerChat: CustomerChatService;
  customerSessions: CustomerSessionsStore;
  /** upload records; the bytes are stored by app.ts under the data folder */
  attachments: AttachmentsStore;
  routing: RoutingService;
  tickets: TicketsStore;
  /** `followups.due` timers; stopped on shutdown */
  followupReminders: FollowupReminders;
  sla: SlaService;
  escalation: EscalationService;
  /** the team-lead monitor: live figures, alerts, QC list, reports; interventions are mutations */
  monitor: Monitor;
  /** waiting count and oldest wait per queue, live to the users who serve it */
  queueStats: QueueStatsFeed;
}

export interface DomainOptions {
  now: () => number;
  /** the bot first line's knobs (threshold, unhelpful turns, provider); defaults in bot/options.ts */
  bot?: BotOptions;
  reopenWindowMs?: number;
  /** where failures of commit listeners (push) are reported */
  reportError?: (error: unknown) => void;
  /** routing's timers (offer timeouts, the disconnect grace period); tests pass a FakeScheduler */
  scheduler?: Scheduler;
  /** how long a disconnected agent keeps their chats (default: the router's) */
  disconnectGraceMs?: number;
  /** delivers live events (offers) to a user's sockets */
  notify?: Notify;
  /** offer (default: the agent accepts or declines) or auto (assigned at once), for every queue */
  acceptMode?: AcceptMode;
  /** move merchant chats to the platform by themselves this long after a breach (off by default) */
  autoEscalate?: AutoEscalatePolicy;
  /** how long applied mutation outcomes are kept for repeats (default 30 days, mutations/pruning.ts) */
  mutationRetentionMs?: number;
}

export function createDomain(db: SqliteDatabase, options: DomainOptions): Domain {
  const { now } = options;
  const writer = writerFor(db, options.reportError);
  const scopes = new ScopeResolver(createScopeStore(db));
  // First listener: a commit that changed memberships must drop cached scopes before push reads them.
  writer.onCommit(scopes.onCommit);
  const sync = new SyncService(createSyncStore(db));
  const restamper = createRestamper(db);

  const org = createOrgStore(db);
  const customers = createCustomersStore(db);
  // Routing and the SLA timers follow every committed change of a conversation, whoever made it.
  const conversationChanges = new ConversationChanges();
  const conversations = trackConversationChanges(createConversationsStore(db), conversationChanges.note);
  const qc = createQcStore(db);
  // Every customer and agent message is checked by the QC rules in the transaction that writes it.
  const messages = flagMessagesOnArrival(createMessagesStore(db), qc);
  const audit = createAuditStore(db);
  const access = new AccessGranter({ conversations, messages, customers, restamper });

  const lifecycle = new ConversationLifecycle({ conversations, messages, org, sync, access });
  const attachments = createAttachmentsStore(db);
  const messageAttachments = new MessageAttachments(attachments);
  const agentMessages = new AgentMessages({ conversations, messages, sync, lifecycle, attachments: messageAttachments });
  const customersService = new CustomersService({ writer, customers, audit, sync, now });
  const tickets = createTicketsStore(db);
  const ticketAccess = new TicketAccess({ tickets, restamper });
  const followups = createFollowupsStore(db);
  const orgService = new OrgService({ writer, org, conversations, restamper, access, tickets: ticketAccess, followups });

  const registry = new MutationRegistry();
  registerConversationMutations(registry, lifecycle);
  registerMessageMutations(registry, agentMessages);
  registerCustomerMutations(registry, customersService);
  const scheduler = options.scheduler ?? systemScheduler(now);
  const routing = new RoutingService({
    writer,
    store: createDispatchStore(db, options.acceptMode),
    conversations,
    lifecycle,
    changed: conversationChanges.follow(),
    now,
    scheduler,
    graceMs: options.disconnectGraceMs,
    notify: options.notify,
    reportError: options.reportError,
  });
  registerRoutingMutations(registry, routing);
  const queueStats = new QueueStatsFeed({
    router: routing.router,
    queues: () => routing.queues(),
    scopes,
    writer,
    now,
    scheduler,
    notify: options.notify,
    reportError: options.reportError,
  });
  const monitor = createMonitor(db, registry, {
    lifecycle,
    conversations,
    org,
    sync,
    audit,
    routing,
    scopes,
    router: routing.router,
    writer,
    now,
    scheduler,
    notify: options.notify,
    reportError: options.reportError,
  });
  registerQcMutations(registry, new QcReview({ qc, sync }));
  registerReviewMutations(registry, new ConversationReviews({ reviews: createReviewsStore(db), sync }));
  const escalation = new EscalationService({ writer, conversations, org, access, lifecycle, now });
  const sla = new SlaService({
    writer,
    store: createSlaStore(db),
    restamper,
    changed: conversationChanges.follow(),
    now,
    scheduler,
    autoEscalate: options.autoEscalate,
    escalate: (tx, conversationId, reason) => escalation.escalateByPolicy(tx, conversationId, reason),
    reportError: options.reportError,
  });
  registerTicketMutations(registry, new TicketService({ tickets, conversations, messages, org, sync, access: ticketAccess }));
  const followupReminders = new FollowupReminders({ followups, scheduler, now, notify: options.notify, reportError: options.reportError });
  registerFollowupMutations(registry, new FollowupService({ followups, conversations, tickets, sync, scopes, reminders: followupReminders }));
  const applied = createAppliedMutationsStore(db);
  const mutations = new MutationService({ writer, registry, applied, sync, scopes, now });
  const mutationPruner = new AppliedMutationsPruner({ writer, applied, scheduler, now, retentionMs: options.mutationRetentionMs, reportError: options.reportError });
  mutationPruner.start();

  const kb = createKbStore(db, restamper);
  const kbEditor = new KbService({ writer, kb, org, sync, now });
  registerKbMutations(registry, kbEditor);
  const bot = new BotFirstLine({
    writer,
    conversations,
    messages,
    kb,
    reads: createBotReads(db),
    provider: botProvider(options.bot, options.reportError),
    questionMatchScore: questionMatchScore(options.bot),
    now,
    reportError: options.reportError,
  });
  // Catch up on what the last run left: articles written before the index existed, unanswered customers.
  kb.reindexIfStale();
  bot.resume();
  const customerSessions = createCustomerSessionsStore(db);
  const customerChat = new CustomerChatService({
    writer,
    sessions: customerSessions,
    customers,
    conversations,
    messages,
    org,
    access,
    attachments: messageAttachments,
    now,
    reopenWindowMs: options.reopenWindowMs,
    bot,
  });

  return {
    writer,
    rows: restamper,
    scopes,
    sync,
    org,
    orgService,
    customers,
    customersService,
    conversations,
    messages,
    kb,
    bot,
    kbEditor,
    canned: createCannedStore(db),
    audit,
    lifecycle,
    registry,
    mutations,
    mutationPruner,
    customerChat,
    customerSessions,
    attachments,
    routing,
    tickets,
    followupReminders,
    sla,
    escalation,
    monitor,
    queueStats,
  };
}
