// @vitest-environment happy-dom
// A list page's controls: sortable column headers (buttons with aria-sort) and pagination
// ask the server for the right page and order; the empty state shows when there is nothing.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme } from '../../../shared/contract/organisations';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import { ProgrammeListPage } from './ProgrammeListPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function programme(n: number): Programme {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Programma ${n}`,
    periodStart: '2026-01-01',
    periodEnd: null,
    learningGoals: '',
    stakeholderGroups: [{ code: 'gemeenten', label: 'Gemeenten' }],
    smallCellThreshold: 5,
    teamCount: n % 3,
    version: 1,
    archivedAt: null,
    abilities: { update: true, archive: true },
  };
}

/** Answers /api/programmes like the server: 60 programmes, 25 a page. */
function answer(call: FetchCall) {
  if (call.url.startsWith('/api/auth/session')) return { status: 401 };
  const url = new URL(call.url, 'http://localhost');
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
  const start = (page - 1) * pageSize + 1;
  const items = Array.from({ length: Math.min(pageSize, 60 - start + 1) }, (_, i) =>
    programme(start + i),
  );
  return { body: { items, total: 60, page, pageSize } };
}

const listCalls = (calls: FetchCall[]) =>
  calls
    .filter((c) => c.url.startsWith('/api/programmes'))
    .map((c) => new URL(c.url, 'http://localhost'));

describe('ProgrammeListPage', () => {
  it('sorts by a column header and marks the sorted column with aria-sort', async () => {
    const { calls } = stubFetch(answer);
    renderWithProviders(<ProgrammeListPage />, { route: '/programmes' });
    const table = await screen.findByRole('table', { name: "Programma's" });
    expect(within(table).getAllByRole('row')).toHaveLength(26);

    const nameHeader = within(table).getByRole('columnheader', { name: /Naam/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(listCalls(calls).at(-1)?.searchParams.get('sort')).toBe('name');

    fireEvent.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.searchParams.get('sort')).toBe('-name'));
    await waitFor(() => expect(nameHeader.getAttribute('aria-sort')).toBe('descending'));

    const periodHeader = within(table).getByRole('columnheader', { name: /Periode/ });
    expect(periodHeader.getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(periodHeader).getByRole('button'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.searchParams.get('sort')).toBe('start'));
    await waitFor(() => expect(periodHeader.getAttribute('aria-sort')).toBe('ascending'));
    expect(nameHeader.getAttribute('aria-sort')).toBeNull();
  });

  it('pages through the list and marks the current page', async () => {
    const { calls } = stubFetch(answer);
    renderWithProviders(<ProgrammeListPage />, { route: '/programmes' });
    await screen.findByRole('table');
    const nav = screen.getByRole('navigation', { name: 'Paginering' });
    expect(within(nav).getByRole('button', { name: 'Pagina 1' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('button', { name: 'Vorige' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('status', { name: '' }).textContent ?? '').toContain('60 programma');

    fireEvent.click(within(nav).getByRole('button', { name: 'Pagina 3' }));
    await waitFor(() => expect(listCalls(calls).at(-1)?.searchParams.get('page')).toBe('3'));
    await screen.findByRole('rowheader', { name: 'Programma 51' });
    expect(within(nav).getByRole('button', { name: 'Pagina 3' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('button', { name: 'Volgende' }).hasAttribute('disabled')).toBe(
      true,
    );

    fireEvent.click(within(nav).getByRole('button', { name: 'Vorige' }));
    await waitFor(() => expect(listCalls(calls).at(-1)?.searchParams.get('page')).toBe('2'));
  });

  it('sends the search text and the archived toggle, and starts again at page 1', async () => {
    const { calls } = stubFetch(answer);
    renderWithProviders(<ProgrammeListPage />, { route: '/programmes?page=2' });
    await screen.findByRole('table');
    expect(listCalls(calls).at(-1)?.searchParams.get('page')).toBe('2');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek op naam' }), {
      target: { value: 'Gooi' },
    });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.searchParams.get('q')).toBe('Gooi'));
    expect(listCalls(calls).at(-1)?.searchParams.get('page')).toBe('1');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Toon ook gearchiveerde' }));
    await waitFor(() =>
      expect(listCalls(calls).at(-1)?.searchParams.get('includeArchived')).toBe('true'),
    );
  });

  it('shows an empty state when there are no programmes', async () => {
    stubFetch((call) =>
      call.url.startsWith('/api/auth/session')
        ? { status: 401 }
        : { body: { items: [], total: 0, page: 1, pageSize: 25 } },
    );
    renderWithProviders(<ProgrammeListPage />, { route: '/programmes' });
    expect(await screen.findByText(/Er is nog geen programma/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
