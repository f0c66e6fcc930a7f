// @vitest-environment happy-dom
// The follow-up of a plan step: nothing is sent while what was tried is empty or the day lies in
// the future (each said at its field); a day the server refuses (before the meeting) is said
// at the date field; a valid entry is sent with what came of it and what is next.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { FollowUpForm } from './PlanForms';
import { ids, meeting, meetingPath, notFound, step } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const followUpPath = `${meetingPath}/plan/${ids.step}/follow-ups`;
const beforeMeeting = 'Een vervolg komt na de bijeenkomst waarin het plan is gemaakt.';

function renderForm() {
  const onSaved = vi.fn();
  renderWithProviders(
    <FollowUpForm
      meeting={meeting()}
      step={step}
      today="2026-06-01"
      onSaved={onSaved}
      onCancel={() => undefined}
    />,
  );
  return { onSaved };
}

describe('FollowUpForm', () => {
  it('starts at today, and checks what was tried and the date before sending', async () => {
    const { calls } = stubFetch(() => notFound);
    renderForm();
    const date = screen.getByLabelText('Datum') as HTMLInputElement;
    expect(date.value).toBe('2026-06-01');
    expect(date.max).toBe('2026-06-01');
    expect(document.activeElement).toBe(date);

    fireEvent.change(date, { target: { value: '2026-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vervolg opslaan' }));
    const tried = screen.getByLabelText('Wat is er geprobeerd?');
    await waitFor(() => expect(descriptionOf(date)).toContain('Die datum ligt in de toekomst.'));
    expect(descriptionOf(tried)).toContain('Schrijf op wat er geprobeerd is.');
    expect(tried.getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Controleer het formulier:');
    expect(document.activeElement).toBe(summary);

    fireEvent.change(date, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vervolg opslaan' }));
    await waitFor(() => expect(descriptionOf(date)).toContain('Vul de datum in.'));
    expect(calls).toEqual([]);
  });

  it('says at the date field when the server refuses the day, and sends a valid entry', async () => {
    const { calls } = stubFetch((call) => {
      const body = call.body as { on: string };
      if (call.url !== followUpPath) return notFound;
      if (body.on < '2026-05-20')
        return {
          status: 400,
          body: {
            error: {
              code: 'INVALID_INPUT',
              message: beforeMeeting,
              details: { fields: [{ path: 'on', message: beforeMeeting }] },
            },
          },
        };
      return { status: 201, body: meeting() };
    });
    const { onSaved } = renderForm();
    const date = screen.getByLabelText('Datum');
    fireEvent.change(date, { target: { value: '2026-05-01' } });
    fireEvent.change(screen.getByLabelText('Wat is er geprobeerd?'), {
      target: { value: 'Contactpersoon aangewezen bij het gebiedsteam' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Vervolg opslaan' }));
    await waitFor(() => expect(descriptionOf(date)).toContain(beforeMeeting));
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.change(date, { target: { value: '2026-05-28' } });
    fireEvent.change(screen.getByLabelText(/^Wat leverde het op\?/), {
      target: { value: 'School belt nu één nummer' },
    });
    fireEvent.change(screen.getByLabelText(/^Wat is de volgende stap\?/), {
      target: { value: 'Evalueren na de zomer' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Vervolg opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]?.[1]).toBe('Het vervolg is opgeslagen.');
    expect(calls.map((c) => c.body)).toEqual([
      {
        on: '2026-05-01',
        tried: 'Contactpersoon aangewezen bij het gebiedsteam',
        result: '',
        next: '',
      },
      {
        on: '2026-05-28',
        tried: 'Contactpersoon aangewezen bij het gebiedsteam',
        result: 'School belt nu één nummer',
        next: 'Evalueren na de zomer',
      },
    ]);
  });
});
