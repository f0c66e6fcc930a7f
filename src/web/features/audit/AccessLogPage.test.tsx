// @vitest-environment happy-dom
// The access-log page: the filter form becomes the request (and the CSV link), a wrong case
// id is stopped at its field, entries show in Dutch words, and the chain check names the
// first broken entry in a red box or says the chain is intact in a green one.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessLogEntryView } from '../../../shared/contract/audit';
import { renderWithProviders, stubFetch, testSession, type FetchCall } from '../../testing/render';
import { AccessLogPage } from './AccessLogPage';
import { ChainResult } from './ChainCheck';

const originalTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Amsterdam';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  process.env.TZ = originalTz;
});

const sam = { id: '7b0c7a52-4f7c-4a39-9a43-2b8f3b0d2f11', name: 'Sam de Vries' };
const caseId = '3f2b8c1e-0a4d-4e8f-9b7a-1c2d3e4f5a6b';

const entry: AccessLogEntryView = {
  seq: 42,
  at: '2026-03-03T13:05:09.000Z',
  userId: sam.id,
  userName: sam.name,
  organisationId: null,
  role: 'professional',
  onBehalfOf: null,
  caseId: null,
  resourceType: 'session',
  resourceId: null,
  action: 'login',
  grounds: 'self',
  outcome: 'success',
  requestId: 'req-1r',
};

type Answer = { status?: number; body?: unknown };

function server(verify: Answer = { body: { isIntact: true, checked: 1234 } }) {
  return stubFetch((call): Answer => {
    if (call.url.startsWith('/api/access-log/verify')) return verify;
    if (call.url.startsWith('/api/access-log')) {
      return { body: { items: [entry], total: 1, page: 1, pageSize: 50 } };
    }
    if (call.url === `/api/users/${sam.id}`) {
      return {
        body: {
          id: sam.id,
          email: 'sam@example.org',
          displayName: sam.name,
          role: 'professional',
          status: 'active',
          organisationId: null,
          hasTotp: true,
          version: 1,
        },
      };
    }
    if (call.url.startsWith('/api/users')) {
      return {
        body: {
          items: [
            {
              id: sam.id,
              email: 'sam@example.org',
              displayName: sam.name,
              role: 'professional',
              status: 'active',
            },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        },
      };
    }
    return { status: 404 };
  });
}

const listCalls = (calls: FetchCall[]) =>
  calls
    .filter((c) => c.url.startsWith('/api/access-log?'))
    .map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));

