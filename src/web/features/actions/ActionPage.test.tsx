// @vitest-environment happy-dom
// One improvement action: the overdue marker, the status form that offers only the allowed next
// statuses and asks a reason before dropping (nothing sent without it), and the follow-up form.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../../shared/contract/actions';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { ActionPage } from './ActionPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const id = '00000000-0000-4000-8000-0000000000a1';
const action = (overrides: Partial<Action> = {}): Action => ({
  id,
  programmeId: '00000000-0000-4000-8000-0000000000b1',
  programmeName: 'Programma',
  title: 'Eén vast aanspreekpunt',
  status: 'in_progress',
  dueOn: '2026-05-01',
  isOverdue: true,
  stakeholderGroup: 'gemeenten',
  stakeholderGroupLabel: 'Gemeenten',
  ownerOrganisationId: '00000000-0000-4000-8000-0000000000c1',
  ownerOrganisationName: 'Gemeente Testdorp',
  ownerUserId: null,
  ownerName: null,
  followUps: 0,
  description: '',
  plainSummary: '',
  plainResult: '',
  dropReason: null,
  version: 3,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  nextStatuses: ['done', 'dropped'],
  links: [],
  followUpEntries: [],
  abilities: { edit: false, changeStatus: true, followUp: true },
  ...overrides,
});

function renderPage(answer: Parameters<typeof stubFetch>[0]) {
  const stub = stubFetch(answer);
  renderWithProviders(<ActionPage />, { route: `/acties/${id}`, path: '/acties/:id' });
  return stub;
}

describe('ActionPage', () => {
  it('marks an overdue action and offers only the allowed next statuses', async () => {
    renderPage(() => ({ body: action() }));
    await screen.findByRole('heading', { level: 1, name: 'Eén vast aanspreekpunt' });
    expect(screen.getByText(/^Te laat: moest klaar zijn op/)).toBeTruthy();
    const select = screen.getByLabelText(/^Nu: .*Volgende stap/) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toEqual(['Kies…', 'Klaar', 'Gestopt']);
    // No edit button without the ability.
    expect(screen.queryByRole('button', { name: 'Wijzigen' })).toBeNull();
  });

  it('asks why before dropping, and sends the reason with the version', async () => {
    const { calls } = renderPage((call) =>
      call.method === 'POST'
        ? { body: action({ status: 'dropped', dropReason: 'Geen geld', nextStatuses: [] }) }
        : { body: action() },
    );
    const select = (await screen.findByLabelText(/^Nu: .*Volgende stap/)) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'dropped' } });
    const reason = screen.getByLabelText(/Waarom stopt de actie/);
    fireEvent.click(screen.getByRole('button', { name: 'Status opslaan' }));
    await waitFor(() =>
      expect(descriptionOf(reason)).toContain('Schrijf op waarom de actie stopt.'),
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.change(reason, { target: { value: 'Geen geld' } });
    fireEvent.click(screen.getByRole('button', { name: 'Status opslaan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.url).toBe(`/api/actions/${id}/status`);
    expect(sent.body).toEqual({ status: 'dropped', reason: 'Geen geld', version: 3 });
    await screen.findByText('Geen geld');
  });

  it('does not send a follow-up without what was done', async () => {
    const { calls } = renderPage(() => ({ body: action() }));
    await screen.findByRole('heading', { level: 2, name: 'Vervolg' });
    fireEvent.click(screen.getByRole('button', { name: 'Vervolg opslaan' }));
    const done = screen.getByLabelText('Wat er is gedaan');
    await waitFor(() => expect(descriptionOf(done)).toContain('Schrijf op wat er is gedaan.'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('ActionPage, when someone else saved meanwhile', () => {
  it('shows both versions of the fields that differ and saves the choices on the newest version', async () => {
    const editable = action({ abilities: { edit: true, changeStatus: true, followUp: true } });
    const { calls } = renderPage((call) => {
      if (call.method === 'PUT' && (call.body as { version: number }).version === 3)
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Iemand anders heeft deze actie intussen gewijzigd.',
              details: {
                current: { ...editable, title: 'Titel van de collega', version: 4 },
                yours: {},
              },
            },
          },
        };
      if (call.method === 'PUT') return { body: { ...editable, title: 'Mijn titel', version: 5 } };
      if (call.url.startsWith('/api/organisations'))
        return { body: { items: [], total: 0, page: 1, pageSize: 200 } };
      if (call.url.includes('/action-owners')) return { body: { items: [] } };
      if (call.url.startsWith('/api/action-programmes')) return { body: { items: [] } };
      return { body: editable };
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Wijzigen' }));
    fireEvent.change(screen.getByLabelText('Wat er verandert'), {
      target: { value: 'Mijn titel' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByRole('heading', {
      name: 'Iemand anders heeft deze actie intussen gewijzigd',
    });
    const field = screen.getByRole('group', { name: 'Wat er verandert' });
    expect(field.textContent).toContain('Mijn titel');
    expect(field.textContent).toContain('Titel van de collega');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan met deze keuzes' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]!.body).toMatchObject({
      title: 'Mijn titel',
      version: 4,
    });
  });

  it('shows the threads and recommendations an action comes from, and offers the others to link', async () => {
    const threadId = '00000000-0000-4000-8000-0000000000d1';
    const linked = action({
      abilities: { edit: true, changeStatus: true, followUp: true },
      links: [
        {
          id: '00000000-0000-4000-8000-0000000000e1',
          kind: 'thread',
          targetId: threadId,
          date: null,
          caseId: null,
          caseCode: null,
          detail: '3. Te lang wachten op hulp',
          isAvailable: true,
        },
      ],
    });
    renderPage((call) =>
      call.url.endsWith('/action-link-targets')
        ? {
            body: {
              reviewMeetings: [],
              networkMeetings: [],
              threads: [
                { id: threadId, number: 3, title: 'Te lang wachten op hulp' },
                { id: '00000000-0000-4000-8000-0000000000d2', number: 4, title: 'Niet gehoord' },
              ],
              recommendations: [
                {
                  id: '00000000-0000-4000-8000-0000000000f1',
                  number: 7,
                  title: 'Overbrugging regelen',
                  stakeholderGroup: 'gemeenten',
                },
              ],
            },
          }
        : { body: linked },
    );
    const link = await screen.findByRole('link', { name: 'Rode draad 3. Te lang wachten op hulp' });
    expect(link.getAttribute('href')).toBe(
      `/programmes/${linked.programmeId}/synthese/draden/${threadId}`,
    );
    const select = (await screen.findByLabelText(/^Koppelen aan/)) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBeGreaterThan(1));
    const options = [...select.options].map((o) => o.textContent);
    // The thread already linked is not offered again.
    expect(options).toEqual([
      'Kies…',
      'Rode draad 4. Niet gehoord',
      'Aanbeveling 7. Overbrugging regelen',
    ]);
  });
});
