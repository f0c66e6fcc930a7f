// @vitest-environment happy-dom
// The reference-list screen: a table per list with fixed codes, markers and usage; editing a
// name (focus into the field and back to the button), moving an entry (focus follows it),
// archiving and restoring, adding with a code suggested from the name, a duplicate code said at
// its field; and the navigation item only with the permission.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReferenceList, ReferenceLists } from '../../../shared/contract/reference-lists';
import { AppShell } from '../../app/AppShell';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  testSession,
  type FetchCall,
} from '../../testing/render';
import { ReferenceListsPage } from './ReferenceListsPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const types: ReferenceList = {
  list: 'institution_type',
  markers: [],
  entries: [
    {
      code: 'jji',
      label: 'Justitiële jeugdinrichting (JJI)',
      marker: null,
      isArchived: false,
      caseCount: 3,
      itemCount: null,
    },
    {
      code: 'other',
      label: 'Anders',
      marker: null,
      isArchived: false,
      caseCount: 0,
      itemCount: null,
    },
  ],
};
const settings: ReferenceList = {
  list: 'setting_type',
  markers: ['out_of_home'],
  entries: [
    {
      code: 'parental_home',
      label: 'Thuis bij ouder(s)',
      marker: null,
      isArchived: false,
      caseCount: 2,
      itemCount: 4,
    },
    {
      code: 'foster_family',
      label: 'Pleeggezin',
      marker: 'out_of_home',
      isArchived: false,
      caseCount: 1,
      itemCount: 1,
    },
    {
      code: 'clinic',
      label: 'Kliniek',
      marker: 'out_of_home',
      isArchived: true,
      caseCount: 0,
      itemCount: 0,
    },
  ],
};
const lists: ReferenceLists = { lists: [types, settings] };

const withEntries = (list: ReferenceList, entries: ReferenceList['entries']): ReferenceList => ({
  ...list,
  entries,
});

function server(answer: (call: FetchCall) => { status?: number; body?: unknown } | undefined) {
  return stubFetch((call) => {
    const own = answer(call);
    if (own) return own;
    if (call.url === '/api/reference-lists') return { body: lists };
    return { status: 404 };
  });
}

