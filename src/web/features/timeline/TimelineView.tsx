// The lane view: one row per lane (living, school, care, …), periods as bars and events as
// markers on a shared time axis, uncertain dates as faded hatched spans. Hand-built HTML, not
// a timeline library: every item is a real button (keyboard, focus ring, accessible name),
// and the fuzzy day ranges are drawn exactly as the shared date rules define them.
//
// Keyboard: Tab reaches the timeline's one active item (roving tabindex); the arrow keys move
// left and right within a lane and up and down between lanes; Home and End go to the lane's
// first and last item; Enter opens the item; + and − zoom. A click in the empty part of a lane
// adds an item there, in that month.
import {
  memo,
  startTransition,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import { dayNumber } from '../../../shared/domain/fuzzy-date';
import { timelineLanes } from '../../../shared/domain/timeline';
import type { Timeline, TimelineItem } from '../../../shared/contract/timeline';
import { cx } from '../../ui/class-names';
import { ChoiceGroup } from './ChoiceGroup';
import { Select } from '../../ui/SelectField';
import { asLanguage, dateText, itemName, laneText, todayUtc, valenceSign } from './labels';
import type { NewItemPrefill } from './item-form';
import { itemDays, itemsDaySpan, layoutLane, markerSize, type ItemBox } from './layout';
import { markOnce, timelineMarks } from './perf-marks';
import {
  axisTicks,
  daysPerYear,
  makeScale,
  monthAt,
  pxPerYearFor,
  timelineSpan,
  usableZoomSteps,
  type AxisMode,
  type ZoomStep,
} from './scale';

export const rowHeight = 34;

export type TimelineViewProps = {
  timeline: Timeline;
  isNeutral: boolean;
  axis: AxisMode;
  onAxisChange: (axis: AxisMode) => void;
  onOpen: (item: TimelineItem) => void;
  /** Absent when the reader may not add items. */
  onAdd?: (prefill: NewItemPrefill) => void;
};

/** The zoom to start with: the whole life course, unless a year would be under 40 px. */
function initialZoom(visibleWidth: number, spanYears: number): ZoomStep {
  const steps = usableZoomSteps(spanYears);
  // findIndex, not find: the whole life course is the step null.
  const index = steps.findIndex((step) => pxPerYearFor(step, visibleWidth, spanYears) >= 40);
  return steps[index === -1 ? steps.length - 1 : index] ?? null;
}

export function TimelineView({
  timeline,
  isNeutral,
  axis,
  onAxisChange,
  onOpen,
  onAdd,
}: TimelineViewProps) {
  const { t, i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const helpId = useId();
  const viewportRef = useRef<HTMLDivElement>(null);
  const cornerRef = useRef<HTMLDivElement>(null);
  const [visibleWidth, setVisibleWidth] = useState(0);
  const [chosenZoom, setChosenZoom] = useState<ZoomStep | 'auto'>('auto');
  const [activeId, setActiveId] = useState<string | null>(null);
  /** What should stay in place while the zoom changes: a day at an offset in the viewport. */
  const anchor = useRef<{ day: number; offset: number } | null>(null);

  const today = useMemo(() => todayUtc(), []);
  const todayDay = dayNumber(today);
  const withDays = useMemo(
    () => timeline.items.map((item) => ({ item, days: itemDays(item, todayDay) })),
    [timeline.items, todayDay],
  );
  const span = useMemo(
    () => timelineSpan(timeline.birthYear, itemsDaySpan(withDays.map((d) => d.days)), today),
    [timeline.birthYear, withDays, today],
  );
  const spanYears = (span.endDay - span.startDay) / daysPerYear;
  const steps = usableZoomSteps(spanYears);
  // Items are drawn once the room is measured (before the first paint), so they are laid out
  // once, at the right scale, and the measuring itself lays out an almost empty view.
  const isMeasured = visibleWidth > 0;
  const width = visibleWidth || 900;
  const zoom = chosenZoom === 'auto' ? initialZoom(width, spanYears) : chosenZoom;
  const pxPerYear = pxPerYearFor(zoom, width, spanYears);
  const scale = useMemo(
    () => makeScale(span.startDay, span.endDay, pxPerYear),
    [span.startDay, span.endDay, pxPerYear],
  );
  const lanes = useMemo(
    () =>
      timelineLanes.map((lane) =>
        layoutLane(
          lane,
          withDays.filter((d) => d.item.lane === lane),
          scale,
        ),
      ),
    [withDays, scale],
  );
  const ticks = useMemo(
    () => axisTicks(scale, axis, timeline.birthYear, language),
    [scale, axis, timeline.birthYear, language],
  );
  /** Boxes per lane in reading order (left to right, then top to bottom), for the arrow keys. */
  const order = useMemo(
    () => lanes.map((lane) => [...lane.boxes].sort((a, b) => a.left - b.left || a.row - b.row)),
    [lanes],
  );
  const boxById = useMemo(() => {
    const byId = new Map<string, { box: ItemBox; laneIndex: number }>();
    order.forEach((boxes, laneIndex) => {
      for (const box of boxes) byId.set(box.item.id, { box, laneIndex });
    });
    return byId;
  }, [order]);
  const names = useMemo(
    () => new Map(timeline.items.map((item) => [item.id, itemName(item, t, language, isNeutral)])),
    [timeline.items, t, language, isNeutral],
  );
  const firstId = order.find((boxes) => boxes.length > 0)?.[0]?.item.id ?? null;
  const currentId =
    activeId && timeline.items.some((item) => item.id === activeId) ? activeId : firstId;

  // Measure the room for the time axis (the viewport minus the lane labels beside it).
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    // A transition: React renders the hundreds of items in slices that leave the main thread
    // free in between (no long task for the render itself); the empty lanes show meanwhile.
    const measure = () => {
      const room = Math.max(200, viewport.clientWidth - (cornerRef.current?.offsetWidth ?? 0) - 16);
      startTransition(() => setVisibleWidth(room));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (!isMeasured) return;
    markOnce(timelineMarks.lanesRendered);
    requestAnimationFrame(() => setTimeout(() => markOnce(timelineMarks.firstDraw), 0));
  }, [isMeasured]);

  // When first drawn zoomed in (a phone), start where the first item is, not at birth.
  const didFirstScroll = useRef(false);
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!isMeasured || didFirstScroll.current || !viewport) return;
    didFirstScroll.current = true;
    const first = Math.min(...withDays.map((d) => d.days.start));
    if (Number.isFinite(first)) viewport.scrollLeft = Math.max(0, scale.x(first) - 24);
  }, [isMeasured, scale, withDays]);

  // After a zoom, put the anchored day back where it was.
  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    const kept = anchor.current;
    if (!viewport || !kept) return;
    anchor.current = null;
    viewport.scrollLeft = Math.max(0, scale.x(kept.day) - kept.offset);
  }, [scale]);

  const focusItem = useCallback((id: string) => {
    setActiveId(id);
    const button = viewportRef.current?.querySelector<HTMLButtonElement>(`[data-item-id="${id}"]`);
    button?.focus();
    button?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, []);

  const changeZoom = (step: ZoomStep) => {
    const viewport = viewportRef.current;
    if (viewport) {
      const focused = document.activeElement?.closest<HTMLElement>('[data-item-id]');
      const focusedBox = focused
        ? lanes.flatMap((l) => l.boxes).find((b) => b.item.id === focused.dataset.itemId)
        : undefined;
      const offset = focusedBox
        ? focusedBox.left - viewport.scrollLeft
        : viewport.clientWidth / 2 - (cornerRef.current?.offsetWidth ?? 0);
      const day = focusedBox
        ? itemDays(focusedBox.item, todayDay).start
        : scale.dayAt(viewport.scrollLeft + offset);
      anchor.current = { day, offset };
    }
    startTransition(() => setChosenZoom(step));
  };
  const zoomIndex = steps.indexOf(zoom);
  const zoomBy = (direction: 1 | -1) => {
    const next = steps[zoomIndex + direction];
    if (next !== undefined) changeZoom(next);
  };

  /** Keys on any item (one handler for all, so the items themselves need no callbacks). */
  const onItemKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const found = boxById.get(itemIdOf(event.target) ?? '');
    if (!found) return;
    const { box, laneIndex } = found;
    const inLane = order[laneIndex] ?? [];
    const index = inLane.indexOf(box);
    let target: ItemBox | undefined;
    switch (event.key) {
      case 'ArrowRight':
        target = inLane[index + 1];
        break;
      case 'ArrowLeft':
        target = inLane[index - 1];
        break;
      case 'Home':
        target = inLane[0];
        break;
      case 'End':
        target = inLane[inLane.length - 1];
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        const direction = event.key === 'ArrowDown' ? 1 : -1;
        const centre = box.left + box.shapeWidth / 2;
        for (let l = laneIndex + direction; l >= 0 && l < order.length; l += direction) {
          const candidates = order[l] ?? [];
          if (candidates.length === 0) continue;
          target = candidates.reduce((best, b) =>
            Math.abs(b.left + b.shapeWidth / 2 - centre) <
            Math.abs(best.left + best.shapeWidth / 2 - centre)
              ? b
              : best,
          );
          break;
        }
        break;
      }
      case '+':
      case '=':
        event.preventDefault();
        zoomBy(1);
        return;
      case '-':
        event.preventDefault();
        zoomBy(-1);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (target) focusItem(target.item.id);
  };

  /** A click on an item opens it; a click on the empty part of a lane adds an item there. */
  const onCanvasClick = (event: MouseEvent<HTMLDivElement>) => {
    const id = itemIdOf(event.target);
    if (id) {
      const found = boxById.get(id);
      if (found) onOpen(found.box.item);
      return;
    }
    const track = (event.target as HTMLElement).closest<HTMLElement>('[data-lane]');
    const lane = timelineLanes.find((l) => l === track?.dataset.lane);
    if (!onAdd || !track || !lane || (event.target as HTMLElement).closest('button')) return;
    const x = event.clientX - track.getBoundingClientRect().left;
    const { year, month } = monthAt(scale, x);
    onAdd({ lane, kind: 'event', start: { precision: 'month', year, month } });
  };

  const onTrackMove = (event: PointerEvent<HTMLDivElement>) => {
    const guide = event.currentTarget.querySelector<HTMLElement>('.kl-tl-guide');
    if (!guide) return;
    const onItem = (event.target as HTMLElement).closest('button') !== null;
    guide.hidden = onItem;
    if (onItem) return;
    const x = event.clientX - event.currentTarget.getBoundingClientRect().left;
    const { year, month } = monthAt(scale, x);
    guide.style.insetInlineStart = `${x}px`;
    const label = guide.firstElementChild;
    if (label) {
      label.textContent = t('timeline.view.addHere', {
        when: dateText({ precision: 'month', year, month }, language),
      });
    }
  };

  const todayX = scale.x(todayDay);
  const zoomOptions = steps.map((step) => ({
    value: step === null ? 'all' : String(step),
    label:
      step === null
        ? t('timeline.view.zoomAll')
        : step < 1
          ? t('timeline.view.zoomMonths', { count: Math.round(step * 12) })
          : t('timeline.view.zoomYears', { count: step }),
  }));

  return (
    <div className={cx('kl-tl', isNeutral && 'kl-tl--neutral')}>
      <div className="kl-tl-toolbar">
        <div className="kl-tl-toolbar__group" role="group" aria-label={t('timeline.view.zoom')}>
          <Button
            purpose="secondary"
            data-zoom="out"
            onClick={() => zoomBy(-1)}
            disabled={zoomIndex <= 0}
            aria-label={t('timeline.view.zoomOut')}
          >
            <span aria-hidden="true">−</span>
          </Button>
          <label className="kl-visually-hidden" htmlFor={`${helpId}-zoom`}>
            {t('timeline.view.zoomVisible')}
          </label>
          <Select
            id={`${helpId}-zoom`}
            className="kl-tl-zoom"
            value={zoom === null ? 'all' : String(zoom)}
            options={zoomOptions}
            onChange={(value) =>
              changeZoom(steps.find((step) => String(step ?? 'all') === value) ?? null)
            }
          />
          <Button
            purpose="secondary"
            data-zoom="in"
            onClick={() => zoomBy(1)}
            disabled={zoomIndex >= steps.length - 1}
            aria-label={t('timeline.view.zoomIn')}
          >
            <span aria-hidden="true">+</span>
          </Button>
        </div>
        <ChoiceGroup
          id={`${helpId}-axis`}
          legend={t('timeline.view.axis')}
          value={axis}
          choices={(['calendar', 'age'] as const).map((mode) => ({
            value: mode,
            label: t(`timeline.view.axis_${mode}`),
          }))}
          onChange={onAxisChange}
          isInline
          className="kl-tl-toolbar__group"
        />
      </div>
      <p id={helpId} className="kl-tl-help">
        {t('timeline.view.help')} {onAdd && t('timeline.view.helpAdd')}
        {axis === 'age' && ` ${t('timeline.view.ageNote', { birthYear: timeline.birthYear })}`}
      </p>
      <div
        ref={viewportRef}
        className="kl-tl-viewport"
        role="region"
        aria-label={t('timeline.view.region')}
        aria-describedby={helpId}
      >
        {/* Clicks, keys and focus of all items are handled here, once. */}
        <div
          className="kl-tl-canvas"
          style={{ ['--kl-tl-width' as string]: `${scale.width}px` }}
          onClick={onCanvasClick}
          onKeyDown={onItemKeyDown}
          onFocus={(event) => {
            const id = itemIdOf(event.target);
            if (id) setActiveId(id);
          }}
        >
          <div className="kl-tl-axis" aria-hidden="true">
            <div ref={cornerRef} className="kl-tl-corner">
              {axis === 'age' ? t('timeline.view.axis_age') : t('timeline.view.axis_calendar')}
            </div>
            <div className="kl-tl-axis__track">
              {ticks.map((tick) => (
                <span
                  key={`${tick.day}-${tick.isMajor}`}
                  className={cx('kl-tl-tick', tick.isMajor && 'kl-tl-tick--major')}
                  style={{ insetInlineStart: scale.x(tick.day) }}
                >
                  {tick.label}
                </span>
              ))}
              <span className="kl-tl-today-label" style={{ insetInlineStart: todayX }}>
                {t('timeline.now')}
              </span>
            </div>
          </div>
          {lanes.map((lane) => {
            const headingId = `${helpId}-lane-${lane.lane}`;
            const name = laneText(lane.lane, t);
            return (
              <div
                key={lane.lane}
                className={cx('kl-tl-lane', `kl-tl-lane--${lane.lane}`)}
                role="group"
                aria-labelledby={headingId}
              >
                <div className="kl-tl-lane__head">
                  <Heading level={3} id={headingId} className="kl-tl-lane__name">
                    {name}
                    <span className="kl-tl-lane__count">
                      {' '}
                      {t('timeline.view.laneCount', { count: lane.boxes.length })}
                    </span>
                  </Heading>
                  {onAdd && (
                    <button
                      type="button"
                      className="kl-tl-lane__add"
                      onClick={() => onAdd({ lane: lane.lane })}
                    >
                      <span aria-hidden="true">+</span>
                      <span className="kl-visually-hidden">
                        {t('timeline.view.addToLane', { lane: name })}
                      </span>
                    </button>
                  )}
                </div>
                <div
                  className={cx('kl-tl-track', onAdd && 'kl-tl-track--addable')}
                  style={{ blockSize: lane.rows * rowHeight + 8 }}
                  onPointerMove={onAdd ? onTrackMove : undefined}
                  data-lane={lane.lane}
                >
                  {ticks
                    .filter((tick) => tick.isMajor)
                    .map((tick) => (
                      <span
                        key={tick.day}
                        className="kl-tl-gridline"
                        style={{ insetInlineStart: scale.x(tick.day) }}
                      />
                    ))}
                  <span className="kl-tl-today" style={{ insetInlineStart: todayX }} />
                  {onAdd && (
                    <span className="kl-tl-guide" hidden aria-hidden="true">
                      <span className="kl-tl-guide__label" />
                    </span>
                  )}
                  <ul className="kl-tl-items" aria-labelledby={headingId}>
                    {isMeasured &&
                      lane.boxes.map((box) => (
                        <ItemMark
                          key={box.item.id}
                          box={box}
                          name={names.get(box.item.id) ?? box.item.title}
                          isNeutral={isNeutral}
                          isActive={box.item.id === currentId}
                        />
                      ))}
                  </ul>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const itemIdOf = (target: EventTarget): string | undefined =>
  (target as HTMLElement).closest?.<HTMLElement>('[data-item-id]')?.dataset.itemId;

type ItemMarkProps = {
  box: ItemBox;
  name: string;
  isNeutral: boolean;
  isActive: boolean;
};

/** One item; re-rendered only when its box, name or state changes (not on every key press). */
const ItemMark = memo(function ItemMark({ box, name, isNeutral, isActive }: ItemMarkProps) {
  const { item } = box;
  const valence = isNeutral ? 'none' : item.valence;
  const sign = isNeutral ? '' : valenceSign[item.valence];
  const label = (
    <span
      className={cx('kl-tl-label', !box.isLabelInside && 'kl-tl-label--outside')}
      style={{ maxInlineSize: box.isLabelInside ? undefined : box.labelWidth }}
      aria-hidden="true"
    >
      {item.isSignal && <span className="kl-tl-label__signal">⚑ </span>}
      {item.title}
      {item.reference && <span className="kl-tl-label__reference"> ({item.reference})</span>}
    </span>
  );
  return (
    <li
      className="kl-tl-item"
      style={{
        insetInlineStart: box.left,
        insetBlockStart: box.row * rowHeight + 4,
        inlineSize: box.width,
      }}
    >
      <button
        type="button"
        className={cx(
          'kl-tl-item__button',
          `kl-tl-item--${item.kind}`,
          `kl-tl-valence--${valence}`,
        )}
        data-item-id={item.id}
        aria-label={name}
        title={name}
        tabIndex={isActive ? 0 : -1}
      >
        {item.kind === 'period' ? (
          <span className="kl-tl-bar" style={{ inlineSize: box.shapeWidth }}>
            {box.certainLeft !== null && box.certainWidth !== null && (
              <span
                className="kl-tl-bar__certain"
                style={{ insetInlineStart: box.certainLeft, inlineSize: box.certainWidth }}
              />
            )}
            {sign && box.isLabelInside && (
              <span className="kl-tl-sign" aria-hidden="true">
                {sign}
              </span>
            )}
            {box.isLabelInside && label}
            {box.isOngoing && (
              <span className="kl-tl-bar__ongoing" aria-hidden="true">
                →
              </span>
            )}
          </span>
        ) : (
          <span className="kl-tl-event" style={{ inlineSize: box.shapeWidth }}>
            {box.spanLeft !== null && box.spanWidth !== null && (
              <span
                className="kl-tl-event__span"
                style={{ insetInlineStart: box.spanLeft, inlineSize: box.spanWidth }}
              />
            )}
            <span
              className="kl-tl-marker"
              style={{ insetInlineStart: box.markerLeft, inlineSize: markerSize }}
              aria-hidden="true"
            >
              {sign}
            </span>
          </span>
        )}
        {!box.isLabelInside && (
          <>
            {sign && item.kind === 'period' && (
              <span className="kl-tl-sign kl-tl-sign--outside" aria-hidden="true">
                {sign}
              </span>
            )}
            {label}
          </>
        )}
      </button>
    </li>
  );
});
