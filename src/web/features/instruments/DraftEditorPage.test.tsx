// @vitest-environment happy-dom
// The draft editor: adding a section and a question of every answer type (keys suggested from
// the text), moving questions with buttons while focus follows them, checking duplicate keys
// and a published key's answer type before anything is sent, placing the server's field errors
// at their fields, and the conflict view of a stale save with both ways on.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstrumentContent, InstrumentVersion } from '../../../shared/contract/instruments';
import { AppShell } from '../../app/AppShell';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  testSession,
  type FetchCall,
} from '../../testing/render';
import { DraftEditorPage } from './DraftEditorPage';
import { content, draft, instrumentId, published, readAnswers } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };
type Sent = { content: InstrumentContent; revision: number };

function server(answer: (call: FetchCall) => Answer | undefined = () => undefined) {
  const reads = readAnswers([draft, published]);
  return stubFetch((call) => answer(call) ?? reads(call) ?? { status: 404 });
}

/** Saves answer with the draft as sent, one revision on. */
const savedAs = (call: FetchCall): Answer => {
  const body = call.body as Sent;
  return {
    body: {
      ...draft,
      revision: body.revision + 1,
      content: body.content,
      updatedAt: '2026-06-01T10:00:00.000Z',
    },
  };
};

function renderEditor() {
  return renderWithProviders(<DraftEditorPage />, {
    route: `/instruments/${instrumentId}/draft`,
    path: '/instruments/:id/draft',
    routes: [{ path: '/instruments/:id', element: <p>Instrumentpagina</p> }],
  });
}

const focused = () => document.activeElement as HTMLElement;
const sentBodies = (calls: FetchCall[]) =>
  calls.filter((c) => c.method === 'PUT').map((c) => c.body as Sent);

async function openEditor() {
  renderEditor();
  await screen.findByRole('heading', { level: 1, name: 'Concept versie 2 van Dossierchecklist' });
}

/** The fieldset of the focused question field, after adding a question. */
function newItemFieldset(): HTMLElement {
  const field = focused();
  expect(field.tagName).toBe('TEXTAREA');
  return field.closest('fieldset') as HTMLElement;
}