describe('ReferenceListsPage', () => {
  it('shows each list as a table with fixed codes, markers, usage and state', async () => {
    server(() => undefined);
    renderWithProviders(<ReferenceListsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Keuzelijsten' })).toBeTruthy();
    const living = await screen.findByRole('table', { name: 'Alle keuzes in ‘Woonsituaties’' });
    const rows = within(living).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('NaamVaste codeTelt mee alsGebruikStatusActies'),
      expect.stringContaining('Thuis bij ouder(s)parental_home'),
      expect.stringContaining('Pleeggezinfoster_familyUithuisplaatsing1 onderdeel in 1 casus'),
      expect.stringContaining('Kliniekclinic'),
    ]);
    expect(within(rows[1]!).getByText('4 onderdelen in 2 casussen')).toBeTruthy();
    expect(within(rows[3]!).getByText('Gearchiveerd')).toBeTruthy();
    expect(within(rows[3]!).getByRole('button', { name: 'Terugzetten Kliniek' })).toBeTruthy();
    // The first entry cannot move up, the last not down.
    expect(within(rows[1]!).queryByRole('button', { name: /Omhoog/ })).toBeNull();
    expect(within(rows[3]!).queryByRole('button', { name: /Omlaag/ })).toBeNull();
    // What the marker counts for is said in plain words.
    expect(screen.getByText(/telt mee in de indicatoren ‘Uithuisplaatsingen’/)).toBeTruthy();
    // Institution types have no marker column.
    const typeTable = screen.getByRole('table', { name: 'Alle keuzes in ‘Soorten instelling’' });
    expect(within(typeTable).queryByRole('columnheader', { name: 'Telt mee als' })).toBeNull();
    expect(within(typeTable).getByText('3 casussen')).toBeTruthy();
  });

  it('edits a name in its row, says what a marker change recomputes, and returns focus', async () => {
    const { calls } = server((call) =>
      call.method === 'PUT'
        ? {
            body: withEntries(settings, [
              settings.entries[0]!,
              { ...settings.entries[1]!, label: 'Pleeggezin (bestand)' },
              settings.entries[2]!,
            ]),
          }
        : undefined,
    );
    renderWithProviders(<ReferenceListsPage />);
    const edit = await screen.findByRole('button', { name: 'Wijzigen Pleeggezin' });
    fireEvent.click(edit);
    const field = screen.getByLabelText('Naam', {
      selector: '#rl-setting_type-foster_family-label',
    });
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '  Pleeggezin (bestand) ' } });
    const checkbox = screen.getByLabelText('Telt als uithuisplaatsing', {
      selector: '#rl-setting_type-foster_family-marker',
    });
    fireEvent.click(checkbox);
    expect(
      screen.getByText('Na opslaan worden de indicatoren van 1 casus opnieuw berekend.'),
    ).toBeTruthy();
    fireEvent.click(checkbox);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await screen.findByText('‘Pleeggezin (bestand)’ is opgeslagen.');
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/api/reference-lists/setting_type/entries/foster_family',
      body: { label: 'Pleeggezin (bestand)', marker: 'out_of_home' },
      headers: { 'content-type': 'application/json' },
    });
    const back = screen.getByRole('button', { name: 'Wijzigen Pleeggezin (bestand)' });
    await waitFor(() => expect(document.activeElement).toBe(back));
  });

  it('refuses an empty name at the field, and Escape cancels with focus back on the button', async () => {
    const { calls } = server(() => undefined);
    renderWithProviders(<ReferenceListsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Wijzigen Anders' }));
    const field = screen.getByLabelText('Naam', { selector: '#rl-institution_type-other-label' });
    fireEvent.change(field, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('Vul een naam in.');
    fireEvent.keyDown(field, { key: 'Escape' });
    const edit = screen.getByRole('button', { name: 'Wijzigen Anders' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('moves an entry down by sending the full order, and keeps focus on it', async () => {
    const byCode = new Map(settings.entries.map((e) => [e.code, e]));
    const { calls } = server((call) =>
      call.url.endsWith('/order')
        ? {
            body: withEntries(
              settings,
              (call.body as { codes: string[] }).codes.map((code) => byCode.get(code)!),
            ),
          }
        : undefined,
    );
    renderWithProviders(<ReferenceListsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Omlaag Thuis bij ouder(s)' }));
    await screen.findByText('‘Thuis bij ouder(s)’ staat nu op plaats 2 van 3.');
    expect(calls.find((c) => c.url.endsWith('/order'))).toMatchObject({
      method: 'PUT',
      url: '/api/reference-lists/setting_type/order',
      body: { codes: ['foster_family', 'parental_home', 'clinic'] },
    });
    const down = screen.getByRole('button', { name: 'Omlaag Thuis bij ouder(s)' });
    await waitFor(() => expect(document.activeElement).toBe(down));

    fireEvent.click(down);
    await screen.findByText('‘Thuis bij ouder(s)’ staat nu op plaats 3 van 3.');
    expect(calls.filter((c) => c.url.endsWith('/order')).at(-1)?.body).toEqual({
      codes: ['foster_family', 'clinic', 'parental_home'],
    });
    // At the bottom there is no "down" any more: the focus is on "up" of the same entry.
    const up = screen.getByRole('button', { name: 'Omhoog Thuis bij ouder(s)' });
    await waitFor(() => expect(document.activeElement).toBe(up));
  });

  it('archives and restores an entry, announcing what that means', async () => {
    const { calls } = server((call) => {
      if (!call.url.endsWith('/archive')) return undefined;
      const isArchived = (call.body as { isArchived: boolean }).isArchived;
      return {
        body: withEntries(types, [{ ...types.entries[0]!, isArchived }, types.entries[1]!]),
      };
    });
    renderWithProviders(<ReferenceListsPage />);
    const button = await screen.findByRole('button', {
      name: 'Archiveren Justitiële jeugdinrichting (JJI)',
    });
    fireEvent.click(button);
    await screen.findByText(
      '‘Justitiële jeugdinrichting (JJI)’ is gearchiveerd: niet meer te kiezen, wel zichtbaar bij bestaande gegevens.',
    );
    const restore = screen.getByRole('button', {
      name: 'Terugzetten Justitiële jeugdinrichting (JJI)',
    });
    await waitFor(() => expect(document.activeElement).toBe(restore));
    fireEvent.click(restore);
    await screen.findByText('‘Justitiële jeugdinrichting (JJI)’ is weer te kiezen.');
    expect(calls.filter((c) => c.url.endsWith('/archive')).map((c) => c.body)).toEqual([
      { isArchived: true },
      { isArchived: false },
    ]);
  });

  it('adds an entry with a code suggested from its name and the marker ticked', async () => {
    const added = {
      code: 'kamertraining',
      label: 'Kamertraining',
      marker: 'out_of_home' as const,
      isArchived: false,
      caseCount: 0,
      itemCount: 0,
    };
    const { calls } = server((call) =>
      call.method === 'POST'
        ? { status: 201, body: withEntries(settings, [...settings.entries, added]) }
        : undefined,
    );
    renderWithProviders(<ReferenceListsPage />);
    const form = await screen.findByRole('form', { name: 'Nieuwe keuze in ‘Woonsituaties’' });
    const label = within(form).getByLabelText('Naam');
    fireEvent.change(label, { target: { value: 'Kamertraining' } });
    const code = within(form).getByLabelText('Vaste code') as HTMLInputElement;
    expect(code.value).toBe('kamertraining');
    expect(descriptionOf(code)).toContain('verandert de code nooit meer');
    fireEvent.click(within(form).getByLabelText('Telt als uithuisplaatsing'));
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));

    await screen.findByText('‘Kamertraining’ is toegevoegd, onderaan de lijst.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/reference-lists/setting_type/entries',
      body: { code: 'kamertraining', label: 'Kamertraining', marker: 'out_of_home' },
    });
    expect(
      within(screen.getByRole('table', { name: 'Alle keuzes in ‘Woonsituaties’' })).getByText(
        'kamertraining',
      ),
    ).toBeTruthy();
    expect((within(form).getByLabelText('Naam') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Naam')));
  });

  it('checks the code before sending, and says a duplicate code at the field', async () => {
    const { calls } = server((call) =>
      call.method === 'POST'
        ? {
            status: 409,
            body: {
              error: {
                code: 'CONFLICT',
                message: 'Deze code bestaat al in deze lijst. Kies een andere code.',
                details: {
                  reason: 'duplicate_code',
                  fields: [{ path: 'code', message: 'Deze code bestaat al in deze lijst.' }],
                },
              },
            },
          }
        : undefined,
    );
    renderWithProviders(<ReferenceListsPage />);
    const form = await screen.findByRole('form', { name: 'Nieuwe keuze in ‘Soorten instelling’' });
    fireEvent.change(within(form).getByLabelText('Naam'), { target: { value: 'Gesloten GGZ' } });
    const code = within(form).getByLabelText('Vaste code');
    fireEvent.change(code, { target: { value: 'Gesloten GGZ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(code)).toContain('Gebruik kleine letters, cijfers en _');
    // A code the list already shows is refused before sending, too.
    fireEvent.change(code, { target: { value: 'jji' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    expect(descriptionOf(code)).toContain('Deze code bestaat al in deze lijst');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // One that only the server knows (someone else added it meanwhile).
    fireEvent.change(code, { target: { value: 'gesloten_ggz' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(code)).toContain('misschien bij een gearchiveerde keuze');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});

describe('the navigation item', () => {
  it('is offered only with the permission to manage the lists', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: testSession(['case.reference.manage']) });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Keuzelijsten' }).getAttribute('href')).toBe(
      '/reference-lists',
    );
    cleanup();
    renderWithProviders(<AppShell />, { session: testSession(['case.reference.read']) });
    expect(
      within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', {
        name: 'Keuzelijsten',
      }),
    ).toBeNull();
  });
});
