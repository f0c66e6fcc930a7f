// @vitest-environment happy-dom
// The thematic report page: hidden counts shown as *, the consented quote as a quote, a warning
// that a chosen quote was left out, downloads for the chosen threads, publishing a version; and a
// reader without the right to make the report is sent to the overview instead of a form.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AggregateThread, Aggregates } from '../../../shared/contract/thematic-report';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { ThematicReportPage } from './ThematicReportPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programmeId = '00000000-0000-4000-8000-0000000000a1';
const threadId = '00000000-0000-4000-8000-0000000000b1';
const hidden = { value: null, suppressed: 'primary' as const };
const shown = (value: number) => ({ value, suppressed: null });

const thread: AggregateThread = {
  id: threadId,
  number: 1,
  version: 2,
  title: 'Rondgepompt',
  description: 'Van plek naar plek.',
  total: { key: 'total', label: '', cases: shown(30), of: shown(57), share: 52.6 },
  strength: { perspectives: 2, institutionTypes: 4, regions: 1 },
  byInstitutionType: [
    { key: 'jji', label: 'JJI', cases: hidden, of: shown(9), share: null },
    { key: 'ggz', label: 'Klinische jeugd-GGZ', cases: shown(9), of: shown(17), share: 52.9 },
  ],
  byRegion: [],
  byPerspective: [{ perspective: 'youth', cases: shown(30) }],
  indicators: [],
  recommendations: [
    {
      code: 'gemeenten',
      label: 'Gemeenten',
      recommendations: [
        {
          id: '00000000-0000-4000-8000-0000000000c1',
          number: 1,
          title: 'Eén vaste regisseur',
          body: '',
          state: 'approved',
        },
      ],
    },
  ],
};

const aggregates = (report: boolean): Aggregates => ({
  programme: { id: programmeId, name: 'Programma', periodStart: '2026-01-01', periodEnd: null },
  threshold: 5,
  computedAt: '2026-06-01T10:00:00.000Z',
  cases: shown(57),
  threads: [thread],
  indicators: { byInstitutionType: [], byRegion: [] },
  links: [],
  abilities: { report },
});

const preview = {
  lang: 'nl',
  programme: aggregates(true).programme,
  threshold: 5,
  generatedAt: '2026-06-01T10:00:00.000Z',
  version: null,
  cases: shown(57),
  perspectives: ['youth'],
  threads: [
    {
      ...thread,
      quotes: [
        {
          segmentId: '00000000-0000-4000-8000-0000000000d1',
          text: 'Niemand vroeg wat ik wilde.',
          perspective: 'youth',
        },
      ],
      quotesLeftOut: 1,
    },
  ],
  links: [],
};

function answer(report: boolean) {
  return (call: { url: string; method: string }) => {
    if (call.url.endsWith('/aggregates')) return { body: aggregates(report) };
    if (call.url.includes('/report/versions') && call.method === 'POST')
      return {
        status: 201,
        body: {
          number: 1,
          lang: 'nl',
          note: '',
          publishedAt: '2026-06-01T10:00:00.000Z',
          publishedBy: 'Olaf',
          threads: [{ number: 1, title: 'Rondgepompt', version: 2 }],
          recommendations: 0,
        },
      };
    if (call.url.includes('/report/versions'))
      return { body: { items: [], abilities: { publish: report } } };
    if (call.url.includes('/synthesis/report?')) return { body: preview };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  };
}

const route = {
  route: `/programmes/${programmeId}/themarapport`,
  path: '/programmes/:id/themarapport',
};

describe('ThematicReportPage', () => {
  it('previews hidden counts as *, the quote, and a quote left out; publishes a version', async () => {
    const { calls } = stubFetch(answer(true));
    renderWithProviders(<ThematicReportPage />, route);
    await screen.findByRole('heading', { level: 1, name: 'Themarapport — Programma' });
    const table = await screen.findByRole('table', { name: 'Casussen per soort instelling' });
    const jji = within(table).getByRole('row', { name: /JJI/ });
    expect(
      within(jji)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['*', '9', '*']);
    expect(screen.getByText('“Niemand vroeg wat ik wilde.”')).toBeTruthy();
    expect(screen.getByText(/1 gekozen citaat is weggelaten/)).toBeTruthy();
    expect(screen.getByText('goedgekeurd, nog niet gepubliceerd')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rapport (PDF)' }).getAttribute('href')).toBe(
      `/api/programmes/${programmeId}/synthesis/report.pdf?threads=${threadId}&lang=nl`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Publiceer deze versie' }));
    await screen.findByText('Versie 1 is gepubliceerd.');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ threadIds: [threadId], lang: 'nl', note: '' });
  });

  it('asks for a thread when none is chosen, and offers no downloads then', async () => {
    stubFetch(answer(true));
    renderWithProviders(<ThematicReportPage />, route);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Rode draad 1: Rondgepompt' }));
    await screen.findByText('Kies minstens één rode draad voor het rapport.');
    expect(screen.queryByRole('link', { name: 'Rapport (PDF)' })).toBeNull();
  });

  it('sends whoever may not make the report to the overview', async () => {
    stubFetch(answer(false));
    renderWithProviders(<ThematicReportPage />, route);
    await screen.findByText(/wordt gemaakt en gepubliceerd door de onderzoekers/);
    expect(screen.queryByRole('button', { name: 'Publiceer deze versie' })).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Bekijk het overzicht en de gepubliceerde versies.' }),
    ).toBeTruthy();
  });
});
