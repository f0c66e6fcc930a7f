// The saturation chart (ECharts, SVG): new codes per case as bars on the left axis, the total
// number of codes as a line on the right axis. The table on the page holds the same figures: the
// chart is described in its label, not read out.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function SaturationChart({
  label,
  categories,
  newCodes,
  cumulative,
  newName,
  cumulativeName,
}: {
  label: string;
  categories: string[];
  newCodes: number[];
  cumulative: number[];
  newName: string;
  cumulativeName: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#1d4ed8', '#b45309'],
      textStyle: { color: '#1f2937' },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 44, right: 52, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', minInterval: 1, name: newName, nameTextStyle: { align: 'left' } },
        {
          type: 'value',
          minInterval: 1,
          name: cumulativeName,
          nameTextStyle: { align: 'right' },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: newName, type: 'bar', data: newCodes, yAxisIndex: 0, barMaxWidth: 32 },
        {
          name: cumulativeName,
          type: 'line',
          data: cumulative,
          yAxisIndex: 1,
          symbol: categories.length > 40 ? 'none' : 'circle',
          lineStyle: { width: 3 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, newCodes, cumulative, newName, cumulativeName]);
  return <div ref={ref} className="kl-sat__chart" role="img" aria-label={label} />;
}
