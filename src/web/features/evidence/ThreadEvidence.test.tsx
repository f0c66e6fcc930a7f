// @vitest-environment happy-dom
// A thread's evidence panel: the share and the plain strength counts, the splits as tables with
// headers (bars only repeating the figures), indicators next to the other cases, the chosen
// quotes with what is hidden and why (never the hidden text), and the supporting segments with
// "Kies als citaat" only for a researcher and only where consent allows it.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  ThreadEvidence as Evidence,
  ThreadQuotes,
  ThreadSegments,
} from '../../../shared/contract/evidence';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import { ThreadEvidence } from './ThreadEvidence';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programmeId = '00000000-0000-4000-8000-0000000000a1';
const threadId = '00000000-0000-4000-8000-0000000000b1';
const caseId = '00000000-0000-4000-8000-0000000000c1';
const seg = (n: number) => `00000000-0000-4000-8000-00000000d00${n}`;

const evidence: Evidence = {
  threadId,
  programmeId,
  computedAt: '2026-06-01T09:00:00.000Z',
  total: { cases: 3, of: 4 },
  strength: { cases: 3, perspectives: 4, institutionTypes: 3, regions: 2 },
  byInstitutionType: [
    { key: 'jji', label: 'Justitiële jeugdinrichting (JJI)', cases: 1, of: 1 },
    { key: 'jeugdzorgplus', label: 'Jeugdzorgplus', cases: 1, of: 2 },
  ],
  byRegion: [{ key: 'JZ01', label: 'Groningen', cases: 1, of: 2 }],
  byPerspective: [
    { perspective: 'youth', cases: 2, segments: 3 },
    { perspective: 'parent', cases: 1, segments: 1 },
    { perspective: 'main_practitioner', cases: 1, segments: 1 },
    { perspective: 'other_professional', cases: 0, segments: 0 },
    { perspective: 'network', cases: 0, segments: 0 },
    { perspective: 'dossier', cases: 1, segments: 1 },
  ],
  indicators: [
    {
      key: 'placementChanges',
      withThread: { n: 3, median: 4, mean: 4.33 },
      others: { n: 0, median: null, mean: null },
    },
  ],
  segments: 6,
};

const quotes = (canEdit: boolean, chosen: string[] = []): ThreadQuotes => ({
  items: chosen.map((segmentId, i) => ({
    segmentId,
    sortOrder: i,
    text: 'Niemand belde terug.',
    caseId,
    caseCode: 'KL-2026-001',
    perspective: 'youth',
    sourceName: 'Interview jongere',
    codeName: 'Wachten',
    chosenBy: 'Olaf',
    chosenAt: '2026-06-01T09:00:00.000Z',
  })),
  hidden: { consentWithdrawn: 1, noLongerInThread: 0, outOfReach: 2 },
  canEdit,
  max: 12,
});

const segment = (n: number, quoteUsable: boolean, perspective: 'youth' | 'dossier' = 'youth') => ({
  id: seg(n),
  sourceId: '00000000-0000-4000-8000-0000000000e1',
  sourceName: 'Interview jongere',
  caseId,
  caseCode: 'KL-2026-001',
  institutionType: 'jji',
  regionCode: 'JZ01',
  perspective,
  codeId: '00000000-0000-4000-8000-0000000000f1',
  codeName: 'Wachten',
  codeColor: '#1f6feb',
  before: '…eerst ',
  text: `Fragment ${n}`,
  after: ' en daarna…',
  chosen: false,
  quoteUsable,
});

function serve(canEdit: boolean) {
  let chosen: string[] = [];
  const segments: ThreadSegments = {
    items: [segment(1, true), segment(2, false), segment(3, false, 'dossier')],
    total: 3,
    nextCursor: null,
  };
  return stubFetch((call: FetchCall) => {
    if (call.url.endsWith('/evidence')) return { body: evidence };
    if (call.url.includes('/segments'))
      return {
        body: {
          ...segments,
          items: segments.items.map((s) => ({ ...s, chosen: chosen.includes(s.id) })),
        },
      };
    if (call.url.endsWith('/quotes') && call.method === 'POST') {
      chosen = [...chosen, (call.body as { segmentId: string }).segmentId];
      return { status: 201, body: quotes(canEdit, chosen) };
    }
    if (call.url.endsWith('/quotes')) return { body: quotes(canEdit, chosen) };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  });
}

