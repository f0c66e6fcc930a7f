// @vitest-environment happy-dom
// The first-admin setup form: checks before sending (with the error linked to its field),
// the password repeat, and a server field error shown at the matching field.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { SetupForm } from './SetupForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const token = 'a-setup-token-of-enough-length';

function fill(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillValidForm() {
  fill('E-mailadres', 'bea@example.org');
  fill('Naam', 'Bea Beheer');
  fill(/^Wachtwoord$/, 'een lange zin als wachtwoord');
  fill('Wachtwoord nog een keer', 'een lange zin als wachtwoord');
}

describe('SetupForm', () => {
  it('shows what is missing at each field and sends nothing', async () => {
    const { calls } = stubFetch(() => ({ status: 500 }));
    renderWithProviders(<SetupForm token={token} onDone={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));

    const email = screen.getByLabelText('E-mailadres');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('Vul je e-mailadres in.');
    expect(descriptionOf(screen.getByLabelText(/^Wachtwoord$/))).toContain('minstens 12 tekens');
    expect(screen.getByRole('alert').textContent).toContain('Controleer het formulier');
    expect(calls).toHaveLength(0);
  });

  it('says so when the two passwords differ', () => {
    const { calls } = stubFetch(() => ({ status: 500 }));
    renderWithProviders(<SetupForm token={token} onDone={vi.fn()} />);
    fillValidForm();
    fill('Wachtwoord nog een keer', 'een andere zin als wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));

    const repeat = screen.getByLabelText('Wachtwoord nog een keer');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(repeat)).toContain('De wachtwoorden zijn niet hetzelfde.');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('shows a server field error at the matching field', async () => {
    const { calls } = stubFetch(() => ({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'Er bestaat al een account met dit e-mailadres.',
          details: {
            fields: [{ path: 'email', message: 'Er bestaat al een account met dit e-mailadres.' }],
          },
        },
      },
    }));
    const onDone = vi.fn();
    renderWithProviders(<SetupForm token={token} onDone={onDone} />);
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));

    const email = screen.getByLabelText('E-mailadres');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(email)).toContain('Er bestaat al een account met dit e-mailadres.');
    expect(calls[0]).toMatchObject({
      url: '/api/setup',
      method: 'POST',
      body: { token, email: 'bea@example.org', displayName: 'Bea Beheer' },
    });
    expect(onDone).not.toHaveBeenCalled();
  });

  it('hands over the new session on success', async () => {
    const session = {
      user: {
        id: '7b0c7a52-4f7c-4a39-9a43-2b8f3b0d2f11',
        email: 'bea@example.org',
        displayName: 'Bea Beheer',
        role: 'admin',
      },
      csrfToken: 'csrf',
      isDemo: false,
      stage: 'enrol_totp',
      hasTotp: false,
      isTotpRequired: true,
      permissions: ['session.read', 'session.end', 'totp.enrol'],
    };
    stubFetch(() => ({ status: 201, body: session }));
    const onDone = vi.fn();
    renderWithProviders(<SetupForm token={token} onDone={onDone} />);
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Account maken' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ user: { displayName: 'Bea Beheer' } });
  });
});
