// @vitest-environment happy-dom
import '../../../i18n';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../../shared/api/monitor';
import type { ReportsBuildArgs, ReportsExportArgs, ReportsResult } from '../../../../shared/metrics/reportArgs';
import { RpcError } from '../../../../shared/rpc/errors';
import { settle, type FakeHandlers } from '../../../testing/fakeCore';
import { agentSession } from '../../../testing/fixtures';
import { renderInShell } from '../../../testing/renderInShell';
import { until } from '../../../testing/until';
import { ReportsPanel } from './ReportsPanel';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

const row = (over: Partial<ReportRow>): ReportRow => ({
  key: 'u-1', name: '李小满', conversations: 4, pickup30Rate: 0.5, avgReplyIntervalMs: 65_000, avgFirstResponseMs: 30_000, avgResolutionMs: null,
  qcPassRate: 1, escalationRate: null, csatAvg: 4.5, csatCount: 2, appealRate: 0.25, ...over,
});

const fromCache = (args: ReportsBuildArgs): ReportsResult => ({
  groupBy: args.groupBy, from: args.from, to: args.to, source: 'cache', cacheSyncedAt: Date.UTC(2026, 10, 23, 6), serverError: null,
  rows: [row({}), row({ key: 'u-2', name: '<b>王</b>', pickup30Rate: 1 })],
});

async function open(handlers: FakeHandlers) {
  const view = await renderInShell(<ReportsPanel />, { state: { session: { ...agentSession, role: 'lead' } }, handlers });
  unmount = view.unmount;
  const click = async (element: Element | null) => {
    await act(async () => {
      (element as HTMLElement).click();
      await settle();
    });
  };
  return { ...view, click };
}

describe('ReportsPanel', () => {
  it('shows today’s rows from the cache labelled offline, formatted, names as text, and asks again by team', async () => {
    const asked: ReportsBuildArgs[] = [];
    const view = await open({ 'reports.build': (args) => (asked.push(args), fromCache(args)) });
    await until(() => expect(view.container.querySelectorAll('tr[data-row]')).toHaveLength(2));
    expect(asked[0]).toMatchObject({ groupBy: 'agent' });
    expect(asked[0]!.to! - asked[0]!.from!).toBe(24 * 3600_000);
    expect(view.byTestId('reports-source')?.dataset.source).toBe('cache');
    expect(view.byTestId('reports-source')?.textContent).toContain('离线缓存');
    const first = view.container.querySelector('tr[data-row="u-1"]')!.textContent;
    expect(first).toContain('50.0%');
    expect(first).toContain('1:05'); // 65 s reply interval
    expect(first).toContain('4.50');
    expect(view.container.querySelector('tr[data-row="u-2"] b')).toBeNull();
    expect(view.container.querySelector('tr[data-row="u-2"]')!.textContent).toContain('<b>王</b>');

    await view.click(view.byTestId('reports-group')!.querySelectorAll('.ant-segmented-item')[1]!);
    await until(() => expect(asked.at(-1)).toMatchObject({ groupBy: 'team' }));
  });

  it('exports the shown range and shows where the file went', async () => {
    const exported: ReportsExportArgs[] = [];
    const view = await open({
      'reports.build': fromCache,
      'reports.export': (args) => (exported.push(args), { path: '/home/lead/Downloads/Seatdesk exports/r.xlsx', fileName: 'r.xlsx', format: 'xlsx', source: 'cache', rows: 2 }),
    });
    await until(() => expect(view.byTestId('reports-source')).not.toBeNull());
    await view.click(view.byTestId('reports-export-xlsx'));
    await until(() => expect(view.byTestId('reports-saved-path')?.textContent).toContain('/home/lead/Downloads/Seatdesk exports/r.xlsx'));
    expect(exported).toEqual([expect.objectContaining({ groupBy: 'agent', format: 'xlsx', lang: 'zh-CN' })]);
  });

  it('says so when no report can be built', async () => {
    const view = await open({ 'reports.build': () => { throw new RpcError('forbidden', 'leads only'); } });
    await until(() => expect(view.byTestId('reports-error')).not.toBeNull());
    expect((view.byTestId('reports-export-xlsx') as HTMLButtonElement).disabled).toBe(true);
  });
});
