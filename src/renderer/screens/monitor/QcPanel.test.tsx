// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QcReviewItem } from '../../../shared/api/monitor';
import type { MonitorCharts } from '../../../shared/api/monitorCharts';
import { settle } from '../../testing/fakeCore';
import { renderInShell } from '../../testing/renderInShell';
import { QcPanel } from './QcPanel';

let view: Awaited<ReturnType<typeof renderInShell>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const item: QcReviewItem = {
  flag: {
    id: 'f1', conversationId: 'c1', messageId: 'm2', ruleId: 'agent.ask_secret', side: 'agent', severity: 'block', agentId: 'ag-1',
    excerpt: '密码', status: 'open', reviewedBy: null, reviewedAt: null, createdAt: 1,
  },
  context: [
    { id: 'm1', senderKind: 'customer', senderId: null, kind: 'text', body: '<b>登录不上</b>', createdAt: 1, flagged: false },
    { id: 'm2', senderKind: 'agent', senderId: 'ag-1', kind: 'text', body: '把你的密码发我', createdAt: 2, flagged: true },
  ],
};
const charts: MonitorCharts = {
  at: 3, dayStart: 0, bucketMs: 1_800_000, queues: [], replyIntervals: [0, 0, 0, 0, 0], resolutions: [],
  qcPass: { agents: [{ id: 'ag-1', name: '李小满', handled: 4, failed: 1, rate: 0.75 }], shops: [{ id: 'platform', name: 'platform', handled: 4, failed: 1, rate: 0.75 }] },
};

describe('QcPanel', () => {
  it('shows each flag with its message in context as text, sends the lead’s verdict, and the pass rates', async () => {
    const reviews: unknown[] = [];
    view = await renderInShell(<QcPanel />, {
      handlers: {
        'monitor.qc.list': () => [item],
        'monitor.charts': () => charts,
        'qc.review': (args) => {
          reviews.push(args);
          return null;
        },
      },
    });
    await act(settle);
    const flag = view.byTestId('qc-item')!;
    expect(flag.querySelector('[data-flagged="true"]')?.textContent).toContain('把你的密码发我');
    // chat text is text: the customer's markup shows as typed
    expect(flag.textContent).toContain('<b>登录不上</b>');
    expect(flag.querySelector('b')).toBeNull();
    expect(view.byTestId('qc-pass-agents')?.textContent).toContain('75.0%');
    // platform conversations are named by the window (i18n is not set up here: keys show)
    expect(view.byTestId('qc-pass-shops')?.textContent).toContain('monitor.qc.platform');
    await act(async () => {
      view!.byTestId('qc-confirm')!.click();
      await settle();
    });
    expect(reviews).toEqual([{ flagId: 'f1', verdict: 'confirmed' }]);
  });
});
