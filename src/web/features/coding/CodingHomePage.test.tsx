// @vitest-environment happy-dom
// The coding start page: the programmes of the user's teams, each with a link to its codebook
// and to coding across cases; without a team, what to do about it.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { CodingHomePage } from './CodingHomePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programme = '7b0c1f8e-3c1d-4c55-9a3e-2b7f4f6f2a10';

describe('the coding start page', () => {
  it('links each programme of the user to its codebook and its coding across cases', async () => {
    stubFetch((call) =>
      call.url === '/api/coding/programmes'
        ? {
            body: {
              items: [
                {
                  id: programme,
                  name: 'Actieleren 2026',
                  periodStart: '2026-01-01',
                  periodEnd: null,
                },
              ],
            },
          }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
    );
    renderWithProviders(<CodingHomePage />, { route: '/coding', path: '/coding' });
    expect(await screen.findByRole('heading', { name: 'Actieleren 2026' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Codeboek' }).getAttribute('href')).toBe(
      `/programmes/${programme}/codebook`,
    );
    expect(
      screen.getByRole('link', { name: 'Codeerwerk over casussen' }).getAttribute('href'),
    ).toBe(`/programmes/${programme}/coding`);
  });

  it('says what to do without a team', async () => {
    stubFetch(() => ({ body: { items: [] } }));
    renderWithProviders(<CodingHomePage />, { route: '/coding', path: '/coding' });
    expect(await screen.findByText(/niet in een uitvoeringsteam/)).toBeTruthy();
  });
});
