// @vitest-environment happy-dom
// The case list: each filter and the search go to the server as the list endpoint's query
// parameters and into the address (so a reload shows the same list); a filtered address is
// read back; "Nieuwe casus" shows only to someone who may open cases.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { renderWithProviders, stubFetch, testSession, type FetchCall } from '../../testing/render';
import { CaseListPage } from './CaseListPage';
import { caseServer, ids } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const listCalls = (calls: FetchCall[]) =>
  calls
    .filter((c) => c.url.split('?')[0] === '/api/cases')
    .map((c) => new URL(c.url, 'http://localhost').searchParams);

/** The page, with the address it is on written out for the test to read. */
function PageWithAddress() {
  const location = useLocation();
  return (
    <>
      <CaseListPage />
      <output data-testid="address">{location.search}</output>
    </>
  );
}

function renderList(route = '/cases', permissions: string[] = ['case.read']) {
  return renderWithProviders(
    <Routes>
      <Route path="/cases" element={<PageWithAddress />} />
    </Routes>,
    { route, session: testSession(permissions) },
  );
}

async function choose(label: string, optionText: string) {
  const select = screen.getByLabelText(new RegExp(`^${label}`)) as HTMLSelectElement;
  await waitFor(() => expect([...select.options].map((o) => o.textContent)).toContain(optionText));
  const option = [...select.options].find((o) => o.textContent === optionText);
  fireEvent.change(select, { target: { value: option?.value } });
}

describe('CaseListPage', () => {
  it('sends each filter and the search as query parameters and keeps them in the address', async () => {
    const { calls } = stubFetch(caseServer());
    renderList();
    const table = await screen.findByRole('table', { name: 'Casussen' });
    expect(within(table).getByRole('link', { name: 'KL-2026-001' }).getAttribute('href')).toBe(
      `/cases/${ids.case}`,
    );
    expect(within(table).getByText('Toestemming')).toBeTruthy();
    expect(listCalls(calls).at(-1)?.get('sort')).toBe('-created');

    await choose('Team', 'Team Zuid');
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('teamId')).toBe(ids.teamSouth));
    await choose('Soort instelling', 'Justitiële jeugdinrichting (JJI)');
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('institutionType')).toBe('jji'));
    await choose('Jeugdregio', 'Gooi en Vechtstreek');
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('regionCode')).toBe('JZ05'));
    await choose('Status', 'Casusreview');
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('status')).toBe('review_meeting'));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoek op code' }), {
      target: { value: 'KL-2026' },
    });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(listCalls(calls).at(-1)?.get('q')).toBe('KL-2026'));
    const last = listCalls(calls).at(-1);
    expect(Object.fromEntries(last ?? [])).toMatchObject({
      teamId: ids.teamSouth,
      institutionType: 'jji',
      regionCode: 'JZ05',
      status: 'review_meeting',
      q: 'KL-2026',
      page: '1',
    });
    const address = new URLSearchParams(screen.getByTestId('address').textContent ?? '');
    expect(Object.fromEntries(address)).toEqual({
      team: ids.teamSouth,
      type: 'jji',
      region: 'JZ05',
      status: 'review_meeting',
      q: 'KL-2026',
    });

    // Clearing a filter takes it out of the request and the address.
    fireEvent.change(screen.getByLabelText(/^Status/), { target: { value: '' } });
    await waitFor(() => expect(listCalls(calls).at(-1)?.has('status')).toBe(false));
    expect(screen.getByTestId('address').textContent).not.toContain('status=');
  });

  it('reads the filters, sort and page from the address', async () => {
    const { calls } = stubFetch(caseServer());
    renderList(`/cases?team=${ids.teamNorth}&status=closed&sort=code&page=2&region=JZ12`);
    await screen.findByRole('table');
    expect(Object.fromEntries(listCalls(calls).at(-1) ?? [])).toMatchObject({
      teamId: ids.teamNorth,
      status: 'closed',
      regionCode: 'JZ12',
      sort: 'code',
      page: '2',
    });
    await waitFor(() =>
      expect((screen.getByLabelText(/^Team/) as HTMLSelectElement).value).toBe(ids.teamNorth),
    );
    expect((screen.getByLabelText(/^Status/) as HTMLSelectElement).value).toBe('closed');
    const codeHeader = screen.getByRole('columnheader', { name: /Code/ });
    expect(codeHeader.getAttribute('aria-sort')).toBe('ascending');
  });

  it('ignores a status in the address that does not exist', async () => {
    const { calls } = stubFetch(caseServer());
    renderList('/cases?status=kwijt');
    await screen.findByRole('table');
    expect(listCalls(calls).at(-1)?.has('status')).toBe(false);
  });

  it('offers "Nieuwe casus" only with the right to open cases', async () => {
    stubFetch(caseServer());
    renderList('/cases', ['case.read']);
    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Nieuwe casus' })).toBeNull();
    cleanup();
    renderList('/cases', ['case.read', 'case.create']);
    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: 'Nieuwe casus' }).getAttribute('href')).toBe(
      '/cases/new',
    );
  });
});
