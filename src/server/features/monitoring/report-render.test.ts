// The quarterly report's charts as the PDF draws them: the PDF's SVG renderer ignores
// paint-order, so a label with echarts' default white text border is painted over and invisible.
import { describe, expect, it } from 'vitest';
import type { QuarterlyReport } from '../../../shared/contract/monitoring';
import { problemAreaChartSvg, trendChartSvg } from './report-render';

const report = {
  trend: {
    rows: [
      { label: '2026-Q1', total: { value: 37, suppressed: null }, cells: [] },
      { label: '2026-Q2', total: { value: null, suppressed: 'primary' }, cells: [] },
    ],
  },
  byProblemArea: {
    rows: [
      { label: 'Trauma', total: { value: 13, suppressed: null } },
      { label: 'Verslaving', total: { value: null, suppressed: 'primary' } },
    ],
  },
} as unknown as QuarterlyReport;

/** The text elements of an SVG with their content. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ attrs: m[1]!, text: m[2]! }));

describe('the problem-area chart', () => {
  it('labels every bar with its count, or the marker where the count is suppressed, without a white border over the text', () => {
    const labels = texts(problemAreaChartSvg(report, 'nl')).filter(
      (t) => t.text === '13' || t.text === '*',
    );
    expect(labels.map((l) => l.text).sort()).toEqual(['*', '13']);
    for (const label of labels) expect(label.attrs).not.toMatch(/stroke="rgb\(255,255,255\)"/);
  });
});

describe('the trend chart', () => {
  it('labels every quarter with its count, or the marker, without a white border over the text', () => {
    const labels = texts(trendChartSvg(report, 'nl')).filter(
      (t) => t.text === '37' || t.text === '*',
    );
    expect(labels.map((l) => l.text).sort()).toEqual(['*', '37']);
    for (const label of labels) expect(label.attrs).not.toMatch(/stroke="rgb\(255,255,255\)"/);
  });
});
