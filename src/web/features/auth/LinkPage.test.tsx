// @vitest-environment happy-dom
// The invitation/password link page: a link that no longer works gets a plain explanation,
// two different passwords are stopped before sending, and a saved password leads to the
// login page with a message.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  type FetchCall,
} from '../../testing/render';
import { LinkPage } from './LinkPage';
import { LoginPage } from './LoginPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const token = 'een-uitnodigingstoken-van-genoeg-tekens';
const invalidLink = {
  status: 410,
  body: { error: { code: 'TOKEN_INVALID', message: 'Deze link is niet (meer) geldig.' } },
};

function renderLinkPage() {
  return renderWithProviders(<LinkPage />, {
    route: `/link/${token}`,
    path: '/link/:token',
    routes: [{ path: '/login', element: <LoginPage /> }],
  });
}

/** Answers like the server for a valid invitation of Sam; `onSet` answers the password. */
function validInvitation(onSet: (call: FetchCall) => { status?: number; body?: unknown }) {
  return stubFetch((call) => {
    if (call.url === `/api/links/${token}`) {
      return { body: { valid: true, purpose: 'invitation', displayName: 'Sam de Vries' } };
    }
    if (call.url === `/api/links/${token}/password`) return onSet(call);
    if (call.url === '/api/auth/session') return { status: 401 };
    return { status: 404 };
  });
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('LinkPage', () => {
  it('explains plainly that a used, expired or mistyped link does not work', async () => {
    const { calls } = stubFetch(() => invalidLink);
    renderLinkPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Deze link werkt niet meer' }),
    ).toBeTruthy();
    expect(screen.getByText(/al een keer is gebruikt/)).toBeTruthy();
    expect(screen.getByText(/te oud/)).toBeTruthy();
    expect(screen.getByText(/niet helemaal goed is overgenomen/)).toBeTruthy();
    expect(screen.getByText(/Vraag de beheerder van Ketenlens om een nieuwe link/)).toBeTruthy();
    expect(screen.queryByLabelText('Nieuw wachtwoord')).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([`/api/links/${token}`]);
  });

  it('greets the person and stops two different passwords before sending', async () => {
    const { calls } = validInvitation(() => ({ status: 500 }));
    renderLinkPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kies je wachtwoord' }),
    ).toBeTruthy();
    expect(screen.getByText('Hallo Sam de Vries!')).toBeTruthy();

    fill('Nieuw wachtwoord', 'een lange zin als wachtwoord');
    fill('Typ je nieuwe wachtwoord nog een keer', 'een andere zin als wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));

    const repeat = screen.getByLabelText('Typ je nieuwe wachtwoord nog een keer');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(repeat)).toContain('De wachtwoorden zijn niet hetzelfde.');
    expect(screen.getByRole('link', { name: 'De wachtwoorden zijn niet hetzelfde.' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says when the password is too short', async () => {
    const { calls } = validInvitation(() => ({ status: 500 }));
    renderLinkPage();
    await screen.findByRole('heading', { level: 1, name: 'Kies je wachtwoord' });
    fill('Nieuw wachtwoord', 'kort');
    fill('Typ je nieuwe wachtwoord nog een keer', 'kort');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(descriptionOf(screen.getByLabelText('Nieuw wachtwoord'))).toContain(
      'minstens 12 tekens',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('saves the password and goes to the login page with a message', async () => {
    const { calls } = validInvitation(() => ({ body: { ok: true } }));
    renderLinkPage();
    await screen.findByRole('heading', { level: 1, name: 'Kies je wachtwoord' });
    fill('Nieuw wachtwoord', 'een lange zin als wachtwoord');
    fill('Typ je nieuwe wachtwoord nog een keer', 'een lange zin als wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('Je wachtwoord is ingesteld. Log nu in.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/links/${token}/password`,
      body: { password: 'een lange zin als wachtwoord' },
    });
  });

  it('explains the link no longer works when it was used up in the meantime', async () => {
    validInvitation(() => invalidLink);
    renderLinkPage();
    await screen.findByRole('heading', { level: 1, name: 'Kies je wachtwoord' });
    fill('Nieuw wachtwoord', 'een lange zin als wachtwoord');
    fill('Typ je nieuwe wachtwoord nog een keer', 'een lange zin als wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' }),
      ).toBeTruthy(),
    );
  });
});
