// @vitest-environment happy-dom
// The frame around every page: the demo banner when the server runs a demo, the navigation
// items the session's permissions allow (cases only for those who may read them), and "log out
// everywhere" in the user menu.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../features/auth/LoginPage';
import { renderWithProviders, stubFetch, testSession } from '../testing/render';
import { AppShell } from './AppShell';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AppShell', () => {
  it('shows the demo banner on a demo', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: { ...testSession([]), isDemo: true } });
    expect(
      screen.getByText(
        'Dit is een demo met verzonnen gegevens. Tweestapsverificatie staat uit voor demo-accounts.',
      ),
    ).toBeTruthy();
  });

  it('shows no demo banner otherwise', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: testSession([]) });
    expect(screen.queryByText(/Dit is een demo/)).toBeNull();
  });

  it('offers Accounts and Toegangslog only with their permissions', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: testSession(['user.manage']) });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Accounts' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Toegangslog' })).toBeNull();
    cleanup();
    renderWithProviders(<AppShell />, { session: testSession(['access_log.read']) });
    const nav2 = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav2).queryByRole('link', { name: 'Accounts' })).toBeNull();
    expect(within(nav2).getByRole('link', { name: 'Toegangslog' })).toBeTruthy();
  });

  it('offers Casussen only to someone who may read cases', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: testSession(['case.read']) });
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Casussen' }).getAttribute('href')).toBe('/cases');
    cleanup();
    renderWithProviders(<AppShell />, { session: testSession(['programme.manage']) });
    const nav2 = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav2).queryByRole('link', { name: 'Casussen' })).toBeNull();
  });

  it('offers two-step verification in the user menu only to someone who has not set it up', () => {
    stubFetch(() => ({ status: 404 }));
    renderWithProviders(<AppShell />, { session: { ...testSession([]), hasTotp: false } });
    fireEvent.click(screen.getByRole('button', { name: /Bea Beheer/ }));
    expect(
      screen.getByRole('link', { name: /Tweestapsverificatie instellen/ }).getAttribute('href'),
    ).toBe('/two-factor');
    cleanup();
    renderWithProviders(<AppShell />, { session: testSession([]) });
    fireEvent.click(screen.getByRole('button', { name: /Bea Beheer/ }));
    expect(screen.queryByRole('link', { name: /Tweestapsverificatie instellen/ })).toBeNull();
  });

  it('logs out everywhere from the user menu and says so on the login page', async () => {
    const { calls } = stubFetch((call) =>
      call.url === '/api/auth/logout-everywhere' ? { body: { ok: true } } : { status: 401 },
    );
    renderWithProviders(<AppShell />, {
      session: testSession([]),
      routes: [{ path: '/login', element: <LoginPage /> }],
    });
    const toggle = screen.getByRole('button', { name: /Bea Beheer/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Overal uitloggen' }));

    expect(await screen.findByText(/Je bent overal uitgelogd/)).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/auth/logout-everywhere',
        headers: { 'x-csrf-token': 'csrf' },
      }),
    );
  });
});
