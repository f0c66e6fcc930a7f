// @vitest-environment happy-dom
// The theme board: codes as cards in "not grouped" and the themes; moving a card by keyboard
// through its "Move to…" menu (what is sent, what is announced, where focus lands), a stale
// move answered with where the code went, and a reader without write rights seeing no controls.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { ThemeBoard } from './ThemeBoard';
import { boardQuery } from './api';
import { otherThemeId, programmeId, testBoard, waitingId } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The board as the page shows it: from the query, so an answer to a move updates it. */
function Harness() {
  const query = useQuery(boardQuery(programmeId));
  return query.data ? <ThemeBoard board={query.data} /> : null;
}

const cardName = { selector: '.kl-sy-card__name' };

describe('the theme board', () => {
  it('shows each code as a card with its case count, in "not grouped" or its theme', () => {
    stubFetch(() => ({ body: {} }));
    renderWithProviders(<ThemeBoard board={testBoard()} />);
    const loose = screen.getByRole('list', { name: 'Codes in Niet gegroepeerd' });
    expect(within(loose).getByText('Wachttijd', cardName)).toBeTruthy();
    expect(within(loose).getByText('7 casussen')).toBeTruthy();
    const school = screen.getByRole('list', { name: 'Codes in School als anker' });
    expect(within(school).getByText('Thuiszitten', cardName)).toBeTruthy();
    expect(within(school).getByText('1 casus')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Hulp komt te laat' })).toBeTruthy();
  });

  it('moves a card with the keyboard: sends where it was seen, announces the move, keeps focus on the card', async () => {
    const moved = testBoard();
    moved.codes[0] = { ...moved.codes[0]!, themeId: otherThemeId };
    moved.themes[1] = { ...moved.themes[1]!, codeIds: [waitingId] };
    const { calls } = stubFetch((call) => ({ body: call.method === 'POST' ? moved : testBoard() }));
    renderWithProviders(<Harness />);
    const trigger = await screen.findByRole('button', { name: 'Verplaats naar… Wachttijd' });
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('list', { name: 'Verplaats Wachttijd naar' });
    // The first place has focus; the card's own column is not offered.
    const options = within(menu).getAllByRole('button');
    expect(options.map((o) => o.textContent)).toEqual([
      'Thema ‘School als anker’',
      'Thema ‘Hulp komt te laat’',
    ]);
    expect(document.activeElement).toBe(options[0]);
    fireEvent.click(options[1]!);
    expect(await screen.findByText('Wachttijd staat nu in: Hulp komt te laat.')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.url).toBe(`/api/programmes/${programmeId}/synthesis/themes/placements`);
    expect(sent.body).toEqual({ codeId: waitingId, themeId: otherThemeId, fromThemeId: null });
    // The card is now in the theme, and its button has focus there.
    const late = screen.getByRole('list', { name: 'Codes in Hulp komt te laat' });
    expect(within(late).getByText('Wachttijd', cardName)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(late).getByRole('button', { name: 'Verplaats naar… Wachttijd' }),
      ),
    );
  });

  it('closes the menu with Escape and gives focus back to its button', () => {
    stubFetch(() => ({ body: {} }));
    renderWithProviders(<ThemeBoard board={testBoard()} />);
    const trigger = screen.getByRole('button', { name: 'Verplaats naar… Thuiszitten' });
    fireEvent.click(trigger);
    const menu = screen.getByRole('list', { name: 'Verplaats Thuiszitten naar' });
    expect(
      within(menu)
        .getAllByRole('button')
        .map((o) => o.textContent),
    ).toEqual(['Niet gegroepeerd', 'Thema ‘Hulp komt te laat’']);
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('list', { name: 'Verplaats Thuiszitten naar' })).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('says where a code went when someone else moved it first', async () => {
    stubFetch((call) =>
      call.method === 'POST'
        ? {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message:
                  'Iemand anders heeft "Wachttijd" intussen naar het thema "Hulp komt te laat" verplaatst.',
                details: { current: { codeId: waitingId, themeId: otherThemeId } },
              },
            },
          }
        : { body: testBoard() },
    );
    renderWithProviders(<ThemeBoard board={testBoard()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Verplaats naar… Wachttijd' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thema ‘School als anker’' }));
    expect(
      await screen.findByText(/intussen naar het thema "Hulp komt te laat" verplaatst/),
    ).toBeTruthy();
  });

  it('shows a reader the board without any control to change it', () => {
    stubFetch(() => ({ body: {} }));
    renderWithProviders(<ThemeBoard board={testBoard({ abilities: { write: false } })} />);
    expect(screen.getByText('Wachttijd', cardName)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('Wachttijd', cardName).closest('li')!.getAttribute('draggable')).toBe(
      'false',
    );
  });
  it('renames a theme with its version, and shows both versions when someone else renamed it first', async () => {
    const { calls } = stubFetch((call) =>
      call.method === 'PUT'
        ? {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message: 'Iemand anders heeft dit thema intussen gewijzigd.',
                details: {
                  current: {
                    id: otherThemeId,
                    name: 'Te laat geholpen',
                    description: 'Wachten op hulp',
                    archived: false,
                    version: 4,
                  },
                  yours: {},
                },
              },
            },
          }
        : { body: testBoard() },
    );
    renderWithProviders(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: 'Wijzigen Hulp komt te laat' }));
    const name = screen.getByLabelText('Naam');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Hulp komt (te) laat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    const heading = await screen.findByRole('heading', {
      name: 'Iemand anders heeft dit intussen gewijzigd',
    });
    const region = heading.closest('section')!;
    expect(within(region).getByText('Hulp komt (te) laat')).toBeTruthy();
    expect(within(region).getByText('Te laat geholpen')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      name: 'Hulp komt (te) laat',
      description: 'Wachten op hulp',
      version: 3,
    });
  });
});
