// @vitest-environment happy-dom
// The cross-case page against a stubbed server: the views as links with the current one marked
// and kept in the address; the texts with a link each to the coding screen; fragments of a code
// chosen in the tree with case, perspective, coder and whether a quote may be used; the matrix
// asked with its filters and chosen codes; and search, refusing one character and marking the
// words found in each snippet.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import { CrossCasePage } from './CrossCasePage';
import { ids, matrix, notFound, reads, samenwerking } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = `/api/programmes/${ids.programme}`;

function server(other: (call: FetchCall) => { status?: number; body?: unknown } | undefined) {
  const read = reads();
  return stubFetch((call) => other(call) ?? read(call) ?? notFound);
}

function renderPage(query = '') {
  return renderWithProviders(<CrossCasePage />, {
    route: `/programmes/${ids.programme}/coding${query}`,
    path: '/programmes/:id/coding',
    routes: [{ path: '/sources/:sourceId', element: <p>Codeerscherm</p> }],
  });
}

const views = () => screen.getByRole('navigation', { name: 'Weergaven' });

describe('the cross-case page', () => {
  it('lists the texts, each linking to the coding screen, and marks the current view', async () => {
    server((call) =>
      call.url.startsWith(`${base}/sources`)
        ? {
            body: {
              items: [
                {
                  id: ids.source,
                  kind: 'interview',
                  name: 'Interview jongere 10 mei 2026',
                  caseId: ids.case1,
                  caseCode: 'KL-2026-001',
                  perspective: 'youth',
                  length: 1234,
                  segmentCount: 5,
                  blind: true,
                },
              ],
              total: 1,
              page: 1,
              pageSize: 25,
            },
          }
        : undefined,
    );
    renderPage();
    await screen.findByRole('heading', {
      level: 1,
      name: 'Codeerwerk over casussen van Actieleren Gooi en Vechtstreek 2026',
    });
    const current = within(views()).getByRole('link', { name: 'Teksten' });
    expect(current.getAttribute('aria-current')).toBe('page');
    const table = await screen.findByRole('table', { name: 'Teksten van het programma' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toBe(
      'Interview jongere 10 mei 2026 Blind coderenInterviewKL-2026-001Jongere1.2345',
    );
    fireEvent.click(within(row).getByRole('link', { name: 'Interview jongere 10 mei 2026' }));
    await screen.findByText('Codeerscherm');
  });

  it('shows the fragments of a code chosen in the tree, with their quote status', async () => {
    const { calls } = server((call) =>
      call.url.startsWith(`${base}/codes/${ids.samenwerking}/segments`)
        ? {
            body: {
              code: samenwerking,
              items: [
                {
                  id: ids.segment,
                  sourceId: ids.source,
                  sourceName: 'Interview jongere',
                  caseId: ids.case1,
                  caseCode: 'KL-2026-001',
                  institutionType: 'jeugdzorgplus',
                  perspective: 'youth',
                  start: 9,
                  end: 19,
                  text: 'De gesprekken met mijn moeder waren moeilijk.',
                  coderName: 'Olaf Onderzoek',
                  important: true,
                  quote: true,
                  quoteUsable: false,
                },
              ],
              total: 1,
              page: 1,
              pageSize: 25,
            },
          }
        : undefined,
    );
    renderPage('?view=segments&perspective=youth');
    const picker = await screen.findByRole('list', { name: 'Codes om fragmenten van te tonen' });
    fireEvent.click(within(picker).getByRole('button', { name: 'Overdracht' }));
    await screen.findByRole('heading', { name: 'Fragmenten van Samenwerking › Overdracht' });
    fireEvent.click(within(picker).getByRole('button', { name: /^Samenwerking/ }));
    await screen.findByRole('heading', { name: 'Fragmenten van Samenwerking' });
    expect(within(views()).getByRole('link', { name: 'Fragmenten per code' })).toBeTruthy();
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url ===
            `${base}/codes/${ids.samenwerking}/segments?page=1&pageSize=25&perspective=youth`,
        ),
      ).toBe(true),
    );
    expect((screen.getByLabelText(/^Perspectief/) as HTMLSelectElement).value).toBe('youth');
    const list = await screen.findByRole('list', { name: 'Fragmenten van Samenwerking' });
    const item = within(list).getByRole('listitem');
    expect(within(item).getByText('De gesprekken met mijn moeder waren moeilijk.')).toBeTruthy();
    expect(
      within(item).getByText(
        'Casus KL-2026-001 · Jeugdzorgplus · Jongere · gecodeerd door Olaf Onderzoek',
      ),
    ).toBeTruthy();
    expect(within(item).getByText('Belangrijk')).toBeTruthy();
    expect(
      within(item).getByText('Citaat: niet bruikbaar, toestemming voor citaten ontbreekt'),
    ).toBeTruthy();
    expect(
      within(item)
        .getByRole('link', { name: 'Open de tekst Interview jongere' })
        .getAttribute('href'),
    ).toBe(`/sources/${ids.source}`);
  });

  it('asks the matrix with its filters and chosen codes, and names the filters in the caption', async () => {
    const { calls } = server((call) =>
      call.url.startsWith(`${base}/matrix`) ? { body: matrix } : undefined,
    );
    renderPage('?view=matrix&type=jji');
    const table = await screen.findByRole('table', {
      name: 'Fragmenten per casus en code (Justitiële jeugdinrichting (JJI))',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(
      calls.some((c) => c.url === `${base}/matrix?page=1&pageSize=25&institutionType=jji`),
    ).toBe(true);
    expect(screen.getByText('Kolommen: de hoofdcodes.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Codes kiezen' }));
    const choices = screen.getByRole('group', { name: /^Welke codes zijn de kolommen\?/ });
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Overdracht' }));
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'IJzeren regels' }));
    fireEvent.click(within(choices).getByRole('button', { name: 'Toepassen' }));
    await screen.findByText('Kolommen: IJzeren regels, Overdracht.');
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url ===
            `${base}/matrix?page=1&pageSize=25&institutionType=jji&codeIds=${ids.ijzer}%2C${ids.overdracht}`,
        ),
      ).toBe(true),
    );
  });

  it('searches from two characters on and marks the words found', async () => {
    const { calls } = server((call) =>
      call.url.startsWith(`${base}/search`)
        ? {
            body: {
              items: [
                {
                  sourceId: ids.source,
                  sourceName: 'Interview jongere',
                  kind: 'interview',
                  caseId: ids.case1,
                  caseCode: 'KL-2026-001',
                  perspective: 'youth',
                  rank: 0.1,
                  snippet: [
                    { text: 'Jongere: De ', match: false },
                    { text: 'gesprekken', match: true },
                    { text: ' met mijn moeder waren moeilijk.', match: false },
                  ],
                },
              ],
              total: 1,
              page: 1,
              pageSize: 20,
              order: 'case',
            },
          }
        : undefined,
    );
    renderPage('?view=search');
    const box = await screen.findByRole('searchbox', { name: 'Zoek in alle teksten' });
    fireEvent.change(box, { target: { value: 'g' } });
    fireEvent.submit(box.closest('form')!);
    await screen.findByText('Zoek op minstens 2 tekens.');
    expect(calls.some((c) => c.url.includes('/search'))).toBe(false);

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'gesprek' } });
    fireEvent.submit(screen.getByRole('searchbox').closest('form')!);
    const results = await screen.findByRole('list', { name: 'Zoekresultaten voor ‘gesprek’' });
    expect(calls.some((c) => c.url === `${base}/search?q=gesprek&page=1`)).toBe(true);
    expect(
      screen.getByText(
        '1 tekst gevonden met ‘gesprek’. Veel teksten gevonden: ze staan op volgorde van casus. Zoek met meer of preciezere woorden om de best passende bovenaan te zien.',
      ),
    ).toBeTruthy();
    const hit = within(results).getByRole('listitem');
    expect(hit.querySelector('mark')?.textContent).toBe('gesprekken');
    expect(within(hit).getByText('Interview · Casus KL-2026-001 · Jongere')).toBeTruthy();
    expect(within(hit).getByRole('link', { name: 'Interview jongere' }).getAttribute('href')).toBe(
      `/sources/${ids.source}`,
    );
    expect(within(views()).getByRole('link', { name: 'Zoeken' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});