function type(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

describe('the draft editor', () => {
  it('adds a section with a question of every answer type, and saves it with its revision', async () => {
    const { calls } = server((call) => (call.method === 'PUT' ? savedAs(call) : undefined));
    await openEditor();

    fireEvent.click(screen.getByRole('button', { name: 'Onderdeel toevoegen' }));
    const title = focused();
    expect(title.getAttribute('id')).toMatch(/-title$/);
    type(title, 'Veiligheid');
    const section = screen.getByRole('group', { name: 'Onderdeel 3: Veiligheid' });
    const sectionKey = section.querySelector(`#${title.id.replace(/title$/, 'key')}`);
    expect((sectionKey as HTMLInputElement).value).toBe('veiligheid');
    expect(screen.getByRole('status').textContent).toBe(
      'Er is een onderdeel toegevoegd, onderaan.',
    );

    // The section comes with one (open) question: yes / partly / no.
    const first = within(section).getByRole('group', { name: /^Vraag 3\.1:/ });
    type(within(first).getByLabelText('Vraag'), 'Is de veiligheid besproken?');
    expect((within(first).getByLabelText('Sleutel') as HTMLInputElement).value).toBe(
      'is_de_veiligheid_besproken',
    );

    const addItem = () => {
      fireEvent.click(within(section).getByRole('button', { name: /^Vraag toevoegen/ }));
      return newItemFieldset();
    };

    const number = addItem();
    expect(screen.getByRole('status').textContent).toBe(
      'Er is een vraag toegevoegd onderaan ‘Veiligheid’.',
    );
    type(within(number).getByLabelText('Vraag'), 'Leeftijd bij de eerste melding');
    fireEvent.change(within(number).getByLabelText('Soort antwoord'), {
      target: { value: 'number' },
    });
    type(within(number).getByLabelText(/^Minimum/), '0');
    type(within(number).getByLabelText(/^Maximum/), '17,5');
    type(within(number).getByLabelText(/^Eenheid/), 'jaar');
    fireEvent.click(within(number).getByLabelText('Alleen hele getallen'));

    const date = addItem();
    type(within(date).getByLabelText('Vraag'), 'Wanneer was de eerste melding?');
    fireEvent.change(within(date).getByLabelText('Soort antwoord'), { target: { value: 'date' } });

    const choice = addItem();
    type(within(choice).getByLabelText('Vraag'), 'Wie deed de melding?');
    fireEvent.change(within(choice).getByLabelText('Soort antwoord'), {
      target: { value: 'choice' },
    });
    type(within(choice).getByLabelText('Tekst van keuze 1'), 'School');
    type(within(choice).getByLabelText('Tekst van keuze 2'), 'Huisarts');
    fireEvent.click(within(choice).getByRole('button', { name: 'Keuze toevoegen' }));
    expect(focused()).toBe(within(choice).getByLabelText('Tekst van keuze 3'));
    type(focused(), 'Politie of justitie');
    expect((within(choice).getByLabelText('Code van keuze 3') as HTMLInputElement).value).toBe(
      'politie_of_justitie',
    );
    fireEvent.click(within(choice).getByLabelText('Meer dan één keuze tegelijk mogelijk'));

    const text = addItem();
    type(within(text).getByLabelText('Vraag'), 'Wat zegt het dossier over de veiligheid?');
    fireEvent.change(within(text).getByLabelText('Soort antwoord'), { target: { value: 'text' } });
    type(within(text).getByLabelText(/^Richtlijn/), 'Richtlijn Jeugdhulp met verblijf');
    fireEvent.click(within(text).getByLabelText('Gezin & levensgebeurtenissen'));
    fireEvent.click(within(text).getByLabelText('Wonen'));

    expect(screen.getByText('Er zijn wijzigingen die nog niet zijn opgeslagen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    await screen.findByText(/^Het concept is opgeslagen/);
    expect(screen.getByText('Alles is opgeslagen.')).toBeTruthy();

    const [sent] = sentBodies(calls);
    expect(sent?.revision).toBe(3);
    expect(sent?.content.sections.slice(0, 2)).toEqual(content.sections);
    expect(sent?.content.sections[2]).toEqual({
      key: 'veiligheid',
      title: 'Veiligheid',
      items: [
        {
          key: 'is_de_veiligheid_besproken',
          question: 'Is de veiligheid besproken?',
          help: '',
          answer: { type: 'ynpu' },
        },
        {
          key: 'leeftijd_bij_de_eerste_melding',
          question: 'Leeftijd bij de eerste melding',
          help: '',
          answer: { type: 'number', min: 0, max: 17.5, unit: 'jaar', isInteger: true },
        },
        {
          key: 'wanneer_was_de_eerste_melding',
          question: 'Wanneer was de eerste melding?',
          help: '',
          answer: { type: 'date' },
        },
        {
          key: 'wie_deed_de_melding',
          question: 'Wie deed de melding?',
          help: '',
          answer: {
            type: 'choice',
            options: [
              { code: 'school', label: 'School' },
              { code: 'huisarts', label: 'Huisarts' },
              { code: 'politie_of_justitie', label: 'Politie of justitie' },
            ],
            isMultiple: true,
          },
        },
        {
          key: 'wat_zegt_het_dossier_over_de_veiligheid',
          question: 'Wat zegt het dossier over de veiligheid?',
          help: '',
          answer: { type: 'text' },
          guideline: 'Richtlijn Jeugdhulp met verblijf',
          // In the timeline's order, whatever order they were ticked in.
          timelineLanes: ['living', 'family'],
        },
      ],
    });

    // The next save names the revision the server gave back.
    type(screen.getByLabelText('Titel van het instrument'), 'Dossierchecklist 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    await waitFor(() => expect(sentBodies(calls)).toHaveLength(2));
    expect(sentBodies(calls)[1]?.revision).toBe(4);
  });

  it('moves questions with buttons, within a section and to another one, and focus follows', async () => {
    const { calls } = server((call) => (call.method === 'PUT' ? savedAs(call) : undefined));
    await openEditor();
    fireEvent.click(
      screen.getByRole('button', { name: 'Omhoog vraag 1.2: Waar ging de hulpvraag over?' }),
    );
    expect(screen.getByRole('status').textContent).toBe(
      '‘Waar ging de hulpvraag over?’ staat nu op plaats 1 van 2.',
    );
    // At the top there is no "up": the focus is on "down" of the same question.
    expect(focused().textContent).toBe('↓ Omlaag vraag 1.1: Waar ging de hulpvraag over?');

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Bewerken vraag 1.2: Staat de hulpvraag in het dossier?',
      }),
    );
    const moving = screen.getByRole('group', {
      name: 'Vraag 1.2: Staat de hulpvraag in het dossier?',
    });
    fireEvent.change(within(moving).getByLabelText(/^Naar onderdeel/), {
      target: {
        value: within(moving).getByRole('option', { name: 'Verloop' }).getAttribute('value'),
      },
    });
    fireEvent.click(within(moving).getByRole('button', { name: /^Verplaatsen/ }));
    expect(screen.getByRole('status').textContent).toBe(
      '‘Staat de hulpvraag in het dossier?’ staat nu onderaan ‘Verloop’.',
    );
    expect(focused().textContent).toBe('Inklappen vraag 2.2: Staat de hulpvraag in het dossier?');

    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    await waitFor(() => expect(sentBodies(calls)).toHaveLength(1));
    const sections = sentBodies(calls)[0]?.content.sections ?? [];
    expect(sections.map((s) => s.items.map((i) => i.key))).toEqual([
      ['hulpvraag_soort'],
      ['aantal_plaatsingen', 'hulpvraag_in_dossier'],
    ]);
  });

  it('refuses a duplicate key and a published key with another answer type before sending', async () => {
    const { calls } = server();
    await openEditor();
    fireEvent.click(
      screen.getByRole('button', { name: 'Bewerken vraag 2.1: Hoeveel plaatsingen waren er?' }),
    );
    const item = screen.getByRole('group', { name: 'Vraag 2.1: Hoeveel plaatsingen waren er?' });
    const key = within(item).getByLabelText('Sleutel');
    expect(descriptionOf(key)).toContain('Gepubliceerd in versie 1 als ‘Getal’');
    type(key, 'hulpvraag_soort');
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));

    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(key)).toContain(
      'De sleutel ‘hulpvraag_soort’ komt al eerder voor. Kies een sleutel die nog niet bestaat.',
    );
    // The key now names a published choice question: its answer type may not change.
    const answerType = within(item).getByLabelText('Soort antwoord');
    expect(descriptionOf(answerType)).toContain(
      'De sleutel ‘hulpvraag_soort’ was in versie 1 ‘Keuzelijst’.',
    );
    // The summary above the form links to both fields and takes focus.
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([`#${key.id}`, `#${answerType.id}`]);

    // An empty question is said at its field too; nothing was sent.
    type(key, 'aantal_plaatsingen');
    type(within(item).getByLabelText('Vraag'), '  ');
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    expect(descriptionOf(within(item).getByLabelText('Vraag'))).toContain('Vul de vraag in.');
    expect(key.getAttribute('aria-invalid')).toBeNull();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('places the server’s field errors at their fields', async () => {
    server((call) =>
      call.method === 'PUT'
        ? {
            status: 400,
            body: {
              error: {
                code: 'INVALID_INPUT',
                message: 'Niet alle velden zijn goed ingevuld.',
                details: {
                  reason: 'KEY_TYPE_CHANGED',
                  fields: [
                    {
                      path: 'content.sections.1.items.0.answer.type',
                      message:
                        'De sleutel aantal_plaatsingen had in versie 1 het antwoordtype number.',
                    },
                  ],
                },
              },
            },
          }
        : undefined,
    );
    await openEditor();
    type(screen.getByLabelText('Titel van het instrument'), 'Nieuwe titel');
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    // The folded question unfolds to show its error.
    const item = await screen.findByRole('group', {
      name: 'Vraag 2.1: Hoeveel plaatsingen waren er?',
    });
    const answerType = await within(item).findByLabelText('Soort antwoord');
    expect(answerType.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(answerType)).toContain('had in versie 1 het antwoordtype number');
  });

  describe('when someone else saved the draft meanwhile', () => {
    const theirs: InstrumentVersion = {
      ...draft,
      revision: 4,
      updatedAt: '2026-06-01T09:30:00.000Z',
      content: {
        ...content,
        sections: [
          {
            ...content.sections[0]!,
            items: [
              {
                ...content.sections[0]!.items[0]!,
                question: 'Staat de hulpvraag van het gezin erin?',
              },
              content.sections[0]!.items[1]!,
            ],
          },
          content.sections[1]!,
        ],
      },
    };
    const conflictAnswer = (call: FetchCall): Answer => ({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'Iemand anders heeft dit concept intussen gewijzigd.',
          details: { current: theirs, yours: call.body },
        },
      },
    });

    async function saveStale() {
      let puts = 0;
      const fetch = server((call) => {
        if (call.method !== 'PUT') return undefined;
        puts += 1;
        return puts === 1 ? conflictAnswer(call) : savedAs(call);
      });
      await openEditor();
      type(screen.getByLabelText('Titel van het instrument'), 'Dossierchecklist (bijgewerkt)');
      fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
      const heading = await screen.findByRole('heading', {
        name: 'Iemand anders heeft dit concept intussen opgeslagen',
      });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      return fetch;
    }

    it('shows both versions where they differ', async () => {
      await saveStale();
      const table = screen.getByRole('table', { name: '2 verschillen' });
      const rows = within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
      expect(rows).toEqual([
        ['Titel', 'Dossierchecklist (bijgewerkt)', 'Dossierchecklist'],
        [
          'Vraag hulpvraag_in_dossier: tekst van de vraag',
          'Staat de hulpvraag in het dossier?',
          'Staat de hulpvraag van het gezin erin?',
        ],
      ]);
    });

    it('keeps mine: saves it over the newest revision', async () => {
      const { calls } = await saveStale();
      fireEvent.click(screen.getByRole('button', { name: 'Mijn versie houden en opslaan' }));
      await screen.findByText(/^Het concept is opgeslagen/);
      const [stale, again] = sentBodies(calls);
      expect(stale?.revision).toBe(3);
      expect(again?.revision).toBe(4);
      expect(again?.content.title).toBe('Dossierchecklist (bijgewerkt)');
      expect((screen.getByLabelText('Titel van het instrument') as HTMLInputElement).value).toBe(
        'Dossierchecklist (bijgewerkt)',
      );
    });

    it('loads the newest: the edits made here go, the next save names its revision', async () => {
      const { calls } = await saveStale();
      fireEvent.click(screen.getByRole('button', { name: 'Nieuwste versie laden' }));
      expect((screen.getByLabelText('Titel van het instrument') as HTMLInputElement).value).toBe(
        'Dossierchecklist',
      );
      expect(
        screen.getByRole('group', { name: 'Vraag 1.1: Staat de hulpvraag van het gezin erin?' }),
      ).toBeTruthy();
      expect(screen.getByRole('status').textContent).toBe(
        'De nieuwste versie van het concept is geladen.',
      );
      type(screen.getByLabelText('Titel van het instrument'), 'Nog een titel');
      fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
      await waitFor(() => expect(sentBodies(calls)).toHaveLength(2));
      expect(sentBodies(calls)[1]?.revision).toBe(4);
    });
  });

  it('publishes after a confirmation that says the version never changes', async () => {
    const { calls } = server((call) =>
      call.url.endsWith('/draft/publish')
        ? {
            body: {
              ...draft,
              status: 'published',
              publishedAt: draft.updatedAt,
              publishedBy: 'Bea',
            },
          }
        : undefined,
    );
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Versie 2 publiceren' }));
    const question = screen.getByRole('group', { name: 'Versie 2 publiceren?' });
    expect(question.textContent).toContain('kan na het publiceren niet meer worden gewijzigd');
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, publiceer versie 2' }));
    await screen.findByText('Instrumentpagina');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/instruments/${instrumentId}/draft/publish`,
      body: { revision: 3 },
    });
  });
});

describe('the navigation item', () => {
  it('is offered only to whoever may manage instruments', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, {
      session: testSession(['instrument.read', 'instrument.manage']),
    });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Instrumenten' }).getAttribute('href')).toBe(
      '/instruments',
    );
    cleanup();
    renderWithProviders(<AppShell />, { session: testSession(['instrument.read']) });
    expect(
      within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', {
        name: 'Instrumenten',
      }),
    ).toBeNull();
  });
});
