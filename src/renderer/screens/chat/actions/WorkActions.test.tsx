// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/domain/settings';
import type { Followup } from '../../../../shared/domain/tickets';
import type { ConversationSummary } from '../../../../shared/domain/workstation';
import { settle } from '../../../testing/fakeCore';
import { agentSession } from '../../../testing/fixtures';
import { withViewport } from '../../../testing/layout';
import { renderApp, typeInto } from '../../../testing/renderApp';
import { until } from '../../../testing/until';
import { summary, workstationWorld } from '../../../testing/workstationWorld';
import { fromLocalInput } from './localTime';

// The conversation list is virtualized: give it a viewport so its rows render.
withViewport(1280, 800);

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const queued = { mutationId: 'w1' };

/** The workstation on a fake core with one open chat of 王小明 about order o-1001. */
async function openChat(language: 'zh-CN' | 'en' = 'zh-CN', overrides: Partial<ConversationSummary> = {}) {
  const { handlers } = workstationWorld({ mine: [summary('c1', { orderId: 'o-1001', customer: { id: 'cust-1', name: '王小明', level: 'VIP' }, ...overrides })] });
  view = await renderApp({
    state: { session: agentSession, sync: { state: 'online', since: 1 }, settings: { ...defaultSettings(), language } },
    handlers: {
      ...handlers,
      'tickets.create': (args) => ({ ...queued, ticketId: args.ticketId ?? 't-new' }),
      'followups.create': () => ({ ...queued, followupId: 'f-new' }),
      'followups.complete': () => queued,
      'teams.list': () => [{ id: 't-after-sales', name: '售后部', kind: 'platform', shopId: null }],
    },
  });
  await until(() => expect(view!.byTestId('chat-actions')).not.toBeNull());
}

const inDialog = <T extends Element>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const inputOf = (id: string) => {
  const el = inDialog<HTMLElement>(id)!;
  return (el instanceof HTMLInputElement ? el : el.querySelector('input'))!;
};
const callsOf = (method: string) => view!.core.calls.filter((c) => c.method === method).map((c) => c.args);

async function click(el: HTMLElement | null) {
  await act(async () => {
    el!.click();
    await settle();
  });
}

function typeText(area: HTMLTextAreaElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('create ticket from the chat', () => {
  it('starts prefilled from the customer and order, needs a category, and queues the ticket with due time', async () => {
    await openChat();
    await click(view!.byTestId('chat-ticket'));
    expect(inputOf('ticket-title').value).toBe('王小明：订单 o-1001');
    expect(document.body.textContent).toContain('从会话创建工单');
    const confirm = inDialog<HTMLButtonElement>('ticket-confirm')!;
    expect(confirm.disabled).toBe(true);
    // Without a choice the department is the agent's own team (the server's default).
    expect(inDialog('ticket-department')?.textContent).toContain('我的团队');

    typeInto(inputOf('ticket-category'), '物流');
    typeInto(inputOf('ticket-due'), '2026-12-01T18:30');
    typeText(inDialog<HTMLTextAreaElement>('ticket-description')!, '客户要求加急');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(callsOf('tickets.create')).toEqual([
      {
        conversationId: 'c1',
        title: '王小明：订单 o-1001',
        category: '物流',
        priority: 'normal',
        description: '客户要求加急',
        dueAt: fromLocalInput('2026-12-01T18:30'),
      },
    ]);
  });

  it('reads in English when the agent works in English', async () => {
    await openChat('en');
    expect(view!.byTestId('chat-ticket')?.textContent).toBe('Create ticket');
    await click(view!.byTestId('chat-ticket'));
    expect(inputOf('ticket-title').value).toBe('王小明: order o-1001');
    expect(document.body.textContent).toContain('Create a ticket from this conversation');
  });
});

describe('follow-up', () => {
  it('queues a follow-up with its due time and note, and will not send without a due time', async () => {
    await openChat();
    await click(view!.byTestId('chat-followup'));
    expect(document.body.textContent).toContain('提醒我跟进');
    typeInto(inputOf('followup-due'), '');
    expect(inDialog<HTMLButtonElement>('followup-confirm')!.disabled).toBe(true);
    typeInto(inputOf('followup-due'), '2026-12-02T09:00');
    typeText(inDialog<HTMLTextAreaElement>('followup-note')!, ' 回电确认地址 ');
    await click(inDialog('followup-confirm'));
    expect(callsOf('followups.create')).toEqual([{ conversationId: 'c1', dueAt: fromLocalInput('2026-12-02T09:00'), note: '回电确认地址' }]);
  });

  it('shows a banner when the core says a follow-up is due, and Done completes it', async () => {
    await openChat('en');
    const due: Followup = { id: 'f1', conversationId: 'c1', ticketId: null, agentId: 'u_1', creatorId: 'u_1', dueAt: 1, note: 'call back about the address', doneAt: null, createdAt: 0 };
    await act(async () => {
      view!.core.emit('followups.due', due);
      await settle();
    });
    await until(() => expect(document.body.textContent).toContain('call back about the address'));
    expect(document.body.textContent).toContain('Follow-up due');
    await click(inDialog('followup-done'));
    expect(callsOf('followups.complete')).toEqual([{ followupId: 'f1' }]);
  });
});

describe('escalatable badge', () => {
  it('shows on a shop chat the customer may take to the platform, with the reason', async () => {
    await openChat('zh-CN', { shopId: 's1', escalatableAt: 5, escalationReason: 'no_reply_5m' });
    const header = view!.byTestId('chat-pane')!.querySelector('[data-testid="escalatable"]');
    expect(header?.textContent).toBe('客户可申请平台介入：商家 5 分钟未回复');
    // The list row carries the short form, the reason in its tooltip.
    const row = view!.byTestId('conversation-row')!.querySelector('[data-testid="escalatable"]');
    expect(row?.textContent).toBe('可申请介入');
    expect(row?.getAttribute('title')).toBe(header?.textContent);
  });

  it('is absent on a chat that cannot be escalated', async () => {
    await openChat('zh-CN', { shopId: 's1' });
    expect(document.querySelector('[data-testid="escalatable"]')).toBeNull();
  });
});
