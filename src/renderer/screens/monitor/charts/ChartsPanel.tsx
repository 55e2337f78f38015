import { Card, Col, Row, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorCharts } from '../../../../shared/api/monitorCharts';
import { useAppState } from '../../../app/shell';
import { useDarkMode } from '../../../theme/useDarkMode';
import { useMonitorCharts } from '../useMonitorCharts';
import { pickupTrendOption, replyIntervalsOption, resolutionsOption, waitingActiveOption } from './chartOptions';
import { EChart } from './EChart';

/** The day's charts (lazy-loaded with ECharts): waiting / active, pickup trend, reply intervals, resolutions. */
export default function ChartsPanel() {
  const charts = useMonitorCharts();
  return charts ? <Charts charts={charts} /> : <Spin data-testid="charts-loading" />;
}

function Charts({ charts }: { charts: MonitorCharts }) {
  const { t } = useTranslation();
  const dark = useDarkMode(useAppState((s) => s.settings?.theme ?? 'system'));
  const options = useMemo(
    () => ({
      waiting: waitingActiveOption(charts, { waiting: t('monitor.charts.waiting'), active: t('monitor.charts.active') }),
      pickup: pickupTrendOption(charts),
      replies: replyIntervalsOption(charts, t('monitor.charts.bins', { returnObjects: true })),
      resolutions: resolutionsOption(charts, t('monitor.charts.uncategorised')),
    }),
    [charts, t],
  );
  const card = (title: string, testId: string, option: (typeof options)[keyof typeof options]) => (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        <EChart option={option} dark={dark} testId={testId} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} data-testid="monitor-charts">
      {card(t('monitor.charts.waitingActive'), 'chart-waiting', options.waiting)}
      {card(t('monitor.charts.pickupTrend'), 'chart-pickup', options.pickup)}
      {card(t('monitor.charts.replyIntervals'), 'chart-replies', options.replies)}
      {card(t('monitor.charts.resolutions'), 'chart-resolutions', options.resolutions)}
    </Row>
  );
}