describe('the evidence of a thread', () => {
  it('says the share and the strength in plain counts, with the splits as tables', async () => {
    serve(false);
    renderWithProviders(<ThreadEvidence programmeId={programmeId} threadId={threadId} />);
    await screen.findByText('Gevonden in 3 van de 4 gecodeerde casussen (75%).');
    const strength = screen.getByRole('list', { name: 'Hoe sterk is de onderbouwing?' });
    expect(
      within(strength)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '3 casussen',
      '4 perspectieven',
      '3 soorten instellingen',
      "2 regio's",
      '6 gecodeerde fragmenten',
    ]);
    expect(screen.getByText(/Teksten die nog blind worden gecodeerd tellen niet mee/)).toBeTruthy();

    const types = screen.getByRole('table', {
      name: 'Casussen met deze rode draad per soort instelling',
    });
    expect(
      within(types)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Soort instelling', 'Met deze draad', 'Gecodeerd', 'Aandeel']);
    const row = within(types).getByRole('row', { name: /Jeugdzorgplus/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '2', '50%']);
    types
      .querySelectorAll('.kl-ev__bar')
      .forEach((bar) => expect(bar.getAttribute('aria-hidden')).toBe('true'));

    const perspectives = screen.getByRole('table', {
      name: 'Casussen en fragmenten per perspectief',
    });
    expect(within(perspectives).getByRole('row', { name: /Dossier en verslagen/ })).toBeTruthy();

    const indicators = screen.getByRole('table', {
      name: 'Tijdlijnkenmerken van casussen met en zonder deze rode draad',
    });
    const placement = within(indicators).getByRole('row', { name: /Wisselingen van verblijfplek/ });
    expect(
      within(placement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['mediaan 4gemiddeld 4,3 (n\u00a0=\u00a03)', 'geen gegevens (n\u00a0=\u00a00)']);
  });

  it('tells how many quotes are hidden and why, and offers no choosing to a reader', async () => {
    serve(false);
    renderWithProviders(<ThreadEvidence programmeId={programmeId} threadId={threadId} />);
    await screen.findByText('1 citaat verborgen: toestemming ingetrokken.');
    expect(screen.getByText('2 citaten komen uit casussen die je niet kunt inzien.')).toBeTruthy();
    await screen.findByText('Fragment 1');
    expect(screen.queryByRole('button', { name: /Kies als citaat/ })).toBeNull();
    expect(screen.getByText('Nog geen citaten gekozen.')).toBeTruthy();
  });

  it('lets a researcher choose a consented segment as quote', async () => {
    const { calls } = serve(true);
    renderWithProviders(<ThreadEvidence programmeId={programmeId} threadId={threadId} />);
    const list = await screen.findByRole('list', { name: 'Onderbouwende fragmenten' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[1]!).getByText('Geen toestemming voor citeren')).toBeTruthy();
    expect(within(items[2]!).getByText('Geen interview: kan geen citaat zijn')).toBeTruthy();
    // Only the consented one offers the choice; its name starts with what it says.
    const buttons = screen.getAllByRole('button', { name: /^Kies als citaat/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    const chosen = await screen.findByRole('list', { name: 'Gekozen citaten, in volgorde' });
    expect(within(chosen).getByText('“Niemand belde terug.”')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ segmentId: seg(1) });
    await waitFor(() => expect(screen.getByText('Gekozen als citaat')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Citaat 1 weghalen' })).toBeTruthy();
  });

  it("filters the segments by one of the thread's codes, when it has more than one", async () => {
    const codes = [
      { id: '00000000-0000-4000-8000-00000000c0d1', path: 'Wachten' },
      { id: '00000000-0000-4000-8000-00000000c0d2', path: 'Wachten / Wachtlijst' },
    ];
    const { calls } = serve(false);
    renderWithProviders(
      <ThreadEvidence programmeId={programmeId} threadId={threadId} codes={codes} />,
    );
    const select = await screen.findByRole('combobox', { name: 'Code' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Alle', 'Wachten', 'Wachten / Wachtlijst']);
    fireEvent.change(select, { target: { value: codes[1]!.id } });
    await waitFor(() =>
      expect(
        calls.some((c) => c.url.includes('/segments') && c.url.includes(`codeId=${codes[1]!.id}`)),
      ).toBe(true),
    );
    cleanup();
    // One code: nothing to choose between.
    serve(false);
    renderWithProviders(
      <ThreadEvidence programmeId={programmeId} threadId={threadId} codes={codes.slice(0, 1)} />,
    );
    await screen.findByRole('combobox', { name: 'Perspectief' });
    expect(screen.queryByRole('combobox', { name: 'Code' })).toBeNull();
  });
});
