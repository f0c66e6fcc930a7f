// @vitest-environment happy-dom
// The dossier page against a stubbed server: the consent-missing message (no error page) with
// the way to the case's consent; starting a review on the newest checklist version; progress
// per section; saving an answer with evidence, source and a timeline link (progress moves at
// once); a field error from the server at its field; and a save that meets a newer version:
// both versions, then a save on top of the current one.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { DossierAnswer, DossierView } from '../../../shared/contract/dossier';
import { stubFetch, type FetchCall } from '../../testing/render';
import { caseDetail } from '../timeline/test-data';
import { DossierPage } from './DossierPage';
import {
  answer,
  emptyView,
  firstAnswer,
  ids,
  instrumentDetail,
  instruments,
  timeline,
  view,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };
const dossierPath = `/api/cases/${ids.case}/dossier`;

function server(
  dossier: () => DossierView | Answer,
  other: (call: FetchCall) => Answer | undefined = () => undefined,
) {
  return stubFetch((call) => {
    const answer = other(call);
    if (answer) return answer;
    if (call.url === dossierPath && call.method === 'GET') {
      const result = dossier();
      return 'caseId' in result ? { body: result } : result;
    }
    if (call.url === `/api/cases/${ids.case}/timeline`) return { body: timeline };
    if (call.url === '/api/instruments') return { body: instruments };
    if (call.url === `/api/instruments/${ids.instrument}`) return { body: instrumentDetail };
    if (call.url === `/api/cases/${ids.case}`) return { body: caseDetail };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  });
}

function renderPage(route = `/cases/${ids.case}/dossier`) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path: '/cases/:id/dossier', element: <DossierPage /> },
      { path: '/cases/:id', element: <h1>Casuspagina</h1> },
    ],
    { initialEntries: [route] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}

const item = (number: number) =>
  screen
    .getByRole('heading', { level: 3, name: new RegExp(`^Vraag ${number} `) })
    .closest('.kl-dossier-item') as HTMLElement;

