// The graph's layout: titles wrap into at most two lines (cut with "…"); every factor sits
// inside its domain's box and no two boxes overlap; on a wide screen the problem is between
// the columns, on a phone below them; each hypothesis gets one numbered junction.
import { describe, expect, it } from 'vitest';
import { layoutGraph, wrapText, type Box } from './graph-layout';
import { explanatoryAnalysis } from './test-data';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function input(mode: 'wide' | 'narrow') {
  const analysis = explanatoryAnalysis();
  return {
    domains: analysis.domainSet.domains,
    factors: analysis.factors,
    hypotheses: analysis.hypotheses,
    problemText: analysis.problemStatement,
    mode,
  };
}

describe('wrapText', () => {
  it('breaks at word boundaries and cuts what does not fit with an ellipsis', () => {
    expect(wrapText('Oma als vast steunpunt', 30, 2)).toEqual(['Oma als vast steunpunt']);
    expect(wrapText('Geen passend onderwijs na groep 8', 20, 2)).toEqual([
      'Geen passend',
      'onderwijs na groep 8',
    ]);
    const cut = wrapText('een heel lange titel die niet in twee korte regels past', 15, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(cut.every((line) => line.length <= 15)).toBe(true);
    expect(wrapText('', 10, 2)).toEqual(['']);
  });
});

describe('layoutGraph', () => {
  for (const mode of ['wide', 'narrow'] as const) {
    it(`keeps factors inside their domain and boxes apart (${mode})`, () => {
      const layout = layoutGraph(input(mode));
      for (const node of layout.nodes) {
        const group = layout.groups.find((g) => g.key === node.domainKey);
        expect(group && inside(node, group)).toBe(true);
      }
      const boxes = [...layout.groups, layout.problem];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
      for (const box of boxes) expect(inside(box, { x: 0, y: 0, ...layout })).toBe(true);
      expect(layout.links.map((l) => l.number)).toEqual([1, 2]);
      expect(layout.links[0]?.causes).toHaveLength(2);
    });
  }

  it('puts the problem between the columns on a wide screen, below them on a phone', () => {
    const wide = layoutGraph(input('wide'));
    const left = wide.groups.filter((g) => g.x < wide.problem.x);
    const right = wide.groups.filter((g) => g.x > wide.problem.x + wide.problem.width);
    expect(left.length).toBeGreaterThan(0);
    expect(right.length).toBeGreaterThan(0);
    expect(left.length + right.length).toBe(wide.groups.length);

    const narrow = layoutGraph(input('narrow'));
    expect(narrow.width).toBe(360);
    const lowest = Math.max(...narrow.groups.map((g) => g.y + g.height));
    expect(narrow.problem.y).toBeGreaterThan(lowest);
  });
});
