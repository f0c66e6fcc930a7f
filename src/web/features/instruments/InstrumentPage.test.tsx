// @vitest-environment happy-dom
// One instrument's page: its versions (published when and by whom, each readable and
// downloadable), what versions mean in plain words, starting a draft, and importing a JSON
// file — a file that is not JSON, and the server's refusal shown at the file field with the
// place in the file said in words.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstrumentDocument } from '../../../shared/contract/instruments';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  type FetchCall,
} from '../../testing/render';
import { InstrumentPage } from './InstrumentPage';
import { content, draft, instrumentId, published, readAnswers } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function server(answer: (call: FetchCall) => { status?: number; body?: unknown } | undefined) {
  const reads = readAnswers([published]);
  return stubFetch((call) => answer(call) ?? reads(call) ?? { status: 404 });
}

function renderPage() {
  return renderWithProviders(<InstrumentPage />, {
    route: `/instruments/${instrumentId}`,
    path: '/instruments/:id',
    routes: [{ path: '/instruments/:id/draft', element: <p>Editor</p> }],
  });
}

const document: InstrumentDocument = {
  format: 'ketenlens-instrument',
  formatVersion: 1,
  code: 'dossier-checklist',
  kind: 'dossier_checklist',
  number: 1,
  content,
};

function chooseFile(input: HTMLElement, text: string, name = 'checklist.json') {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('InstrumentPage', () => {
  it('lists the versions, says what versions mean, and starts a draft', async () => {
    const { calls } = server((call) =>
      call.method === 'POST' ? { status: 201, body: draft } : undefined,
    );
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Dossierchecklist' });
    expect(
      screen.getByText(/Een gepubliceerde versie verandert nooit meer/).textContent,
    ).toBeTruthy();
    expect(
      screen.getByText(/Antwoorden houden altijd de versie waaronder ze zijn gegeven/),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Alle versies van Dossierchecklist' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Versie 1');
    expect(row.textContent).toContain('Gepubliceerd');
    expect(row.textContent).toContain('door Ketenlens (standaardversie)');
    expect(within(row).getByRole('link', { name: 'Bekijken Versie 1' }).getAttribute('href')).toBe(
      `/instruments/${instrumentId}/versions/1`,
    );
    const download = within(row).getByRole('link', { name: 'JSON downloaden Versie 1' });
    expect(download.getAttribute('href')).toBe(
      `/api/instruments/${instrumentId}/versions/1/export`,
    );
    expect(download.hasAttribute('download')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Nieuw concept starten' }));
    await screen.findByText('Editor');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/instruments/${instrumentId}/draft`,
      body: {},
    });
  });

  it('says a file that is not JSON at the file field, sending nothing', async () => {
    const { calls } = server(() => undefined);
    renderPage();
    const form = await screen.findByRole('form', {
      name: 'JSON-bestand importeren als nieuw concept',
    });
    const input = within(form).getByLabelText('JSON-bestand');
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren als concept' }));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(input)).toContain('Kies een JSON-bestand.');

    chooseFile(input, '{ "format": ', 'kapot.json');
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren als concept' }));
    await waitFor(() =>
      expect(descriptionOf(input)).toContain('‘kapot.json’ is geen geldig JSON-bestand.'),
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows what the server refused in an import, with the place in the file in words', async () => {
    const { calls } = server((call) =>
      call.url.endsWith('/import')
        ? {
            status: 400,
            body: {
              error: {
                code: 'INVALID_INPUT',
                message: 'Niet alle velden zijn goed ingevuld.',
                details: {
                  fields: [
                    {
                      path: 'content.sections.0.items.1.key',
                      message: 'De sleutel hulpvraag_in_dossier komt bij meer dan één vraag voor',
                    },
                    {
                      path: 'content.sections.1.items.0.answer.options',
                      message: 'Een keuzelijst heeft minstens twee keuzes',
                    },
                  ],
                },
              },
            },
          }
        : undefined,
    );
    renderPage();
    const form = await screen.findByRole('form', {
      name: 'JSON-bestand importeren als nieuw concept',
    });
    const input = within(form).getByLabelText('JSON-bestand');
    chooseFile(input, JSON.stringify(document));
    fireEvent.click(within(form).getByRole('button', { name: 'Importeren als concept' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(
      'Het bestand is niet geïmporteerd. Deze 2 dingen moeten eerst anders:',
    );
    const problems = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(problems).toEqual([
      'onderdeel 1 ‘Hulpvraag’ › vraag 2 ‘Waar ging de hulpvraag over?’ › sleutel: De sleutel hulpvraag_in_dossier komt bij meer dan één vraag voor (plaats in het bestand: content.sections.0.items.1.key)',
      'onderdeel 2 ‘Verloop’ › vraag 1 ‘Hoeveel plaatsingen waren er?’ › soort antwoord › keuzes: Een keuzelijst heeft minstens twee keuzes (plaats in het bestand: content.sections.1.items.0.answer.options)',
    ]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(input)).toContain('vraag 2 ‘Waar ging de hulpvraag over?’ › sleutel');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual(document);
  });

  it('offers no import while a draft exists, and links to the draft instead', async () => {
    stubFetch((call) => readAnswers([draft, published])(call) ?? { status: 404 });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Dossierchecklist' });
    expect(screen.queryByRole('form', { name: /importeren/ })).toBeNull();
    expect(
      screen.getByText(/Er is al een concept \(versie 2\)\. Publiceer of verwijder dat eerst/),
    ).toBeTruthy();
    expect(
      screen.getAllByRole('link', { name: /^Concept bewerken/ })[0]?.getAttribute('href'),
    ).toBe(`/instruments/${instrumentId}/draft`);
  });
});
