import type { MonitorCharts } from '../../../shared/api/monitorCharts';
import { useCoreQuery } from '../../state/useCoreQuery';

/** How often the day's series are read again while shown: their buckets are half an hour wide. */
const CHARTS_REFRESH_MS = 30_000;

/**
 * The day's chart series and QC pass rates, read when shown, again every 30 s and whenever a QC
 * flag changes (a lead's verdict moves the pass rate at once). Null until the first answer.
 */
export function useMonitorCharts(): MonitorCharts | null {
  return useCoreQuery<MonitorCharts | null>(
    null,
    (rpc) => rpc.monitor.charts(),
    (rpc, again) => {
      const timer = setInterval(again, CHARTS_REFRESH_MS);
      return [
        () => clearInterval(timer),
        rpc.on('entities.changed', ({ entities }) => {
          if (entities.includes('qc_flags')) again();
        }),
      ];
    },
    [],
  );
}
