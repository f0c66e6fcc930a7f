// @vitest-environment happy-dom
// Making an account: what is sent, the one-time link shown afterwards (with its expiry and a
// copy button that says it copied), and the server's field errors shown at their fields.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  type FetchCall,
} from '../../testing/render';
import { AccountNewPage } from './AccountNewPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = {
  id: '7b0c7a52-4f7c-4a39-9a43-2b8f3b0d2f11',
  email: 'sam@example.org',
  displayName: 'Sam de Vries',
  role: 'professional',
  status: 'invited',
  organisationId: null,
  hasTotp: false,
  version: 1,
};
const link = {
  url: 'http://localhost:3000/link/abcdefghijklmnopqrstuvwxyz0123456789',
  expiresAt: '2026-03-10T13:05:00.000Z',
  purpose: 'invitation',
};

/** Answers the organisation list; `onCreate` answers POST /api/users. */
function server(onCreate: (call: FetchCall) => { status?: number; body?: unknown }) {
  return stubFetch((call) => {
    if (call.url.startsWith('/api/organisations')) {
      return { body: { items: [], total: 0, page: 1, pageSize: 200 } };
    }
    if (call.url === '/api/users' && call.method === 'POST') return onCreate(call);
    return { status: 404 };
  });
}

function fillForm() {
  fireEvent.change(screen.getByLabelText('E-mailadres'), {
    target: { value: ' sam@example.org ' },
  });
  fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Sam de Vries' } });
  fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'professional' } });
  fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
}

describe('AccountNewPage', () => {
  it('makes the account and shows its one-time link with expiry and a copy button', async () => {
    const { calls } = server(() => ({ status: 201, body: { user, link } }));
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderWithProviders(<AccountNewPage />, { route: '/accounts/new' });
    fillForm();

    const panel = await screen.findByRole('region', { name: 'Uitnodigingslink voor Sam de Vries' });
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/users',
      body: {
        email: 'sam@example.org',
        displayName: 'Sam de Vries',
        role: 'professional',
        organisationId: null,
      },
    });
    expect((within(panel).getByLabelText('Link') as HTMLTextAreaElement).value).toBe(link.url);
    expect(within(panel).getByText(/Ketenlens verstuurt geen e-mail/)).toBeTruthy();
    expect(within(panel).getByText(/Geldig tot .*2026/).textContent).toMatch(/maart/);
    expect(
      screen.getByText('Het account van Sam de Vries (sam@example.org) is gemaakt.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText('E-mailadres')).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Kopieer de link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(link.url));
    expect(await within(panel).findByText('De link is gekopieerd.')).toBeTruthy();
    expect(within(panel).getByText('De link is gekopieerd.').getAttribute('role')).toBe('status');
  });

  it('shows a server field error at its field and keeps what was typed', async () => {
    server(() => ({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Niet alle velden zijn goed ingevuld.',
          details: { fields: [{ path: 'displayName', message: 'Deze naam is te lang' }] },
        },
      },
    }));
    renderWithProviders(<AccountNewPage />, { route: '/accounts/new' });
    fillForm();

    const name = screen.getByLabelText('Naam');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(name)).toContain('Deze naam is te lang');
    expect(screen.getByRole('link', { name: 'Deze naam is te lang' })).toBeTruthy();
    expect((screen.getByLabelText('E-mailadres') as HTMLInputElement).value).toBe(
      'sam@example.org',
    );
    expect(screen.queryByRole('region', { name: /Uitnodigingslink/ })).toBeNull();
  });

  it('says at the e-mail field when an account with that address exists', async () => {
    server(() => ({
      status: 409,
      body: {
        error: { code: 'CONFLICT', message: 'Er bestaat al een account met dit e-mailadres.' },
      },
    }));
    renderWithProviders(<AccountNewPage />, { route: '/accounts/new' });
    fillForm();
    const email = screen.getByLabelText('E-mailadres');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(email)).toContain('Er is al een account met dit e-mailadres.');
  });

  it('checks the fields before sending', () => {
    const { calls } = server(() => ({ status: 500 }));
    renderWithProviders(<AccountNewPage />, { route: '/accounts/new' });
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
    expect(descriptionOf(screen.getByLabelText('E-mailadres'))).toContain(
      'Vul het e-mailadres in.',
    );
    expect(descriptionOf(screen.getByLabelText('Rol'))).toContain('Kies een rol.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
