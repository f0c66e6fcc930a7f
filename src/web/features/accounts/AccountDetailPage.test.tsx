// @vitest-environment happy-dom
// One account's page: blocking asks first and says what happens, the outcome is announced;
// resetting two-step login asks first; a new password link is shown with its copy button;
// an edit sends the version and a 409 offers the latest version; your own account cannot
// be blocked.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserDetail } from '../../../shared/contract/auth';
import { renderWithProviders, stubFetch, testSession, type FetchCall } from '../../testing/render';
import { AccountDetailPage } from './AccountDetailPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account: UserDetail = {
  id: '7b0c7a52-4f7c-4a39-9a43-2b8f3b0d2f11',
  email: 'sam@example.org',
  displayName: 'Sam de Vries',
  role: 'professional',
  status: 'active',
  organisationId: null,
  hasTotp: true,
  version: 4,
};

type Answer = { status?: number; body?: unknown };

function server(onWrite: (call: FetchCall) => Answer = () => ({ status: 500 })) {
  return stubFetch((call): Answer => {
    if (call.url.startsWith('/api/organisations')) {
      return { body: { items: [], total: 0, page: 1, pageSize: 200 } };
    }
    if (call.method !== 'GET') return onWrite(call);
    if (call.url === `/api/users/${account.id}`) return { body: account };
    return { status: 404 };
  });
}

function renderPage(userId?: string) {
  return renderWithProviders(<AccountDetailPage />, {
    route: `/accounts/${account.id}`,
    path: '/accounts/:id',
    session: testSession(['user.manage', 'user.list'], userId),
  });
}

describe('AccountDetailPage', () => {
  it('blocks only after a confirmation that says what will happen, and announces it', async () => {
    const { calls } = server((call) =>
      call.url.endsWith('/disable') ? { body: { ...account, status: 'disabled', version: 5 } } : {},
    );
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Sam de Vries' });
    const block = screen.getByRole('button', { name: 'Account blokkeren' });
    fireEvent.click(block);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    const question = screen.getByRole('group', { name: 'Het account van Sam de Vries blokkeren?' });
    expect(document.activeElement).toBe(question);
    expect(question.textContent).toContain('wordt meteen overal uitgelogd');
    fireEvent.click(within(question).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(block);

    fireEvent.click(block);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, blokkeer het account' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: `/api/users/${account.id}/disable`,
        body: { isDisabled: true },
      }),
    );
    const statuses = await screen.findAllByRole('status');
    await waitFor(() =>
      expect(statuses.map((s) => s.textContent).join(' ')).toContain(
        'Het account van Sam de Vries is geblokkeerd.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Account deblokkeren' })).toBeTruthy();
  });

  it('resets two-step login only after confirmation', async () => {
    const { calls } = server(() => ({ body: { ...account, hasTotp: false, version: 5 } }));
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Sam de Vries' });
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw laten instellen' }));
    const question = screen.getByRole('group', {
      name: 'Inloggen in twee stappen van Sam de Vries opnieuw laten instellen?',
    });
    expect(question.textContent).toContain(
      'De app en de herstelcodes van Sam de Vries werken dan niet meer',
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, opnieuw laten instellen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.url).toBe(
        `/api/users/${account.id}/reset-2fa`,
      ),
    );
    expect(
      await screen.findByText(/Inloggen in twee stappen is gewist voor Sam de Vries/),
    ).toBeTruthy();
  });

  it('makes a new password link and shows it to copy', async () => {
    server(() => ({
      status: 201,
      body: {
        url: 'http://localhost:3000/link/nieuw-wachtwoord-token-0123456789',
        expiresAt: '2026-03-04T13:05:00.000Z',
        purpose: 'reset',
      },
    }));
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Sam de Vries' });
    fireEvent.click(screen.getByRole('button', { name: 'Link voor een nieuw wachtwoord maken' }));
    const panel = await screen.findByRole('region', {
      name: 'Link voor een nieuw wachtwoord voor Sam de Vries',
    });
    expect((within(panel).getByLabelText('Link') as HTMLTextAreaElement).value).toContain(
      '/link/nieuw-wachtwoord-token',
    );
    expect(within(panel).getByRole('button', { name: 'Kopieer de link' })).toBeTruthy();
  });

  it('warns that a new role logs the person out, sends the version, and handles a conflict', async () => {
    const { calls } = server(() => ({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'Iemand anders heeft dit intussen gewijzigd.' } },
    }));
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Sam de Vries' });
    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'researcher' } });
    expect(
      screen.getByText(
        /van ‘Professional’ in ‘Onderzoeker’. Na het opslaan wordt Sam de Vries overal uitgelogd/,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByRole('button', { name: 'Nieuwste versie laden' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: `/api/users/${account.id}`,
      body: { displayName: 'Sam de Vries', role: 'researcher', organisationId: null, version: 4 },
    });
  });

  it('does not offer to block your own account', async () => {
    server();
    renderPage(account.id);
    await screen.findByRole('heading', { level: 1, name: 'Sam de Vries' });
    expect(screen.getByText('Je kunt je eigen account niet blokkeren.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Account blokkeren' })).toBeNull();
  });
});
