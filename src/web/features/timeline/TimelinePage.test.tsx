// @vitest-environment happy-dom
// The timeline page against a stubbed server: items and indicators; the list with comments per
// perspective; a field error from the server at its field; and an edit that meets a newer
// version: the conflict view, then a save on top of that version.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch, testSession, type FetchCall } from '../../testing/render';
import { TimelinePage } from './TimelinePage';
import { caseDetail, fosterFamily, ids, reference, timeline } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };
const timelinePath = `/api/cases/${ids.case}/timeline`;

function server(other: (call: FetchCall) => Answer | undefined = () => undefined) {
  return stubFetch((call) => {
    const answer = other(call);
    if (answer) return answer;
    if (call.url === timelinePath) return { body: timeline() };
    if (call.url === `/api/cases/${ids.case}`) return { body: caseDetail };
    if (call.url === '/api/case-reference') return { body: reference };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  });
}

function renderPage(route = `/cases/${ids.case}/timeline`) {
  return renderWithProviders(<TimelinePage />, {
    route,
    path: '/cases/:id/timeline',
    session: testSession(['case.read', 'case.update']),
  });
}

describe('TimelinePage', () => {
  it('shows the lanes with their items and the indicators with what they mean', async () => {
    server();
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Tijdlijn van casus KL-2026-001' });
    expect(screen.getByRole('group', { name: 'Diagnoses (1)' })).toBeTruthy();
    const indicators = screen.getByRole('region', { name: 'Kengetallen' });
    expect(within(indicators).getByText('7,5 jaar')).toBeTruthy();
    expect(within(indicators).getAllByText('Onbekend')).toHaveLength(2);
    expect(
      within(indicators).getByText(/Er staat nog geen specialistische hulp op de tijdlijn/),
    ).toBeTruthy();
  });

  it('lists the items in time order with dates as told and comments per perspective', async () => {
    server();
    renderPage(`/cases/${ids.case}/timeline?view=list`);
    const table = await screen.findByRole('table', { name: 'Alle onderdelen in de tijd (4)' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0] as HTMLElement).getByText('Reacties: Ouder')).toBeTruthy();
    const foster = rows.find((row) => row.textContent?.includes('Pleeggezin B')) as HTMLElement;
    expect(within(foster).getByText('maart 2016 – juni 2019')).toBeTruthy();
    expect(within(foster).getByText('Negatief')).toBeTruthy();
    expect(await within(foster).findByText('Jongere (jongere)')).toBeTruthy();
    expect(within(foster).getByText(/opgelucht ademhalen/)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: /Neutrale weergave/ }));
    expect(within(foster).queryByText('Negatief')).toBeNull();
  });

  it('shows a date error from the server at the date', async () => {
    const { calls } = server((call) =>
      call.method === 'POST'
        ? {
            status: 400,
            body: {
              error: {
                code: 'INVALID_INPUT',
                message: 'Deze datum ligt in de toekomst',
                details: { fields: [{ path: 'start', message: 'Deze datum ligt in de toekomst' }] },
              },
            },
          }
        : undefined,
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Onderdeel toevoegen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw onderdeel' });
    fireEvent.change(within(dialog).getByLabelText('Titel'), { target: { value: 'Verhuizing' } });
    fireEvent.change(within(dialog).getByLabelText('Maand'), { target: { value: '4' } });
    fireEvent.change(within(dialog).getByLabelText('Jaar'), { target: { value: '2019' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Toevoegen aan de tijdlijn' }));
    const group = await within(dialog).findByRole('group', { name: 'Wanneer' });
    expect(within(group).getByText('Deze datum ligt in de toekomst')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      kind: 'event',
      lane: 'living',
      title: 'Verhuizing',
      start: { precision: 'month', year: 2019, month: 4 },
      end: null,
    });
  });

  it('shows both versions when the item changed meanwhile, and saves on the newer one', async () => {
    const current = { ...fosterFamily, version: 2, description: 'Aangevuld uit het dossier.' };
    let puts = 0;
    const { calls } = server((call) => {
      if (call.method === 'PUT') {
        puts += 1;
        return puts === 1
          ? {
              status: 409,
              body: { error: { code: 'CONFLICT', message: 'Iemand anders heeft dit gewijzigd.' } },
            }
          : { body: { ...current, ...(call.body as object), version: 3 } };
      }
      if (call.url === timelinePath && puts > 0) {
        return { body: { ...timeline(), items: [current] } };
      }
      return undefined;
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /^Pleeggezin B, periode/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Onderdeel: Pleeggezin B' });
    fireEvent.change(within(dialog).getByLabelText('Titel'), {
      target: { value: 'Pleeggezin B (eerste)' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Wijzigingen opslaan' }));

    const list = await within(dialog).findByRole('list', { name: '2 verschillen' });
    const description = within(list).getByRole('group', { name: 'Toelichting' });
    fireEvent.click(
      within(description).getByRole('radio', {
        name: 'Huidige versie: Aangevuld uit het dossier.',
      }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan met deze keuzes' }));

    await screen.findByText('‘Pleeggezin B (eerste)’ is opgeslagen.');
    const second = calls.filter((c) => c.method === 'PUT')[1];
    expect(second?.body).toMatchObject({
      title: 'Pleeggezin B (eerste)',
      description: 'Aangevuld uit het dossier.',
      version: 2,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the facts instead of the form to someone who may not change the item', async () => {
    server((call) =>
      call.url === timelinePath
        ? { body: { ...timeline(), abilities: { contribute: false, edit: false } } }
        : undefined,
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: /^Pleeggezin B, periode/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Onderdeel: Pleeggezin B' });
    expect(within(dialog).getByText('maart 2016 – juni 2019')).toBeTruthy();
    expect(within(dialog).getByText('Pleeggezin')).toBeTruthy();
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Van de tijdlijn halen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Onderdeel toevoegen' })).toBeNull();
  });
});
