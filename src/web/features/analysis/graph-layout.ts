// Where the graph of the analysis puts things, as plain numbers (pure, tested without a
// browser). Factors are boxes stacked inside their domain's box; the problem the analysis
// explains is the central node. On a wide screen the domains stand in two columns left and
// right of the problem; on a phone in one column with the problem below them, the links
// running in a lane on the right. Each hypothesis is a small numbered junction (the same
// number as in the list in words): a line from every cause to it, an arrow from it to the
// effect — so "because A and B, therefore C" reads as one link, not two.
import type { FactorKind } from '../../../shared/contract/analysis';

export type GraphMode = 'wide' | 'narrow';

export type LayoutInput = {
  domains: { key: string; title: string }[];
  factors: { id: string; domainKey: string; kind: FactorKind; title: string }[];
  hypotheses: { id: string; causeIds: string[]; effectFactorId: string | null }[];
  problemText: string;
  mode: GraphMode;
};

export type Point = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };
export type Side = 'left' | 'right';

export type GroupLayout = Box & { key: string; titleLine: string; isEmpty: boolean };
export type NodeLayout = Box & {
  id: string;
  kind: FactorKind;
  domainKey: string;
  title: string;
  lines: string[];
  side: Side;
};
export type ProblemLayout = Box & { lines: string[] };
export type LinkLayout = {
  hypothesisId: string;
  number: number;
  junction: Point;
  causes: { factorId: string; d: string }[];
  effect: { factorId: string | null; d: string };
};
export type GraphLayout = {
  width: number;
  height: number;
  groups: GroupLayout[];
  nodes: NodeLayout[];
  problem: ProblemLayout;
  links: LinkLayout[];
};

/** Sizes in SVG units (≈ CSS pixels at 1:1). */
export const sizes = {
  lineHeight: 18,
  /** Average width of a character of the node text (14 px sans-serif). */
  charWidth: 7.4,
  groupHeader: 34,
  groupPadding: 8,
  nodeGap: 6,
  groupGap: 20,
  emptyHeight: 26,
  margin: 16,
  junctionRadius: 11,
  junctionSpacing: 28,
  problemHeader: 34,
} as const;

const geometry = {
  wide: { width: 1100, groupWidth: 270, problemWidth: 240 },
  narrow: { width: 360, groupWidth: 246, problemWidth: 246 },
} as const;

