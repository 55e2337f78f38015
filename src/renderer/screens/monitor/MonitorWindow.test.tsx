// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MonitorSnapshot, QueueFigures } from '../../../shared/api/monitor';
import { settle } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { withViewport } from '../../testing/layout';
import { renderApp } from '../../testing/renderApp';

// the live tables render the rows in view: happy-dom lays nothing out
withViewport(1440, 900, 41);

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const none = { met: 0, decided: 0, rate: null };
const queue = (over: Partial<QueueFigures> = {}): QueueFigures => ({
  queueId: 'q-account', name: '账号与安全', kind: 'platform', shopId: null, waiting: 0, oldestQueuedAt: null, active: 1,
  pickup30: { last15m: { met: 3, decided: 4, rate: 0.75 }, today: none }, merchant: null, escalatedToday: 0, ...over,
});
const snapshot: MonitorSnapshot = {
  at: 1_000,
  queues: [queue()],
  agents: [{ agentId: 'ag-1', name: '李小满', presence: 'online', presenceSince: 0, active: 1, capacity: 6, avgReplyIntervalMs: 65_000, avgFirstResponseMs: null, resolvedToday: 2, openQcFlags: 1 }],
  alerts: [],
};
const online = { state: 'online' as const, since: 1 };

async function monitorAs(role: 'lead' | 'agent') {
  view = await renderApp({ route: { kind: 'monitor' }, state: { session: { ...agentSession, role }, sync: online }, handlers: { 'monitor.snapshot': () => snapshot } });
  await act(settle);
  return view;
}

const row = (id: string) => view!.container.querySelector<HTMLElement>(`[data-row-key="${id}"]`);

describe('MonitorWindow', () => {
  it('shows the queue and agent figures and follows the relayed deltas', async () => {
    const { core } = await monitorAs('lead');
    expect(row('q-account')?.dataset.waiting).toBe('0');
    expect(row('q-account')?.textContent).toContain('75.0%');
    expect(row('ag-1')?.textContent).toContain('1 / 6');
    expect(row('ag-1')?.textContent).toContain('1:05');
    await act(async () => {
      core.emit('monitor.changed', { at: 2_000, queues: [queue({ waiting: 3, oldestQueuedAt: Date.now() - 40_000 })], agents: [], removedQueueIds: [], removedAgentIds: [] });
      await settle();
    });
    expect(row('q-account')?.dataset.waiting).toBe('3');
    // the longest wait, from the oldest queued time and the window's clock: the clock ticks each
    // second (a slow machine can leave the last tick older), so the next tick shows 40 s or a little more
    await vi.waitFor(() => expect(row('q-account')?.textContent).toMatch(/0:4[0-5]/), { timeout: 5_000 });
  });

  it('shows a changed agent’s figures beside the unchanged rows, and every row’s words follow the language', async () => {
    const { core, byTestId } = await monitorAs('lead');
    const other = { ...snapshot.agents[0]!, agentId: 'ag-2', name: '王大力', active: 0 };
    await act(async () => {
      core.emit('monitor.changed', { at: 2_000, queues: [], agents: [other], removedQueueIds: [], removedAgentIds: [] });
      await settle();
    });
    await act(async () => {
      core.emit('monitor.changed', { at: 3_000, queues: [], agents: [{ ...other, active: 2, presence: 'busy' }], removedQueueIds: [], removedAgentIds: [] });
      await settle();
    });
    expect(row('ag-2')?.textContent).toContain('2 / 6');
    expect(row('ag-2')?.querySelector('[data-testid="agent-presence"]')?.textContent).toBe('忙碌');
    expect(row('ag-1')?.textContent).toContain('1 / 6');
    const english = [...byTestId('lang-switch')!.querySelectorAll('label')].find((l) => l.textContent === 'English');
    await act(async () => {
      english!.click();
      await settle();
    });
    expect(row('ag-1')?.querySelector('[data-testid="agent-presence"]')?.textContent).toBe('Online');
    expect(row('ag-1')?.querySelector('[data-testid="agent-chats"]')?.textContent).toBe('Chats');
    expect(row('q-account')?.querySelector('[data-testid="queue-chats"]')?.textContent).toBe('Chats');
  });

  it('raises a banner naming the queue, whose link points at its row, and drops it when cleared', async () => {
    const { core, byTestId } = await monitorAs('lead');
    const alert = { kind: 'waiting_over' as const, queueId: 'q-account', agentId: null, value: 3, threshold: 2, at: 2_000 };
    await act(async () => {
      core.emit('monitor.alert', { ...alert, state: 'raised' });
      await settle();
    });
    expect(byTestId('monitor-alert')?.textContent).toContain('账号与安全：排队 3 人，超过 2');
    await act(async () => {
      byTestId('monitor-alert')!.querySelector('button')!.click();
      await settle();
    });
    expect(row('q-account')?.dataset.focused).toBe('true');
    await act(async () => {
      core.emit('monitor.alert', { ...alert, state: 'cleared', at: 3_000 });
      await settle();
    });
    expect(byTestId('monitor-alert')).toBeNull();
  });

  it('gives an agent the 403 view without asking the core for figures', async () => {
    const { core, byTestId } = await monitorAs('agent');
    expect(byTestId('monitor-forbidden')).not.toBeNull();
    expect(core.calls.some((c) => c.method === 'monitor.snapshot')).toBe(false);
  });
});
