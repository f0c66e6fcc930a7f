// The names of the performance marks the lane view sets, read by the browser test and the
// bench (bench/timeline-render.ts): when the timeline's data arrived, when its lanes were in
// the document (before paint), and the first frame after that (drawn on screen).
export const timelineMarks = {
  dataReady: 'kl-timeline:data-ready',
  lanesRendered: 'kl-timeline:lanes-rendered',
  firstDraw: 'kl-timeline:first-draw',
} as const;

/** Sets a mark once per page load: re-renders and later visits do not move it. */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
