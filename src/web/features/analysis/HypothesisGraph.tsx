// The hypotheses as a graph, drawn in our own SVG (no chart library: a few boxes and curves,
// laid out by graph-layout.ts). Factors are boxes inside their domain, the problem is the
// central node, and each hypothesis a numbered junction with an arrow to its effect. Every
// node and junction can be reached with Tab; Enter, Space or a click marks it, which brings
// out its links (thicker, the rest fainter) and says them in words below the graph. The same
// links are listed in words under the graph (the text alternative the figure points to).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ExplanatoryAnalysis } from './api';
import { layoutGraph, sizes, type GraphMode } from './graph-layout';
import { KindShape } from './KindIcon';
import { domainTitle, hypothesisSentence, kindText } from './labels';
import { cx } from '../../ui/class-names';

export type HypothesisGraphProps = {
  analysis: ExplanatoryAnalysis;
  /** The id of the list of hypotheses in words (the text alternative). */
  textAlternativeId: string;
};

/** Below this width (CSS pixels) the graph stacks the domains in one column. */
const wideFrom = 860;
const problemId = 'problem';

type Selection = { kind: 'factor' | 'hypothesis' | 'problem'; id: string } | null;

export function HypothesisGraph({ analysis, textAlternativeId }: HypothesisGraphProps) {
  const { t, i18n } = useTranslation();
  const rawId = useId();
  const id = rawId.replace(/[^a-zA-Z0-9_-]/g, '');
  const wrapRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<GraphMode>('wide');
  const [selection, setSelection] = useState<Selection>(null);
  const [hovered, setHovered] = useState<Selection>(null);

  // The width decides the layout; measured once and whenever the box changes size.
  useEffect(() => {
    const element = wrapRef.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      if (width > 0) setMode(width >= wideFrom ? 'wide' : 'narrow');
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(
    () =>
      layoutGraph({
        domains: analysis.domainSet.domains,
        factors: analysis.factors,
        hypotheses: analysis.hypotheses,
        problemText: analysis.problemStatement,
        mode,
      }),
    [analysis, mode],
  );

  const active = selection ?? hovered;
  const linked = useMemo(() => linkedTo(analysis, active), [analysis, active]);
  const isDimmed = (kind: 'factor' | 'hypothesis' | 'problem', itemId: string) =>
    active !== null && !linked.has(`${kind}:${itemId}`);
  const toggle = (next: Exclude<Selection, null>) =>
    setSelection((current) =>
      current?.kind === next.kind && current.id === next.id ? null : next,
    );
  const onKey = (next: Exclude<Selection, null>) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle(next);
    } else if (event.key === 'Escape') {
      setSelection(null);
    }
  };
  const interactive = (next: Exclude<Selection, null>, label: string) => ({
    tabIndex: 0,
    role: 'button',
    'aria-label': label,
    'aria-pressed': selection?.kind === next.kind && selection.id === next.id,
    onClick: () => toggle(next),
    onKeyDown: onKey(next),
    onMouseEnter: () => setHovered(next),
    onMouseLeave: () => setHovered(null),
  });

  const problem = layout.problem;
  const arrow = `${id}-arrow`;
  const arrowStrong = `${id}-arrow-strong`;

  return (
    <figure className="kl-an-graph" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="kl-an-graph__caption">
        {mode === 'wide' ? t('analysis.graph.caption') : t('analysis.graph.captionNarrow')}
      </figcaption>
      <div ref={wrapRef} className="kl-an-graph__frame">
        <svg
          className={cx('kl-an-graph__svg', `kl-an-graph__svg--${mode}`)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={{ maxInlineSize: mode === 'narrow' ? `${layout.width * 1.5}px` : undefined }}
          role="group"
          aria-label={t('analysis.graph.label')}
          aria-describedby={`${id}-how`}
        >
          <defs>
            {[
              [arrow, 'kl-an-arrow'],
              [arrowStrong, 'kl-an-arrow kl-an-arrow--strong'],
            ].map(([markerId, className]) => (
              <marker
                key={markerId}
                id={markerId}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0 0 10 5 0 10z" className={className} />
              </marker>
            ))}
          </defs>
          {layout.groups.map((group) => (
            <g key={group.key} className="kl-an-g-domain">
              <rect
                x={group.x}
                y={group.y}
                width={group.width}
                height={group.height}
                rx="8"
                className="kl-an-g-domain__box"
              />
              <text x={group.x + 10} y={group.y + 22} className="kl-an-g-domain__title">
                {group.titleLine}
              </text>
              {group.isEmpty && (
                <text
                  x={group.x + 10}
                  y={group.y + sizes.groupHeader + 14}
                  className="kl-an-g-domain__empty"
                >
                  {t('analysis.graph.noFactors')}
                </text>
              )}
            </g>
          ))}
          <g className="kl-an-g-links">
            {layout.links.map((link) => {
              const isStrong = active !== null && linked.has(`hypothesis:${link.hypothesisId}`);
              const dim = isDimmed('hypothesis', link.hypothesisId);
              return (
                <g
                  key={link.hypothesisId}
                  className={cx(
                    'kl-an-g-link',
                    isStrong && 'kl-an-g-link--strong',
                    dim && 'kl-an-g-link--dim',
                  )}
                >
                  {link.causes.map((cause) => (
                    <path key={cause.factorId} d={cause.d} className="kl-an-g-link__line" />
                  ))}
                  <path
                    d={link.effect.d}
                    className="kl-an-g-link__line"
                    markerEnd={`url(#${isStrong ? arrowStrong : arrow})`}
                  />
                </g>
              );
            })}
          </g>
          {layout.nodes.map((node) => {
            const target = { kind: 'factor' as const, id: node.id };
            const factor = analysis.factors.find((f) => f.id === node.id);
            const label = t('analysis.graph.factorLabel', {
              title: node.title,
              kind: kindText(node.kind, t).toLowerCase(),
              domain: domainTitle(analysis, node.domainKey),
              perspective: factor ? t(`analysis.perspective.${factor.perspective}`) : '',
            });
            return (
              <g
                key={node.id}
                className={cx(
                  'kl-an-g-node',
                  `kl-an-g-node--${node.kind}`,
                  isDimmed('factor', node.id) && 'kl-an-g-node--dim',
                )}
                {...interactive(target, label)}
              >
                <rect
                  x={node.x - 3}
                  y={node.y - 3}
                  width={node.width + 6}
                  height={node.height + 6}
                  rx="8"
                  className="kl-an-g-focus"
                />
                <rect
                  x={node.x}
                  y={node.y}
                  width={node.width}
                  height={node.height}
                  rx="6"
                  className="kl-an-g-node__box"
                />
                <KindShape kind={node.kind} x={node.x + 8} y={node.y + (node.height - 20) / 2} />
                <text x={node.x + 36} y={node.y + 20} className="kl-an-g-node__text">
                  {node.lines.map((line, index) => (
                    <tspan key={index} x={node.x + 36} dy={index === 0 ? 0 : sizes.lineHeight}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
          <g
            className={cx('kl-an-g-problem', isDimmed('problem', problemId) && 'kl-an-g-node--dim')}
            {...interactive(
              { kind: 'problem', id: problemId },
              t('analysis.graph.problemLabel', { problem: analysis.problemStatement }),
            )}
          >
            <rect
              x={problem.x - 3}
              y={problem.y - 3}
              width={problem.width + 6}
              height={problem.height + 6}
              rx="11"
              className="kl-an-g-focus"
            />
            <rect
              x={problem.x}
              y={problem.y}
              width={problem.width}
              height={problem.height}
              rx="8"
              className="kl-an-g-problem__box"
            />
            <text x={problem.x + 12} y={problem.y + 23} className="kl-an-g-problem__title">
              {t('analysis.graph.problem')}
            </text>
            <text x={problem.x + 12} y={problem.y + sizes.problemHeader + 14}>
              {problem.lines.map((line, index) => (
                <tspan
                  key={index}
                  x={problem.x + 12}
                  dy={index === 0 ? 0 : sizes.lineHeight}
                  className="kl-an-g-problem__text"
                >
                  {line}
                </tspan>
              ))}
            </text>
          </g>
          {layout.links.map((link) => {
            const hypothesis = analysis.hypotheses.find((h) => h.id === link.hypothesisId);
            if (!hypothesis) return null;
            const target = { kind: 'hypothesis' as const, id: link.hypothesisId };
            return (
              <g
                key={link.hypothesisId}
                className={cx(
                  'kl-an-g-junction',
                  isDimmed('hypothesis', link.hypothesisId) && 'kl-an-g-node--dim',
                )}
                {...interactive(
                  target,
                  `${t('analysis.hypotheses.numbered', { number: link.number })}: ${hypothesisSentence(
                    analysis,
                    hypothesis,
                    t,
                    i18n.language,
                  )}`,
                )}
              >
                <circle
                  cx={link.junction.x}
                  cy={link.junction.y}
                  r={sizes.junctionRadius + 3}
                  className="kl-an-g-focus"
                />
                <circle
                  cx={link.junction.x}
                  cy={link.junction.y}
                  r={sizes.junctionRadius}
                  className="kl-an-g-junction__dot"
                />
                <text
                  x={link.junction.x}
                  y={link.junction.y + 4.5}
                  textAnchor="middle"
                  className="kl-an-g-junction__number"
                >
                  {link.number}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p id={`${id}-how`} className="kl-an-graph__how">
        {t('analysis.graph.how')}{' '}
        <a className="nl-link" href={`#${textAlternativeId}`}>
          {t('analysis.graph.inWords')}
        </a>
      </p>
      <p className="kl-an-graph__selected" aria-live="polite">
        {selection ? describeSelection(analysis, selection, t, i18n.language) : ''}
      </p>
    </figure>
  );
}

/** The keys (kind:id) of what is linked to the marked item, itself included. */
function linkedTo(analysis: ExplanatoryAnalysis, selection: Selection): Set<string> {
  const keys = new Set<string>();
  if (!selection) return keys;
  keys.add(`${selection.kind}:${selection.id}`);
  for (const h of analysis.hypotheses) {
    const isIn =
      (selection.kind === 'hypothesis' && h.id === selection.id) ||
      (selection.kind === 'factor' &&
        (h.causeIds.includes(selection.id) || h.effectFactorId === selection.id)) ||
      (selection.kind === 'problem' && h.effectFactorId === null);
    if (!isIn) continue;
    keys.add(`hypothesis:${h.id}`);
    for (const id of h.causeIds) keys.add(`factor:${id}`);
    keys.add(h.effectFactorId ? `factor:${h.effectFactorId}` : `problem:${problemId}`);
  }
  return keys;
}

/** The marked item's links in words, e.g. "‘Oma’ is een oorzaak in verband 2." */
export function describeSelection(
  analysis: ExplanatoryAnalysis,
  selection: Exclude<Selection, null>,
  t: TFunction,
  language: string,
): string {
  const numbers = (match: (h: ExplanatoryAnalysis['hypotheses'][number]) => boolean) =>
    analysis.hypotheses.flatMap((h, index) => (match(h) ? [String(index + 1)] : []));
  const list = (items: string[]) =>
    new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nl-NL', { type: 'conjunction' }).format(
      items,
    );
  if (selection.kind === 'hypothesis') {
    const index = analysis.hypotheses.findIndex((h) => h.id === selection.id);
    const hypothesis = analysis.hypotheses[index];
    if (!hypothesis) return '';
    return `${t('analysis.hypotheses.numbered', { number: index + 1 })}: ${hypothesisSentence(
      analysis,
      hypothesis,
      t,
      language,
    )} ${hypothesis.explanation}`;
  }
  if (selection.kind === 'problem') {
    const into = numbers((h) => h.effectFactorId === null);
    return into.length === 0
      ? t('analysis.graph.problemNoLinks')
      : t('analysis.graph.problemLinks', { count: into.length, numbers: list(into) });
  }
  const factor = analysis.factors.find((f) => f.id === selection.id);
  if (!factor) return '';
  const asCause = numbers((h) => h.causeIds.includes(factor.id));
  const asEffect = numbers((h) => h.effectFactorId === factor.id);
  const parts = [
    asCause.length > 0 &&
      t('analysis.graph.asCause', { count: asCause.length, numbers: list(asCause) }),
    asEffect.length > 0 &&
      t('analysis.graph.asEffect', { count: asEffect.length, numbers: list(asEffect) }),
  ].filter((part): part is string => typeof part === 'string');
  return t('analysis.graph.factorLinks', {
    title: factor.title,
    links: parts.length > 0 ? list(parts) : t('analysis.graph.noLinks'),
  });
}
