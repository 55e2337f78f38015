import type { MonitorCharts } from '../../../../shared/api/monitorCharts';
import type { EChartsCoreOption } from './echarts';

/** "HH:mm" of each bucket's start, in the viewer's time zone. */
export function bucketLabels(charts: MonitorCharts): string[] {
  const count = Math.max(0, ...charts.queues.map((q) => q.waiting.length));
  return Array.from({ length: count }, (_, i) => new Date(charts.dayStart + i * charts.bucketMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false }));
}

const axisTooltip = { trigger: 'axis' } as const;

/** Waiting (solid) and active (dashed) per queue over the day. */
export function waitingActiveOption(charts: MonitorCharts, labels: { waiting: string; active: string }): EChartsCoreOption {
  return {
    tooltip: axisTooltip,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 16, bottom: 24, top: 40 },
    xAxis: { type: 'category', data: bucketLabels(charts) },
    yAxis: { type: 'value', minInterval: 1 },
    series: charts.queues.flatMap((q) => [
      { type: 'line', name: `${q.name} · ${labels.waiting}`, data: q.waiting, showSymbol: false },
      { type: 'line', name: `${q.name} · ${labels.active}`, data: q.active, showSymbol: false, lineStyle: { type: 'dashed' } },
    ]),
  };
}

/** The 30-second pickup rate per queue and half hour, in percent; gaps where nothing was decided. */
export function pickupTrendOption(charts: MonitorCharts): EChartsCoreOption {
  return {
    tooltip: axisTooltip,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 16, bottom: 24, top: 40 },
    xAxis: { type: 'category', data: bucketLabels(charts) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: charts.queues.map((q) => ({
      type: 'line',
      name: q.name,
      connectNulls: false,
      data: q.pickupRate.map((r) => (r === null ? null : Math.round(r * 1000) / 10)),
    })),
  };
}

export function replyIntervalsOption(charts: MonitorCharts, bins: readonly string[]): EChartsCoreOption {
  return {
    tooltip: axisTooltip,
    grid: { left: 40, right: 16, bottom: 24, top: 16 },
    xAxis: { type: 'category', data: bins },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: charts.replyIntervals }],
  };
}

export function resolutionsOption(charts: MonitorCharts, uncategorised: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: charts.resolutions.map((r) => ({ name: r.category || uncategorised, value: r.count })) }],
  };
}
