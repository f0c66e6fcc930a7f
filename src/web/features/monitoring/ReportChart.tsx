// A bar chart of report counts (ECharts, SVG). Suppressed counts are left out (a gap), never
// drawn. The table next to it holds the same figures: the chart is described, not read out.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartSeries = { name: string; kind: 'bar' | 'line'; values: (number | null)[] };

export function ReportChart({
  label,
  categories,
  series,
  isHorizontal = false,
}: {
  label: string;
  categories: string[];
  series: ChartSeries[];
  isHorizontal?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg' });
    const category = {
      type: 'category' as const,
      data: categories,
      axisLabel: { width: 150, overflow: 'truncate' as const },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      color: ['#1d4ed8', '#b45309'],
      textStyle: { color: '#1f2937' },
      legend: series.length > 1 ? { bottom: 0 } : undefined,
      grid: {
        left: isHorizontal ? 160 : 40,
        right: 24,
        top: 16,
        bottom: series.length > 1 ? 48 : 24,
      },
      xAxis: isHorizontal ? value : category,
      yAxis: isHorizontal ? category : value,
      series: series.map((s) => ({
        name: s.name,
        type: s.kind,
        data: s.values,
        label: { show: s.kind === 'bar', position: isHorizontal ? 'right' : 'top' },
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, isHorizontal]);
  return <div ref={ref} className="kl-monitoring__chart" role="img" aria-label={label} />;
}
