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
import { createCustomersStore, type CustomersStore } from './customers/store';
import type { SqliteDatabase } from './db/sqlite';
import { writerFor, type Writer } from './db/writer';
import { createKbStore, type KbWrites } from './kb/store';
import { registerMessageMutations } from './messages/mutations';
import { AgentMessages } from './messages/service';
import { createMessagesStore, type MessagesStore } from './messages/store';
import { MutationRegistry } from './mutations/registry';
import { MutationService } from './mutations/service';
import { createAppliedMutationsStore } from './mutations/store';
import { OrgService } from './org/service';
import { createOrgStore, type OrgStore } from './org/store';
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
  kb: KbWrites;
  canned: CannedWrites;
  audit: AuditStore;
  lifecycle: ConversationLifecycle;
  registry: MutationRegistry;
  mutations: MutationService;
  customerChat: CustomerChatService;
  customerSessions: CustomerSessionsStore;
}

export interface DomainOptions {
  now: () => number;
  reopenWindowMs?: number;
  /** where failures of commit listeners (push) are reported */
  reportError?: (error: unknown) => void;
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
  const conversations = createConversationsStore(db);
  const messages = createMessagesStore(db);
  const audit = createAuditStore(db);
  const access = new AccessGranter({ conversations, messages, customers, restamper });

  const lifecycle = new ConversationLifecycle({ conversations, messages, org, sync, access });
  const agentMessages = new AgentMessages({ conversations, messages, sync, lifecycle });
  const customersService = new CustomersService({ writer, customers, audit, sync, now });
  const orgService = new OrgService({ writer, org, conversations, restamper, access });

  const registry = new MutationRegistry();
  registerConversationMutations(registry, lifecycle);
  registerMessageMutations(registry, agentMessages);
  registerCustomerMutations(registry, customersService);
  const mutations = new MutationService({ writer, registry, applied: createAppliedMutationsStore(db), sync, scopes, now });

  const customerSessions = createCustomerSessionsStore(db);
  const customerChat = new CustomerChatService({
    writer,
    sessions: customerSessions,
    customers,
    conversations,
    messages,
    org,
    access,
    now,
    reopenWindowMs: options.reopenWindowMs,
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
    kb: createKbStore(db),
    canned: createCannedStore(db),
    audit,
    lifecycle,
    registry,
    mutations,
    customerChat,
    customerSessions,
  };
}
