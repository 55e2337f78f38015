import { describe, expect, it } from 'vitest';
import type { MonitorCharts } from '../../../../shared/api/monitorCharts';
import { pickupTrendOption, resolutionsOption, waitingActiveOption } from './chartOptions';

const charts: MonitorCharts = {
  at: 3 * 1_800_000, dayStart: 0, bucketMs: 1_800_000,
  queues: [{ queueId: 'q1', name: '账号与安全', waiting: [0, 2, 1], active: [1, 1, 3], pickupRate: [null, 0.5, 2 / 3] }],
  replyIntervals: [1, 0, 0, 0, 0],
  resolutions: [{ category: 'refund', count: 2 }, { category: '', count: 1 }],
  qcPass: { agents: [], shops: [] },
};

type Series = { name: string; data: (number | null)[] }[];

describe('monitor chart options', () => {
  it('draws waiting and active per queue over the day’s buckets', () => {
    const option = waitingActiveOption(charts, { waiting: '排队', active: '进行中' }) as { series: Series; xAxis: { data: string[] } };
    expect(option.xAxis.data).toHaveLength(3);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['账号与安全 · 排队', [0, 2, 1]], ['账号与安全 · 进行中', [1, 1, 3]]]);
  });

  it('draws pickup rates as percentages with a gap where nothing was decided', () => {
    const option = pickupTrendOption(charts) as { series: Series };
    expect(option.series[0]!.data).toEqual([null, 50, 66.7]);
  });

  it('names uncategorised resolutions', () => {
    const option = resolutionsOption(charts, '未分类') as { series: { data: { name: string; value: number }[] }[] };
    expect(option.series[0]!.data).toEqual([{ name: 'refund', value: 2 }, { name: '未分类', value: 1 }]);
  });
});
