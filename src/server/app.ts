import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { registerAccountRoutes } from './accounts/routes';
import { ContentStore } from './attachments/contentStore';
import { registerAttachmentRoutes } from './attachments/routes';
import { AttachmentsService, DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments/service';
import { AccountsService } from './accounts/service';
import { createAccountsStore, type AccountsStore } from './accounts/store';
import { openServerDatabase } from './db/open';
import type { SqliteDatabase } from './db/sqlite';
import { CustomerLimits, DEFAULT_CUSTOMER_RATE_LIMITS, type CustomerRateLimits } from './customerChat/limits';
import { CustomerLive } from './customerChat/live';
import { agentLiveFrames } from './customerChat/liveFrames';
import { createCustomerLiveStore } from './customerChat/liveStore';
import { CsatRatings } from './customerChat/rating';
import { registerCustomerChatRoutes } from './customerChat/routes';
import type { Notify } from './dispatch/service';
import { registerCustomerRoutes } from './customers/routes';
import { loadDemoDataIfEmpty } from './demo/demoData';
import { seedDemoAccounts } from './demo/seed';
import { createDomain, type Domain } from './domain';
import { registerEscalationRoutes } from './escalation/routes';
import { registerHealthRoutes } from './health/routes';
import { registerOpenApiRoutes } from './openapi/routes';
import { installErrorHandlers } from './http/errors';
import { registerKbRoutes } from './kb/routes';
import { allowEmptyJsonBodies } from './http/jsonBody';
import { closeConnectionsWhenIdle } from './http/shutdown';
import { DEFAULT_HEARTBEAT_MS, startHeartbeat } from './realtime/heartbeat';
import { ConnectionHub } from './realtime/hub';
import { registerRealtimeRoutes } from './realtime/routes';
import { registerMutationRoutes } from './mutations/routes';
import { registerMonitorRoutes } from './monitor/routes';
import { registerAuditRoutes } from './audit/routes';
import { UnmaskedExports } from './audit/unmaskedExport';
import { registerReviewRoutes } from './reviews/routes';
import { createReviewSetReads } from './reviews/setStore';
import { mutateFrameHandler } from './mutations/ws';
import type { FrameHandler } from './realtime/frames';
import type { Scheduler } from './routing/scheduler';
import type { BotOptions } from './bot/options';
import type { AcceptMode } from './routing/types';
import type { AutoEscalatePolicy } from './sla/policy';
import { startPush } from './sync/push';
import { registerWidgetRoutes } from './widget/routes';
import { registerSyncRoutes } from './sync/routes';

export interface StartServerOptions {
  /** folder holding server.db; created if missing */
  dataDir: string;
  /** default 127.0.0.1: a centre exposes the server deliberately, never by accident */
  host?: string;
  /** 0 picks a free port (tests) */
  port?: number;
  /** create the demo accounts when the database has no users, and load the demo data set into empty domain tables */
  demo?: boolean;
  /** with demo: also load the demo data set (default true); tests turn it off and build small fixtures */
  demoData?: boolean;
  /** a customer message this long after "resolved" reopens the conversation (default 24 h) */
  reopenWindowMs?: number;
  /** epoch-ms clock; tests pass a fake to move time (session expiry, login throttle) */
  now?: () => number;
  /** fastify/pino logger options; default: warnings and errors only */
  logger?: boolean | FastifyServerOptions['logger'];
  sessionTtlMs?: number;
  /** WebSocket ping interval, default 30 s */
  heartbeatMs?: number;
  /** routing's timers (offer timeouts, disconnect grace); tests pass a FakeScheduler sharing `now` */
  scheduler?: Scheduler;
  /** how long a disconnected agent keeps their chats before they are requeued (default 60 s) */
  disconnectGraceMs?: number;
  /** escalate merchant chats to the platform automatically this long after a breach (off by default) */
  autoEscalate?: AutoEscalatePolicy;
  /** offer chats to agents who accept or decline (default), or assign them at once ('auto') */
  acceptMode?: AcceptMode;
  /** largest upload accepted by POST /api/attachments (default 10 MB) */
  maxAttachmentBytes?: number;
  /** the bot first line: confidence threshold, unhelpful turns before hand-off, time limit, provider */
  bot?: BotOptions;
  /** how long applied mutation outcomes are kept for repeats (default 30 days) */
  mutationRetentionMs?: number;
  /** anonymous customers' rate limits (default DEFAULT_CUSTOMER_RATE_LIMITS; load benchmarks raise the per-IP ones) */
  customerRateLimits?: CustomerRateLimits;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Secrets never reach the log, whatever level the operator picks. */
const REDACT = ['req.headers.authorization', 'headers.authorization', 'password', '*.password', 'token', '*.token'];

/** How often uploads nobody sent are cleared away (attachments/service.ts). */
const ATTACHMENT_SWEEP_MS = 60 * 60 * 1000;

/** WebSocket frames above this are refused (ws closes with 1009): pushes are small JSON. */
const MAX_WS_PAYLOAD = 1024 * 1024;

function loggerOptions(logger: StartServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const base = typeof logger === 'object' && logger !== null ? logger : { level: logger === true ? 'info' : 'warn' };
  return { ...base, redact: REDACT };
}

/** Wires the features onto a fastify instance that is not listening yet. */
export async function buildApp(deps: {
  db: SqliteDatabase;
  now: () => number;
  logger?: StartServerOptions['logger'];
  sessionTtlMs?: number;
  heartbeatMs?: number;
  reopenWindowMs?: number;
  scheduler?: Scheduler;
  disconnectGraceMs?: number;
  autoEscalate?: AutoEscalatePolicy;
  acceptMode?: AcceptMode;
  /** where uploaded files are kept, by content hash */
  attachmentsDir: string;
  maxAttachmentBytes?: number;
  bot?: BotOptions;
  mutationRetentionMs?: number;
  customerRateLimits?: CustomerRateLimits;
}): Promise<{ app: FastifyInstance; accounts: AccountsService; store: AccountsStore; domain: Domain }> {
  const { db, now } = deps;
  const app = Fastify({ logger: loggerOptions(deps.logger), bodyLimit: 1024 * 1024 });
  const hub = new ConnectionHub();
  const notify: Notify = (userId, frame) => {
    const text = JSON.stringify(frame);
    for (const connection of hub.forUser(userId)) connection.socket.send(text);
  };
  // The domain comes first: it creates the database's one writer with a way to report push failures.
  const domain = createDomain(db, {
    now,
    reopenWindowMs: deps.reopenWindowMs,
    reportError: (err) => app.log.error({ err }, 'commit listener failed'),
    scheduler: deps.scheduler,
    disconnectGraceMs: deps.disconnectGraceMs,
    autoEscalate: deps.autoEscalate,
    mutationRetentionMs: deps.mutationRetentionMs,
    acceptMode: deps.acceptMode,
    bot: deps.bot,
    notify,
  });
  const store = createAccountsStore(db);
  const accounts = new AccountsService({ store, now, sessionTtlMs: deps.sessionTtlMs });
  const customerLive = new CustomerLive({
    writer: domain.writer,
    store: createCustomerLiveStore(db),
    conversations: domain.conversations,
    messages: domain.messages,
    sync: domain.sync,
    notify,
    now,
  });

  // Added before the websocket plugin so it runs first on close: clients get 1001 "going away"
  // (reconnect later) instead of a bare close.
  app.addHook('preClose', async () => {
    hub.closeAll(1001, 'server_shutdown');
    customerLive.closeAll(1001, 'server_shutdown');
  });
  await app.register(websocket, { options: { maxPayload: MAX_WS_PAYLOAD } });
  installErrorHandlers(app);
  closeConnectionsWhenIdle(app);
  allowEmptyJsonBodies(app);

  registerHealthRoutes(app, { now });
  registerOpenApiRoutes(app);
  registerAccountRoutes(app, { accounts });
  registerSyncRoutes(app, { accounts, sync: domain.sync, scopes: domain.scopes });
  registerMutationRoutes(app, { accounts, mutations: domain.mutations });
  registerCustomerRoutes(app, { accounts, customers: domain.customersService, scopes: domain.scopes });
  registerCustomerChatRoutes(app, {
    chat: domain.customerChat,
    live: customerLive,
    ratings: new CsatRatings({ writer: domain.writer, conversations: domain.conversations }),
    limits: new CustomerLimits(deps.customerRateLimits ?? DEFAULT_CUSTOMER_RATE_LIMITS),
  });
  registerWidgetRoutes(app);
  registerKbRoutes(app, { accounts, scopes: domain.scopes, kb: domain.kb, editor: domain.kbEditor });
  registerEscalationRoutes(app, { chat: domain.customerChat, escalation: domain.escalation });
  registerMonitorRoutes(app, { accounts, scopes: domain.scopes, monitor: domain.monitor, now });
  registerReviewRoutes(app, { accounts, scopes: domain.scopes, sets: createReviewSetReads(db) });
  const unmaskedExports = new UnmaskedExports({
    writer: domain.writer,
    audit: domain.audit,
    sync: domain.sync,
    conversations: domain.conversations,
    customers: domain.customers,
    now,
  });
  registerAuditRoutes(app, { accounts, scopes: domain.scopes, exports: unmaskedExports });
  const attachments = new AttachmentsService({
    writer: domain.writer,
    store: domain.attachments,
    content: new ContentStore(deps.attachmentsDir),
    conversations: domain.conversations,
    sync: domain.sync,
    now,
  });
  registerAttachmentRoutes(app, {
    accounts,
    scopes: domain.scopes,
    customers: domain.customerChat,
    maxBytes: deps.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
    attachments,
  });
  const frames = new Map<string, FrameHandler>([
    ['mutate', mutateFrameHandler(domain.mutations)],
    ...agentLiveFrames(customerLive, domain.scopes),
  ]);
  registerRealtimeRoutes(app, {
    accounts,
    hub,
    now,
    frames,
    serverSeq: () => domain.sync.serverSeq(),
    onConnect: (userId) => {
      domain.routing.connected(userId);
      domain.monitor.feed.watch(userId);
      domain.queueStats.watch(userId);
    },
    onDisconnect: (userId) => {
      domain.routing.disconnected(userId);
      domain.monitor.feed.unwatch(userId);
      domain.queueStats.unwatch(userId);
    },
  });

  const stopPush = startPush({ writer: domain.writer, hub, sync: domain.sync, scopes: domain.scopes });
  const stopHeartbeat = startHeartbeat(hub, deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, now);
  const stopCustomerHeartbeat = customerLive.startHeartbeat(deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  const stopSweeping = attachments.startSweeping(ATTACHMENT_SWEEP_MS, (err) => app.log.error({ err }, 'attachment sweep failed'));
  app.addHook('onClose', async () => {
    stopHeartbeat();
    stopCustomerHeartbeat();
    stopSweeping();
    stopPush();
    domain.routing.dispose();
    domain.monitor.feed.dispose();
    domain.queueStats.dispose();
    // A bot turn still deciding would otherwise write to a closed database.
    await domain.bot.idle();
    domain.followupReminders.dispose();
    domain.mutationPruner.dispose();
    domain.sla.dispose();
  });
  return { app, accounts, store, domain };
}

/** Opens the database, seeds demo data if asked, and listens. close() stops it all. */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  return (await startServerWithInternals(opts)).server;
}

/** What in-process tests reach into (fixtures, gaining access through team changes). Not for production callers. */
export interface ServerInternals {
  domain: Domain;
  accounts: AccountsService;
  accountsStore: AccountsStore;
}

export async function startServerWithInternals(opts: StartServerOptions): Promise<{ server: RunningServer; internals: ServerInternals }> {
  const now = opts.now ?? Date.now;
  const db = openServerDatabase(opts.dataDir, now);
  let app: FastifyInstance | undefined;
  let internals: ServerInternals;
  try {
    const built = await buildApp({
      db,
      now,
      logger: opts.logger,
      sessionTtlMs: opts.sessionTtlMs,
      heartbeatMs: opts.heartbeatMs,
      reopenWindowMs: opts.reopenWindowMs,
      scheduler: opts.scheduler,
      disconnectGraceMs: opts.disconnectGraceMs,
      autoEscalate: opts.autoEscalate,
      mutationRetentionMs: opts.mutationRetentionMs,
      customerRateLimits: opts.customerRateLimits,
      acceptMode: opts.acceptMode,
      attachmentsDir: join(opts.dataDir, 'attachments'),
      maxAttachmentBytes: opts.maxAttachmentBytes,
      bot: opts.bot,
    });
    app = built.app;
    internals = { domain: built.domain, accounts: built.accounts, accountsStore: built.store };
    if (opts.demo) {
      if (opts.demoData !== false) {
        try {
          const loaded = await loadDemoDataIfEmpty(built.domain, built.store, now());
          if (loaded) app.log.info(loaded, 'loaded the demo data set');
        } catch (err) {
          // The data set is a convenience: without it the demo accounts still work. Nothing was
          // written (one transaction), so the next start tries again.
          app.log.error({ err }, 'could not load the demo data set');
        }
      }
      const created = await seedDemoAccounts(built.accounts, built.store);
      if (created.length > 0) app.log.info({ usernames: created.map((u) => u.username) }, 'created demo accounts');
    }
    await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  } catch (error) {
    await app?.close();
    db.close();
    throw error;
  }

  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const running = app;
  let closing: Promise<void> | undefined;
  const server: RunningServer = {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close() {
      closing ??= (async () => {
        await running.close();
        db.close();
      })();
      return closing;
    },
  };
  return { server, internals };
}
