// The samenhang graph: recommendations as nodes coloured by stakeholder group (with a legend),
// links as lines. ECharts' graph series with a force layout, drawn as SVG; only the parts used
// are imported from echarts/core, and this file is loaded only when the view is opened. The
// picture is described to screen readers; the list beside it (SamenhangList) says the same in
// words.
import { useEffect, useRef } from 'react';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type {
  RecommendationSummary,
  SamenhangLink,
} from '../../../shared/contract/recommendations';
import { groupColour } from './labels';

echarts.use([GraphChart, LegendComponent, TooltipComponent, SVGRenderer]);

export function SamenhangGraph({
  label,
  items,
  links,
  groups,
  onOpen,
}: {
  label: string;
  items: RecommendationSummary[];
  links: SamenhangLink[];
  groups: { code: string; label: string }[];
  onOpen: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg' });
    const shown = items.filter((i) => i.reviewState !== 'withdrawn');
    const ids = new Set(shown.map((i) => i.id));
    const degree = new Map<string, number>();
    for (const l of links) {
      degree.set(l.fromId, (degree.get(l.fromId) ?? 0) + 1);
      degree.set(l.toId, (degree.get(l.toId) ?? 0) + 1);
    }
    const categoryOf = new Map(groups.map((g, i) => [g.code, i]));
    chart.setOption({
      animation: false,
      color: groups.map((_, i) => groupColour(i)),
      textStyle: { color: '#1f2937' },
      tooltip: { formatter: (p: { data?: { fullName?: string } }) => p.data?.fullName ?? '' },
      legend: [{ data: groups.map((g) => g.label), bottom: 0, type: 'scroll' }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 260, edgeLength: [70, 140], gravity: 0.08 },
          categories: groups.map((g) => ({ name: g.label })),
          label: { show: true, position: 'bottom', formatter: '{b}', color: '#1f2937' },
          lineStyle: { color: '#6b7280', width: 2, curveness: 0.1 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
          data: shown.map((i) => ({
            id: i.id,
            name: `${i.number}`,
            fullName: `${i.number}. ${i.title}`,
            category: categoryOf.get(i.stakeholderGroup) ?? 0,
            symbolSize: 28 + Math.min(degree.get(i.id) ?? 0, 6) * 4,
          })),
          links: links
            .filter((l) => ids.has(l.fromId) && ids.has(l.toId))
            .map((l) => ({ source: l.fromId, target: l.toId })),
        },
      ],
    });
    chart.on('click', (params) => {
      const data = params.data as { id?: string } | undefined;
      if (params.dataType === 'node' && data?.id) onOpen(data.id);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [items, links, groups, onOpen]);
  return <div ref={ref} className="kl-rec-graph" role="img" aria-label={label} />;
}