/** Breaks a text into at most `maxLines` lines of `maxChars`; the last one ends in "…" when cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let index = 0;
  for (; index < words.length; index++) {
    let word = words[index] ?? '';
    if (word.length > maxChars) word = `${word.slice(0, maxChars - 1)}…`;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    index = words.length;
  }
  if (index < words.length) {
    const last = lines[maxLines - 1] ?? '';
    const room = maxChars - 1;
    lines[maxLines - 1] = `${last.length > room ? last.slice(0, room).trimEnd() : last}…`;
  }
  return lines.length > 0 ? lines : [''];
}

const nodeHeight = (lines: number) => 14 + lines * sizes.lineHeight;

/** Lays the graph out for one screen mode. */
export function layoutGraph(input: LayoutInput): GraphLayout {
  const { width, groupWidth, problemWidth } = geometry[input.mode];
  const nodeWidth = groupWidth - 2 * sizes.groupPadding;
  // Icon (8 + 20 + 8) on the left, 8 on the right.
  const nodeChars = Math.floor((nodeWidth - 44) / sizes.charWidth);
  const groupChars = Math.floor((groupWidth - 2 * sizes.groupPadding) / (sizes.charWidth + 0.6));

  // Each domain's factors, with the height its box needs.
  const prepared = input.domains.map((domain) => {
    const factors = input.factors
      .filter((f) => f.domainKey === domain.key)
      .map((f) => ({ ...f, lines: wrapText(f.title, nodeChars, 2) }));
    const inner =
      factors.length === 0
        ? sizes.emptyHeight
        : factors.reduce((sum, f) => sum + nodeHeight(f.lines.length), 0) +
          (factors.length - 1) * sizes.nodeGap;
    return { domain, factors, height: sizes.groupHeader + inner + sizes.groupPadding };
  });

  // Wide: the first domains on the left until about half the height, the rest on the right.
  const total = prepared.reduce((sum, p) => sum + p.height + sizes.groupGap, 0);
  let running = 0;
  const sideOf = prepared.map((p, index): Side => {
    if (input.mode === 'narrow') return 'left';
    const isFirst = index === 0;
    const isLeft = isFirst || (running + p.height / 2 < total / 2 && index < prepared.length - 1);
    running += p.height + sizes.groupGap;
    return isLeft ? 'left' : 'right';
  });

  const columnX: Record<Side, number> = {
    left: sizes.margin,
    right: width - sizes.margin - groupWidth,
  };
  if (input.mode === 'narrow') columnX.left = 4;
  const columnY: Record<Side, number> = { left: sizes.margin, right: sizes.margin };
  const groups: GroupLayout[] = [];
  const nodes: NodeLayout[] = [];
  prepared.forEach((p, index) => {
    const side = sideOf[index] ?? 'left';
    const x = columnX[side];
    const y = columnY[side];
    groups.push({
      key: p.domain.key,
      titleLine: wrapText(p.domain.title, groupChars, 1)[0] ?? '',
      isEmpty: p.factors.length === 0,
      x,
      y,
      width: groupWidth,
      height: p.height,
    });
    let nodeY = y + sizes.groupHeader;
    for (const factor of p.factors) {
      const height = nodeHeight(factor.lines.length);
      nodes.push({
        id: factor.id,
        kind: factor.kind,
        domainKey: factor.domainKey,
        title: factor.title,
        lines: factor.lines,
        side,
        x: x + sizes.groupPadding,
        y: nodeY,
        width: nodeWidth,
        height,
      });
      nodeY += height + sizes.nodeGap;
    }
    columnY[side] = y + p.height + sizes.groupGap;
  });

  const problemLines = wrapText(input.problemText, Math.floor((problemWidth - 24) / 7.4), 4);
  const problemHeight = sizes.problemHeader + problemLines.length * sizes.lineHeight + 12;
  const columnsBottom = Math.max(columnY.left, columnY.right) - sizes.groupGap;
  const problem: ProblemLayout =
    input.mode === 'wide'
      ? {
          x: (width - problemWidth) / 2,
          y: Math.max(sizes.margin, (sizes.margin + columnsBottom) / 2 - problemHeight / 2),
          width: problemWidth,
          height: problemHeight,
          lines: problemLines,
        }
      : {
          x: columnX.left,
          y: columnsBottom + 40,
          width: problemWidth,
          height: problemHeight,
          lines: problemLines,
        };

  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const anchorOf = (node: NodeLayout): Point => ({
    x: node.side === 'left' ? node.x + node.width : node.x,
    y: node.y + node.height / 2,
  });
  const problemCentre = { x: problem.x + problem.width / 2, y: problem.y + problem.height / 2 };

  // Junctions: in the lane beside the column the link stays in, else in the middle.
  const laneX: Record<Side | 'middle', number> =
    input.mode === 'wide'
      ? {
          left: (columnX.left + groupWidth + problem.x) / 2,
          right: (problem.x + problem.width + columnX.right) / 2,
          middle: width / 2,
        }
      : { left: columnX.left + groupWidth + 54, right: 0, middle: 0 };
  const stagger = input.mode === 'wide' ? 24 : 22;

  type Draft = {
    hypothesis: LayoutInput['hypotheses'][number];
    number: number;
    causes: NodeLayout[];
    effect: NodeLayout | null;
    lane: Side | 'middle';
    junction: Point;
  };
  const drafts: Draft[] = [];
  input.hypotheses.forEach((hypothesis, index) => {
    const causes = hypothesis.causeIds
      .map((id) => nodeById.get(id))
      .filter((n): n is NodeLayout => n !== undefined);
    const effect = hypothesis.effectFactorId
      ? (nodeById.get(hypothesis.effectFactorId) ?? null)
      : null;
    // A link to a factor that is not drawn (should not happen) is left out of the picture.
    if (causes.length === 0 || (hypothesis.effectFactorId && !effect)) return;
    const sides = new Set<Side>(causes.map((c) => c.side));
    if (effect) sides.add(effect.side);
    const lane: Side | 'middle' =
      input.mode === 'narrow' ? 'left' : sides.size === 1 ? [...sides][0]! : 'middle';
    const causeY = causes.reduce((sum, c) => sum + anchorOf(c).y, 0) / causes.length;
    const effectY = effect ? anchorOf(effect).y : problemCentre.y;
    // Neighbouring junctions stand apart; in the wide middle lane (above or below the problem,
    // where lines pass on their way across) further apart.
    const offset = ((index % 3) - 1) * (lane === 'middle' ? 60 : stagger);
    drafts.push({
      hypothesis,
      number: index + 1,
      causes,
      effect,
      lane,
      junction: { x: laneX[lane] + offset, y: (causeY + effectY) / 2 },
    });
  });

  // On a phone the links run in one lane right of the boxes: the longer a link's reach, the
  // further out its junction, so shorter links nest inside longer ones instead of crossing.
  if (input.mode === 'narrow') {
    const reach = (draft: Draft) => {
      const ys = [
        ...draft.causes.map((c) => anchorOf(c).y),
        draft.effect ? anchorOf(draft.effect).y : problemCentre.y,
      ];
      return Math.max(...ys) - Math.min(...ys);
    };
    [...drafts]
      .sort((a, b) => reach(a) - reach(b))
      .forEach((draft, rank) => {
        draft.junction.x = columnX.left + groupWidth + 20 + 24 * (rank % 4);
      });
  }

  // Junctions in the middle keep off the problem node and each other: those level with it move
  // above it (stacking upwards) or below it (stacking downwards).
  const spacing = sizes.junctionSpacing;
  const middle = drafts
    .filter((d) => d.lane === 'middle')
    .sort((a, b) => a.junction.y - b.junction.y);
  const problemMiddle = problem.y + problem.height / 2;
  const below = middle.filter((d) => d.junction.y >= problemMiddle);
  let ceiling = problem.y - spacing;
  for (const draft of middle.filter((d) => d.junction.y < problemMiddle).reverse()) {
    const y = Math.min(draft.junction.y, ceiling);
    // No room above the problem: below it then.
    if (y < sizes.margin + sizes.junctionRadius) {
      below.unshift(draft);
      continue;
    }
    draft.junction.y = y;
    ceiling = y - spacing;
  }
  let floor = problem.y + problem.height + spacing;
  for (const draft of below.sort((a, b) => a.junction.y - b.junction.y)) {
    draft.junction.y = Math.max(draft.junction.y, floor);
    floor = draft.junction.y + spacing;
  }
  // Junctions on the same vertical line keep a little distance, in their order from the top.
  const byX = new Map<number, Draft[]>();
  for (const draft of drafts)
    if (draft.lane !== 'middle')
      byX.set(draft.junction.x, [...(byX.get(draft.junction.x) ?? []), draft]);
  for (const line of byX.values()) {
    line.sort((a, b) => a.junction.y - b.junction.y);
    for (let i = 1; i < line.length; i++) {
      const above = line[i - 1]!.junction.y;
      const current = line[i]!;
      if (current.junction.y - above < spacing) current.junction.y = above + spacing;
    }
  }

  // Where each line meets a box: the ends on one side of a box are spread along that side in
  // the order of their junctions, so lines to the same box do not lie on top of each other.
  type End = { key: string; along: number };
  const ends = new Map<string, End[]>();
  const addEnd = (boxKey: string, end: End) => ends.set(boxKey, [...(ends.get(boxKey) ?? []), end]);
  type ProblemSide = 'left' | 'right' | 'top' | 'bottom';
  const problemSide = (j: Point): ProblemSide =>
    input.mode === 'narrow' || j.x > problem.x + problem.width
      ? 'right'
      : j.x < problem.x
        ? 'left'
        : j.y < problem.y
          ? 'top'
          : 'bottom';
  drafts.forEach((draft, index) => {
    for (const cause of draft.causes)
      addEnd(`node:${cause.id}`, { key: `${index}:cause:${cause.id}`, along: draft.junction.y });
    if (draft.effect)
      addEnd(`node:${draft.effect.id}`, { key: `${index}:effect`, along: draft.junction.y });
    else {
      const side = problemSide(draft.junction);
      const isVertical = side === 'top' || side === 'bottom';
      addEnd(`problem:${side}`, {
        key: `${index}:effect`,
        along: isVertical ? draft.junction.x : draft.junction.y,
      });
    }
  });
  const spread = new Map<string, number>();
  for (const [boxKey, list] of ends) {
    list.sort((a, b) => a.along - b.along);
    const node = boxKey.startsWith('node:') ? nodeById.get(boxKey.slice(5)) : undefined;
    const isVertical = boxKey === 'problem:top' || boxKey === 'problem:bottom';
    const from = node ? node.y : isVertical ? problem.x + 12 : problem.y + 10;
    const span = node ? node.height : isVertical ? problem.width - 24 : problem.height - 20;
    // One line into the top or bottom of the problem comes straight down (or up).
    const only = list.length === 1 ? list[0] : undefined;
    if (only && isVertical) {
      spread.set(only.key, Math.min(from + span, Math.max(from, only.along)));
      continue;
    }
    list.forEach((end, i) => spread.set(end.key, from + (span * (i + 1)) / (list.length + 1)));
  }
  const nodeEnd = (node: NodeLayout, key: string): Point => ({
    x: anchorOf(node).x,
    y: spread.get(key) ?? anchorOf(node).y,
  });

  const links: LinkLayout[] = drafts.map((draft, index) => {
    const j = draft.junction;
    const causes = draft.causes.map((cause) => ({
      factorId: cause.id,
      d: horizontalCurve(nodeEnd(cause, `${index}:cause:${cause.id}`), j),
    }));
    const key = `${index}:effect`;
    let d: string;
    if (draft.effect) {
      d = horizontalCurve(j, nodeEnd(draft.effect, key));
    } else {
      const side = problemSide(j);
      const along = spread.get(key) ?? problemCentre.y;
      if (side === 'right') d = horizontalCurve(j, { x: problem.x + problem.width, y: along });
      else if (side === 'left') d = horizontalCurve(j, { x: problem.x, y: along });
      else
        d = verticalCurve(j, {
          x: along,
          y: side === 'top' ? problem.y : problem.y + problem.height,
        });
    }
    return {
      hypothesisId: draft.hypothesis.id,
      number: draft.number,
      junction: j,
      causes,
      effect: { factorId: draft.hypothesis.effectFactorId, d },
    };
  });

  const bottoms = [
    columnsBottom,
    problem.y + problem.height,
    ...links.map((l) => l.junction.y + sizes.junctionRadius),
  ];
  return {
    width,
    height: Math.ceil(Math.max(...bottoms) + sizes.margin),
    groups,
    nodes,
    problem,
    links,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A curve leaving and arriving horizontally. */
export function horizontalCurve(from: Point, to: Point): string {
  const dx = (to.x - from.x) / 2 || 20;
  return `M${round(from.x)} ${round(from.y)}C${round(from.x + dx)} ${round(from.y)} ${round(
    to.x - dx,
  )} ${round(to.y)} ${round(to.x)} ${round(to.y)}`;
}

/** A curve leaving and arriving vertically. */
export function verticalCurve(from: Point, to: Point): string {
  const midY = (from.y + to.y) / 2;
  return `M${round(from.x)} ${round(from.y)}C${round(from.x)} ${round(midY)} ${round(
    to.x,
  )} ${round(midY)} ${round(to.x)} ${round(to.y)}`;
}