describe('AccessLogPage', () => {
  it('sends the filter from the form and offers the same selection as CSV', async () => {
    const { calls } = server();
    renderWithProviders(<AccessLogPage />, { route: '/access-log?page=3' });
    await screen.findByRole('table', { name: 'Toegangslog, nieuwste eerst' });
    expect(listCalls(calls).at(-1)).toEqual({ page: '3', pageSize: '50' });

    fireEvent.change(screen.getByLabelText(/Casus-id/), { target: { value: ` ${caseId} ` } });
    fireEvent.change(screen.getByLabelText(/Handeling/), { target: { value: 'login' } });
    fireEvent.change(screen.getByLabelText(/^Van/), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText(/^Tot en met/), { target: { value: '2026-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toon regels' }));

    await waitFor(() =>
      expect(listCalls(calls).at(-1)).toEqual({
        page: '1',
        pageSize: '50',
        caseId,
        action: 'login',
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T21:59:59.999Z',
      }),
    );
    const csv = screen.getByRole('link', { name: /Download deze selectie als CSV/ });
    const csvUrl = new URL(csv.getAttribute('href') ?? '', 'http://localhost');
    expect(csvUrl.pathname).toBe('/api/access-log.csv');
    expect(Object.fromEntries(csvUrl.searchParams)).toEqual({
      caseId,
      action: 'login',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T21:59:59.999Z',
    });
  });

  it('filters on a person chosen from the searchable list', async () => {
    const { calls } = server();
    renderWithProviders(<AccessLogPage />, {
      route: '/access-log',
      session: testSession(['access_log.read', 'user.list', 'user.manage']),
    });
    await screen.findByRole('table');
    const person = screen.getByRole('combobox', { name: /Persoon/ });
    fireEvent.change(person, { target: { value: 'Sam' } });
    fireEvent.click(await screen.findByRole('option', { name: /Sam de Vries/ }));
    expect((person as HTMLInputElement).value).toBe('Sam de Vries');
    fireEvent.click(screen.getByRole('button', { name: 'Toon regels' }));
    await waitFor(() => expect(listCalls(calls).at(-1)?.userId).toBe(sam.id));
  });

  it('shows the name of the person a filter in the address is about', async () => {
    const { calls } = server();
    renderWithProviders(<AccessLogPage />, {
      route: `/access-log?userId=${sam.id}`,
      session: testSession(['access_log.read', 'user.list', 'user.manage']),
    });
    const person = screen.getByRole('combobox', { name: /Persoon/ });
    await waitFor(() => expect((person as HTMLInputElement).value).toBe('Sam de Vries'));
    expect(listCalls(calls).at(-1)?.userId).toBe(sam.id);
    // Typing over the name does not get wiped, and the choice is gone until one is picked.
    fireEvent.change(person, { target: { value: 'Sa' } });
    expect((person as HTMLInputElement).value).toBe('Sa');
  });

  it('leaves out the person field without the right to list accounts', async () => {
    server();
    renderWithProviders(<AccessLogPage />, {
      route: '/access-log',
      session: testSession(['access_log.read']),
    });
    await screen.findByRole('table');
    expect(screen.queryByRole('combobox', { name: /Persoon/ })).toBeNull();
  });

  it('stops a mistyped case id at its field and sends nothing', async () => {
    const { calls } = server();
    renderWithProviders(<AccessLogPage />, { route: '/access-log' });
    await screen.findByRole('table');
    const before = listCalls(calls).length;
    const field = screen.getByLabelText(/Casus-id/);
    fireEvent.change(field, { target: { value: 'casus 12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toon regels' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('link', { name: /geen geldig casus-id/ })).toBeTruthy();
    expect(listCalls(calls)).toHaveLength(before);
  });

  it('shows each entry with Dutch time and words for its codes', async () => {
    server();
    renderWithProviders(<AccessLogPage />, { route: '/access-log' });
    const row = (await screen.findAllByRole('row'))[1];
    if (!row) throw new Error('no entry row');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(within(row).getByRole('rowheader').textContent).toBe('3 mrt 2026, 14:05:09');
    expect(cells).toEqual([
      'Sam de Vries',
      'Professional',
      'Ingelogd',
      'Sessie',
      'Eigen account',
      'Gelukt',
      'req-1r',
      '42',
    ]);
  });

  it('checks the chain and says it is intact', async () => {
    const { calls } = server();
    renderWithProviders(<AccessLogPage />, { route: '/access-log' });
    fireEvent.click(screen.getByRole('button', { name: 'Controleer de keten' }));
    expect(await screen.findByText('De keten is intact.')).toBeTruthy();
    expect(
      screen.getByText('Alle 1.234 regels gecontroleerd: niets is veranderd of weggehaald.'),
    ).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/access-log/verify')).toBe(true);
  });
});

describe('ChainResult', () => {
  it('names the first broken entry and the reason in a red alert', () => {
    renderWithProviders(
      <ChainResult
        report={{ isIntact: false, checked: 41, firstBrokenSeq: 42, reason: 'content_changed' }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.className).toContain('utrecht-alert--error');
    expect(alert.textContent).toContain('De keten is verbroken bij regel 42.');
    expect(alert.textContent).toContain('De inhoud van regel 42 is veranderd');
    expect(alert.textContent).toContain('De 41 regels vóór de breuk zijn in orde.');
  });

  it('says the chain is intact in a green status box', () => {
    renderWithProviders(<ChainResult report={{ isIntact: true, checked: 1 }} />);
    const status = screen.getByRole('status');
    expect(status.className).toContain('utrecht-alert--ok');
    expect(status.textContent).toContain('1 regel gecontroleerd');
  });

  it('explains a missing entry at the end of the log', () => {
    renderWithProviders(
      <ChainResult
        report={{ isIntact: false, checked: 10, firstBrokenSeq: 11, reason: 'head_mismatch' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'Er ontbreken regels aan het eind van het log, vanaf regel 11.',
    );
  });
});