describe('DossierPage', () => {
  it('says plainly that dossier consent is missing, with the way to the case’s consent', async () => {
    server(() => ({
      status: 403,
      body: {
        error: {
          code: 'CONSENT_MISSING',
          message:
            'Het dossier kan pas worden ingezien en gebruikt als de toestemming voor dossierinzage compleet is.',
        },
      },
    }));
    renderPage();
    await screen.findByText(
      'Het dossier kan pas worden ingezien en gebruikt als de toestemming voor dossierinzage compleet is.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Probeer opnieuw' })).toBeNull();
    const link = screen.getByRole('link', { name: 'Naar de toestemming bij de casus' });
    expect(link.getAttribute('href')).toBe(`/cases/${ids.case}#consent-heading`);
    await screen.findByRole('heading', {
      level: 1,
      name: 'Dossieronderzoek van casus KL-2026-001',
    });
  });

  it('starts the review on the newest published checklist version', async () => {
    let started = false;
    const { calls } = server(
      () => (started ? view([]) : emptyView),
      (call) => {
        if (call.method !== 'POST') return undefined;
        started = true;
        return { status: 201, body: view([]) };
      },
    );
    renderPage();
    const select = (await screen.findByLabelText('Versie van de checklist')) as HTMLSelectElement;
    await waitFor(() =>
      expect([...select.options].map((o) => o.text)).toEqual([
        'Versie 2 (nieuwste) — gepubliceerd op 10 feb 2026',
        'Versie 1 — gepubliceerd op 10 jan 2026',
      ]),
    );
    expect(select.value).toBe(ids.version2);
    fireEvent.click(screen.getByRole('button', { name: 'Dossieronderzoek starten' }));
    await screen.findByRole('heading', { level: 2, name: 'Hulpvraag en verklarende analyse' });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      instrumentVersionId: ids.version2,
    });
    expect(
      screen.getByText('Het dossieronderzoek is gestart met versie 1 van de checklist.'),
    ).toBeTruthy();
  });

  it('shows progress overall and per section, and the section navigation', async () => {
    server(() =>
      view([
        firstAnswer,
        answer({ itemKey: 'eerste_aanmelding', value: null, isUnknown: true }),
        answer({ itemKey: 'maanden_zonder_school', value: 4 }),
      ]),
    );
    renderPage();
    const summary = await screen.findByRole('region', { name: 'Voortgang' });
    expect(within(summary).getByText('3 van 7 beantwoord, 1 onbekend')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Onderdelen' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Hulpvraag en verklarende analyse1 van 3 beantwoord',
      'Wachttijden, plaatsingen en continuïteit2 van 4 beantwoord, 1 onbekend',
    ]);
    // The first section with open items is shown; the other is a link away.
    expect(links[0]?.getAttribute('aria-current')).toBe('step');
    fireEvent.click(links[1] as HTMLElement);
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Wachttijden, plaatsingen en continuïteit',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('2 van 4 beantwoord, 1 onbekend', { selector: 'p' })).toBeTruthy();
  });

  it('saves an answer with evidence, source and a timeline link, and counts it at once', async () => {
    let saved: DossierAnswer | null = null;
    const { calls } = server(
      () => view(saved ? [firstAnswer, saved] : [firstAnswer]),
      (call) => {
        if (call.method !== 'PUT') return undefined;
        const body = call.body as { value: string; timelineItemIds: string[] };
        saved = answer({
          id: '00000000-0000-4000-8000-0000000000aa',
          itemKey: 'uithuisplaatsing_onderbouwd',
          value: body.value,
          evidence: '"Thuis is geen optie meer."',
          sourceDocument: 'Plaatsingsbesluit',
          sourceDate: '2019-03-02',
          timelineLinks: [
            {
              timelineItemId: ids.placement,
              title: 'Pleeggezin A',
              lane: 'living',
              isDeleted: false,
            },
          ],
        });
        return { body: saved };
      },
    );
    renderPage(`/cases/${ids.case}/dossier?section=continuiteit`);
    await screen.findByRole('heading', {
      level: 2,
      name: 'Wachttijden, plaatsingen en continuïteit',
    });
    const form = item(5);
    fireEvent.click(within(form).getByRole('radio', { name: 'Deels' }));
    fireEvent.change(within(form).getByLabelText(/^Onderbouwing/), {
      target: { value: '"Thuis is geen optie meer."' },
    });
    fireEvent.change(within(form).getByLabelText(/^Brondocument/), {
      target: { value: 'Plaatsingsbesluit' },
    });
    fireEvent.change(within(form).getByLabelText(/^Datum van het document/), {
      target: { value: '2019-03-02' },
    });
    expect(within(form).getByText('Niet opgeslagen')).toBeTruthy();
    // The lanes the item hints at come first in the picker.
    fireEvent.click(within(form).getByRole('button', { name: 'Koppelen aan de tijdlijn' }));
    const lanes = [...form.querySelectorAll('.kl-dossier-links__lane')];
    expect(lanes.map((l) => l.querySelector('legend')?.textContent)).toEqual([
      'Wonen (past bij deze vraag)',
      'School',
      'Diagnoses',
    ]);
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Pleeggezin A/ }));
    fireEvent.click(within(form).getByRole('button', { name: /^Opslaan/ }));

    await within(form).findByText('Opgeslagen.');
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: `${dossierPath}/answers/uithuisplaatsing_onderbouwd`,
      body: {
        value: 'partly',
        evidence: '"Thuis is geen optie meer."',
        sourceDocument: 'Plaatsingsbesluit',
        sourceDate: '2019-03-02',
        timelineItemIds: [ids.placement],
        version: 0,
      },
    });
    const summary = screen.getByRole('region', { name: 'Voortgang' });
    expect(within(summary).getByText('2 van 7 beantwoord')).toBeTruthy();
    expect(within(form).queryByText('Niet opgeslagen')).toBeNull();
    expect(within(form).getByText(/^Beantwoord door Rik Onderzoeker/)).toBeTruthy();
  });

  it('checks a number before sending, and shows the server’s refusal at the field', async () => {
    const { calls } = server(
      () => view(),
      (call) =>
        call.method === 'PUT'
          ? {
              status: 400,
              body: {
                error: {
                  code: 'INVALID_INPUT',
                  message: 'De datum van het document ligt in de toekomst.',
                  details: {
                    fields: [
                      {
                        path: 'sourceDate',
                        message: 'De datum van het document ligt in de toekomst.',
                      },
                    ],
                  },
                },
              },
            }
          : undefined,
    );
    renderPage(`/cases/${ids.case}/dossier?section=continuiteit`);
    await screen.findByRole('heading', {
      level: 2,
      name: 'Wachttijden, plaatsingen en continuïteit',
    });
    const form = item(6);
    const number = within(form).getByRole('textbox', { name: 'Antwoord' });
    fireEvent.change(number, { target: { value: '300' } });
    fireEvent.click(within(form).getByRole('button', { name: /^Opslaan/ }));
    await within(form).findByRole('alert');
    expect(number.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(form).getAllByText('Vul een getal van hoogstens 240 in.')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(number, { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: /^Opslaan/ }));
    const dateField = within(form).getByLabelText(/^Datum van het document/);
    await waitFor(() => expect(dateField.getAttribute('aria-invalid')).toBe('true'));
    expect(
      within(form).getAllByText('De datum van het document ligt in de toekomst.').length,
    ).toBeGreaterThan(0);
  });

  it('shows both versions when someone else saved the answer meanwhile, and saves the choice', async () => {
    const current = {
      ...firstAnswer,
      value: 'partly',
      evidence: 'Volgens het verslag deels.',
      version: 2,
      researcher: { id: ids.researcher, name: 'Sanne Collega' },
    };
    let conflicted = false;
    const { calls } = server(
      () => view([conflicted ? current : firstAnswer]),
      (call) => {
        if (call.method !== 'PUT') return undefined;
        if (!conflicted) {
          conflicted = true;
          return {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message: 'Iemand anders heeft dit antwoord intussen gewijzigd.',
                details: { current, yours: call.body },
              },
            },
          };
        }
        return { body: { ...current, ...(call.body as object), version: 3 } };
      },
    );
    renderPage();
    await screen.findByRole('heading', { level: 2, name: 'Hulpvraag en verklarende analyse' });
    fireEvent.click(within(item(1)).getByRole('radio', { name: 'Ja' }));
    fireEvent.click(within(item(1)).getByRole('button', { name: /^Opslaan/ }));

    // The conflict view takes the form's place.
    const heading = await screen.findByRole('heading', {
      name: 'Iemand anders heeft dit antwoord intussen gewijzigd',
    });
    const form = item(1);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const differences = within(form).getByRole('list', { name: '2 verschillen' });
    const value = within(differences).getByRole('group', { name: 'Antwoord' });
    expect(within(value).getByRole('radio', { name: 'Jouw versie: Ja' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(value).getByRole('radio', { name: 'Huidige versie: Deels' })).toBeTruthy();
    const evidence = within(differences).getByRole('group', { name: 'Onderbouwing' });
    fireEvent.click(within(evidence).getByRole('radio', { name: /^Huidige versie/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Opslaan met deze keuzes' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]?.body).toMatchObject({
      value: 'yes',
      evidence: 'Volgens het verslag deels.',
      version: 2,
    });
    await within(item(1)).findByText('Opgeslagen.');
  });
});
