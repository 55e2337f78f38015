// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerLevel } from '../../../../shared/domain/customers';
import type { Ticket, TicketEvent } from '../../../../shared/domain/tickets';
import type { CustomerProfile } from '../../../../shared/domain/workstation';
import { settle, type FakeHandlers } from '../../../testing/fakeCore';
import { agentSession } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/renderApp';
import { until } from '../../../testing/until';
import { summary, workstationWorld } from '../../../testing/workstationWorld';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const ticket = (id: string, title: string): Ticket => ({
  id,
  conversationId: 'c1',
  customerId: 'cust-c1',
  shopId: null,
  orderId: null,
  departmentTeamId: 't1',
  title,
  description: '',
  category: '物流',
  priority: 'high',
  status: 'processing',
  assigneeId: null,
  creatorId: 'u_1',
  dueAt: null,
  createdAt: 1,
  updatedAt: 1,
  resolvedAt: null,
  closedAt: null,
});

/** The open chat's customer panel, the customer at `level`, with one ticket once synced; `extra` handlers for the ticket drawer. */
async function panel(level: CustomerLevel, extra: FakeHandlers = {}) {
  let tickets: Ticket[] = [];
  const profile: CustomerProfile = {
    customer: { id: 'cust-c1', name: '客户c1', level, tags: [], phone: null, email: null, address: null, createdAt: 1 },
    orders: [],
    conversations: [],
  };
  const { handlers } = workstationWorld({ mine: [summary('c1')] });
  view = await renderApp({
    state: { session: agentSession, sync: { state: 'online', since: 1 } },
    handlers: {
      ...handlers,
      'customers.get': () => profile,
      'tickets.list': () => tickets,
      'customers.setLevel': () => ({ mutationId: 'w1' }),
      ...extra,
    },
  });
  await until(() => expect(view!.byTestId('customer-panel')).not.toBeNull());
  return { sync: (next: Ticket[]) => (tickets = next) };
}

const levelCalls = () => view!.core.calls.filter((c) => c.method === 'customers.setLevel').map((c) => c.args);

describe('customer panel', () => {
  it('lists the customer’s tickets and shows a ticket once its row syncs', async () => {
    const { sync } = await panel('normal');
    expect(view!.byTestId('customer-panel')?.textContent).toContain('暂无工单');
    expect(view!.core.calls.find((c) => c.method === 'tickets.list')?.args).toEqual({ customerId: 'cust-c1' });
    sync([ticket('t1', '催发货')]);
    view!.core.emit('entities.changed', { entities: ['tickets'] });
    await until(() => expect(view!.byTestId('customer-ticket')?.textContent).toContain('催发货'));
    expect(view!.byTestId('customer-ticket')?.textContent).toContain('处理中');
  });

  it('marks a KOC customer VIP by level, and a press on the pressed KOC mark sets them back to normal', async () => {
    await panel('KOC');
    expect(view!.byTestId('mark-KOC')?.getAttribute('aria-pressed')).toBe('true');
    expect(view!.byTestId('mark-VIP')?.getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      view!.byTestId('mark-VIP')!.click();
      view!.byTestId('mark-KOC')!.click();
      await settle();
    });
    expect(levelCalls()).toEqual([
      { customerId: 'cust-c1', level: 'VIP' },
      { customerId: 'cust-c1', level: 'normal' },
    ]);
  });

  it('opens a ticket in the drawer with its timeline, offers only the legal next status, and queues moves and comments', async () => {
    let current: Ticket = { ...ticket('t1', '催发货'), status: 'pending' };
    const events: TicketEvent[] = [
      { id: 'e1', ticketId: 't1', kind: 'created', actorId: 'u_1', body: '', change: { type: 'created', conversationId: 'c1', departmentTeamId: 't1' }, createdAt: 1 },
    ];
    const { sync } = await panel('normal', {
      'tickets.get': () => ({ ticket: current, events }),
      'tickets.update': () => ({ mutationId: 'w2' }),
      'tickets.comment': () => ({ mutationId: 'w3' }),
      'teams.list': () => [],
      'shops.list': () => [],
    });
    sync([current]);
    view!.core.emit('entities.changed', { entities: ['tickets'] });
    await until(() => expect(view!.byTestId('customer-ticket')).not.toBeNull(), 5000);
    await act(async () => {
      view!.byTestId('customer-ticket')!.click();
      await settle();
    });
    const drawer = () => document.querySelector<HTMLElement>('[data-testid="ticket-drawer"]');
    const moves = () => [...document.querySelectorAll('[data-testid^="ticket-move-"]')].map((b) => b.getAttribute('data-testid'));
    // The drawer's first render (antd's Drawer, the timeline) is slow on a loaded machine.
    await until(() => expect(drawer()?.getAttribute('data-status')).toBe('pending'), 5000);
    expect(document.querySelectorAll('[data-testid="ticket-event"]')).toHaveLength(1);
    expect(moves()).toEqual(['ticket-move-processing']);

    await act(async () => {
      document.querySelector<HTMLElement>('[data-testid="ticket-move-processing"]')!.click();
      await settle();
    });
    const calls = (method: string) => view!.core.calls.filter((c) => c.method === method).map((c) => c.args);
    expect(calls('tickets.update')).toEqual([{ ticketId: 't1', status: 'processing' }]);
    // Nothing shows as moved until the server's row arrives.
    expect(drawer()?.getAttribute('data-status')).toBe('pending');
    current = { ...current, status: 'processing' };
    events.push({ id: 'e2', ticketId: 't1', kind: 'status', actorId: 'u_1', body: '', change: { type: 'status', from: 'pending', to: 'processing' }, createdAt: 2 });
    view!.core.emit('entities.changed', { entities: ['tickets', 'ticket_events'] });
    await until(() => expect(moves()).toEqual(['ticket-move-resolved']), 5000);
    expect(document.querySelectorAll('[data-testid="ticket-event"]')).toHaveLength(2);

    const area = document.querySelector<HTMLTextAreaElement>('[data-testid="ticket-comment"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, '  已催仓库  ');
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
    await act(async () => {
      document.querySelector<HTMLElement>('[data-testid="ticket-comment-send"]')!.click();
      await settle();
    });
    expect(calls('tickets.comment')).toEqual([{ ticketId: 't1', text: '已催仓库' }]);
    expect(area.value).toBe('');
  });
});
