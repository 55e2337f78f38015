import { useEffect, useRef } from 'react';
import { init, type EChartsCoreOption } from './echarts';

/** One ECharts canvas following the app theme (dark uses ECharts' own dark theme) and its box's size. */
export function EChart({ option, dark, testId }: { option: EChartsCoreOption; dark: boolean; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option, dark]);

  return <div ref={box} data-testid={testId} style={{ width: '100%', height: 280 }} />;
}
