// The sign of a factor's kind, drawn the same on the board, in the forms and on the graph: a
// strength is a circle with a plus, a problem a triangle with an exclamation mark. Shape and
// word carry the meaning; the colour only repeats it.
import type { FactorKind } from '../../../shared/contract/analysis';

/** The sign's shapes in a 20×20 box, for use inside another SVG (the graph). */
export function KindShape({ kind, x = 0, y = 0 }: { kind: FactorKind; x?: number; y?: number }) {
  return kind === 'strength' ? (
    <g transform={`translate(${x} ${y})`} className="kl-an-sign kl-an-sign--strength">
      <circle cx="10" cy="10" r="9" />
      <path d="M10 5v10M5 10h10" />
    </g>
  ) : (
    <g transform={`translate(${x} ${y})`} className="kl-an-sign kl-an-sign--problem">
      <path d="M10 1.5 19 18H1z" />
      <path d="M10 7v5.5M10 14.5v1.5" />
    </g>
  );
}

export function KindIcon({ kind }: { kind: FactorKind }) {
  return (
    <svg className="kl-an-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <KindShape kind={kind} />
    </svg>
  );
}
