// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerLevel } from '../../../../shared/domain/customers';
import type { Ticket } from '../../../../shared/domain/tickets';
import type { CustomerProfile } from '../../../../shared/domain/workstation';
import { settle } from '../../../testing/fakeCore';
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

/** The open chat's customer panel, with `tags` on the customer and one ticket once synced. */
async function panel(level: CustomerLevel) {
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
});
