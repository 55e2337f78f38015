import { RpcError } from '../../../shared/rpc/errors';
import { verifyExportFile } from '../evidence/verifyFile';
import { newClientId } from '../ids';
import type { Workspace } from '../workspace/workspace';
import { attachmentsHandlers } from './attachmentsHandlers';
import type { Handlers } from './handlers';
import { ticketHandlers } from './ticketHandlers';
import { reviewHandlers } from './reviewHandlers';
import { monitorHandlers } from './monitorHandlers';
import { reportsHandlers } from './reportsHandlers';
import { historyHandlers } from './historyHandlers';

type CoreOwned = 'app.info' | 'session.get' | 'session.login' | 'session.logout' | 'settings.get' | 'settings.set' | 'sync.status' | 'cache.status';
export type WorkstationHandlers = Omit<Handlers, CoreOwned>;

/**
 * The workstation, history and monitor windows' methods, answered from the signed-in account's
 * workspace (its cache, outbox and searches), so they work offline too.
 */
export function workstationHandlers(workspace: () => Workspace | null): WorkstationHandlers {
  const ws = (): Workspace => {
    const current = workspace();
    if (!current) throw new RpcError('unauthenticated', 'the local cache is not open (sign in first)');
    return current;
  };
  return {
    'sync.progress': () => ws().engine.current(),
    'queues.list': () => ws().entities.queues(),
    'agents.list': () => ws().entities.agents(),
    'teams.list': () => ws().entities.all('teams'),
    'conversations.list': ({ filter, limit }) => ws().conversations.list(filter, limit),
    'conversations.get': ({ conversationId }) => ws().conversations.get(conversationId),
    'conversations.ids': ({ filter }) => ws().conversations.ids(filter),
    'conversations.summaries': ({ ids }) => ws().conversations.summaries(ids),
    'conversations.typing': ({ conversationId, typing }) => {
      ws().typing(conversationId, typing);
      return null;
    },
    'conversations.read': ({ conversationId }) => {
      ws().markRead(conversationId);
      return null;
    },
    'messages.list': ({ conversationId, before, limit }) => ws().messages.page(conversationId, limit, before),
    'customers.get': ({ customerId }) => ws().entities.customer(customerId),
    'tickets.list': (of) => ws().tickets.tickets(of),
    'followups.list': (args) => ws().tickets.openFollowups(args?.conversationId),
    'kb.search': ({ query, limit }) => ws().library.kb(query, limit),
    'canned.list': (args) => ws().library.canned(args?.query),
    'drafts.get': ({ conversationId }) => ws().drafts.get(conversationId),
    'drafts.set': ({ conversationId, text }) => ws().drafts.set(conversationId, text),
    'search.history': (args) => ws().history.search(args),
    'offers.list': () => ws().offers.list(),
    'outbox.list': () => ws().outbox.list(),
    'outbox.dismiss': ({ mutationId }) => {
      ws().outbox.dismiss(mutationId);
      return null;
    },
    'messages.send': ({ conversationId, text }) => ws().writes.message('text', conversationId, text),
    'messages.note': ({ conversationId, text }) => ws().writes.message('note', conversationId, text),
    'messages.retry': ({ messageId }) => ws().writes.retry(messageId),
    'conversations.accept': (args) => {
      const write = ws().writes.conversation('conversations.accept', args);
      ws().offers.answered(args.conversationId);
      return write;
    },
    'conversations.decline': (args) => {
      const write = ws().writes.conversation('conversations.decline', args);
      ws().offers.answered(args.conversationId);
      return write;
    },
    'conversations.resolve': (args) => ws().writes.conversation('conversations.resolve', args),
    'conversations.reopen': (args) => ws().writes.conversation('conversations.reopen', args),
    'conversations.transfer': (args) => ws().writes.conversation('conversations.transfer', args),
    'presence.set': (args) => ws().writes.plain('presence.set', args),
    'presence.get': () => ws().presence.get(),
    'unread.get': () => ws().unread.get(),
    // The core picks the new row's id so the window can find it once the server has it.
    'tickets.create': (args) => {
      const ticketId = args.ticketId ?? newClientId();
      return { ...ws().writes.plain('tickets.create', { ...args, ticketId }), ticketId };
    },
    'followups.create': (args) => {
      const followupId = args.followupId ?? newClientId();
      return { ...ws().writes.plain('followups.create', { ...args, followupId }), followupId };
    },
    'followups.complete': (args) => ws().writes.plain('followups.complete', args),
    'customers.tag': (args) => ws().writes.plain('customers.tag', args),
    'customers.setLevel': (args) => ws().writes.plain('customers.setLevel', args),
    'history.export': (args, ctx) => ws().evidence.export(args, ctx.session!, ctx.signal),
    'history.verify': ({ path }) => verifyExportFile(path),
    ...reviewHandlers(ws),
    ...monitorHandlers(ws),
    ...historyHandlers(ws),
    ...attachmentsHandlers(ws),
    ...ticketHandlers(ws),
    ...reportsHandlers(ws),
  };
}
