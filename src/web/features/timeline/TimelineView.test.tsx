// @vitest-environment happy-dom
// The lane view and its legend: valence as colour and sign and word, none of it in the
// neutral view; items as buttons named in full; one tab stop with the arrow keys moving
// between items; a click opens an item, a click in an empty lane adds one there.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { TimelineLegend } from './TimelineLegend';
import { TimelineView } from './TimelineView';
import { fosterFamily, timeline } from './test-data';

afterEach(cleanup);

function renderView(isNeutral: boolean) {
  const onOpen = vi.fn();
  const onAdd = vi.fn();
  render(
    <TimelineView
      timeline={timeline()}
      isNeutral={isNeutral}
      axis="calendar"
      onAxisChange={() => undefined}
      onOpen={onOpen}
      onAdd={onAdd}
    />,
  );
  return { onOpen, onAdd };
}

const item = (name: RegExp | string) => screen.getByRole('button', { name });

describe('TimelineView', () => {
  it('names every item in full: title, kind and dates as told, valence, signal, comments', () => {
    renderView(false);
    const lane = screen.getByRole('group', { name: 'Wonen (2)' });
    expect(
      within(lane).getByRole('button', {
        name: 'Pleeggezin B, periode van maart 2016 tot juni 2019, negatief, 1 reactie',
      }),
    ).toBeTruthy();
    expect(item('ADHD, gebeurtenis, op 7-jarige leeftijd, neutraal, eerste signaal')).toBeTruthy();
    expect(item('Eerste schooldag, gebeurtenis, 31 augustus 2015, positief')).toBeTruthy();
  });

  it('shows valence by colour, sign and word, and by none of them in the neutral view', () => {
    renderView(false);
    const foster = item(/^Pleeggezin B/);
    expect(foster.className).toContain('kl-tl-valence--negative');
    expect(foster.textContent).toContain('−');
    expect(item(/^Eerste schooldag/).textContent).toContain('+');
    cleanup();

    renderView(true);
    const neutral = item(/^Pleeggezin B/);
    expect(neutral.getAttribute('aria-label')).toBe(
      'Pleeggezin B, periode van maart 2016 tot juni 2019, 1 reactie',
    );
    expect(neutral.className).toContain('kl-tl-valence--none');
    expect(neutral.textContent).not.toContain('−');
    expect(item(/^Eerste schooldag/).textContent).not.toContain('+');
    expect(document.querySelector('[class*="kl-tl-valence--negative"]')).toBeNull();
  });

  it('draws uncertain dates as spans and certain parts as solid bars', () => {
    renderView(false);
    // Known to the month at both ends: a certain part between the uncertain edges.
    expect(item(/^Pleeggezin B/).querySelector('.kl-tl-bar__certain')).not.toBeNull();
    // Known only by age: a faded span of two years around the marker.
    expect(item(/^ADHD/).querySelector('.kl-tl-event__span')).not.toBeNull();
    // One known day: a point without a span.
    expect(item(/^Eerste schooldag/).querySelector('.kl-tl-event__span')).toBeNull();
  });

  it('has one tab stop; the arrow keys move within a lane and between lanes', () => {
    renderView(false);
    const buttons = screen
      .getAllByRole('button')
      .filter((button) => button.hasAttribute('data-item-id'));
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    const first = item(/^Thuis bij moeder/);
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(item(/^Pleeggezin B/));
    expect(item(/^Pleeggezin B/).tabIndex).toBe(0);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item(/^Eerste schooldag/));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toMatch(
      /^Wonen|^Thuis|^Pleeggezin/,
    );
  });

  it('opens an item on click, and adds one where an empty lane is clicked', () => {
    const { onOpen, onAdd } = renderView(false);
    fireEvent.click(item(/^Pleeggezin B/));
    expect(onOpen).toHaveBeenCalledWith(fosterFamily);
    const track = document.querySelector('[data-lane="care"]') as HTMLElement;
    fireEvent.click(track, { clientX: 0 });
    expect(onAdd).toHaveBeenCalledWith({
      lane: 'care',
      kind: 'event',
      start: { precision: 'month', year: 2011, month: 1 },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Iets toevoegen aan Justitie & bescherming' }),
    );
    expect(onAdd).toHaveBeenLastCalledWith({ lane: 'justice' });
  });
});

describe('TimelineLegend', () => {
  it('explains colours with signs and words, and says when the neutral view is on', () => {
    render(<TimelineLegend isNeutral={false} />);
    const legend = screen.getByRole('list', { name: 'Zo lees je de tijdlijn' });
    expect(within(legend).getByText('Negatief')).toBeTruthy();
    expect(within(legend).getByText(/was zwaar of hielp niet/)).toBeTruthy();
    cleanup();
    render(<TimelineLegend isNeutral />);
    expect(screen.queryByText('Negatief')).toBeNull();
    expect(screen.getByText(/Neutrale weergave staat aan/)).toBeTruthy();
  });
});
