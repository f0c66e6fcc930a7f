// @vitest-environment happy-dom
// The hypothesis form, "omdat … daarom …": a factor chosen as its own effect is refused at the
// effect before anything is sent, as is a hypothesis without a cause; a cause the server no
// longer knows (deleted meanwhile) is said at the causes, in the server's words; a valid one
// is sent with the problem as its effect by default.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { HypothesisForm } from './HypothesisForm';
import {
  analysisAnswer,
  analysisPath,
  explanatoryAnalysis,
  fieldError,
  ids,
  notFound,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const onSaved = vi.fn();
  renderWithProviders(
    <HypothesisForm
      caseId={ids.case}
      analysis={explanatoryAnalysis()}
      onSaved={onSaved}
      onCancel={() => undefined}
    />,
  );
  return { onSaved };
}

const causes = () => screen.getByRole('group', { name: 'Omdat …' });
const effect = () => screen.getByLabelText('… daarom …') as HTMLSelectElement;
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Verband toevoegen' }));

describe('HypothesisForm', () => {
  it('refuses a factor as its own effect, and a hypothesis without a cause, before sending', async () => {
    const { calls } = stubFetch(() => notFound);
    renderForm();
    expect(effect().value).toBe('problem');
    fireEvent.change(screen.getByLabelText('… daarom …'), { target: { value: ids.anxiety } });
    fireEvent.change(screen.getByLabelText('Uitleg'), {
      target: { value: 'Door de angst ging hij niet meer.' },
    });
    submit();
    await waitFor(() =>
      expect(descriptionOf(causes())).toContain('Kies minstens één factor bij ‘omdat’.'),
    );

    fireEvent.click(screen.getByRole('checkbox', { name: /^Angst in grote groepen/ }));
    submit();
    await waitFor(() =>
      expect(descriptionOf(effect())).toContain('Een factor kan niet zijn eigen gevolg zijn.'),
    );
    expect(effect().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain(
      'Een factor kan niet zijn eigen gevolg zijn.',
    );
    expect(calls).toEqual([]);
  });

  it("shows the server's field error at the causes, then sends a valid hypothesis", async () => {
    const message = 'Een gekozen oorzaak is geen (bestaande) factor van deze analyse.';
    let isRefused = true;
    const { calls } = stubFetch((call) => {
      if (call.url !== `${analysisPath}/hypotheses`) return notFound;
      if (isRefused) return fieldError('causeIds', message);
      const added = {
        id: '00000000-0000-4000-8000-0000000003b9',
        causeIds: [ids.grandma],
        effectFactorId: null,
        explanation: 'Met oma erbij durft hij meer.',
        version: 1,
      };
      const current = explanatoryAnalysis();
      return {
        status: 201,
        body: analysisAnswer({ ...current, hypotheses: [...current.hypotheses, added] }),
      };
    });
    const { onSaved } = renderForm();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Oma als vast steunpunt/ }));
    fireEvent.change(screen.getByLabelText('Uitleg'), {
      target: { value: 'Met oma erbij durft hij meer.' },
    });
    expect(screen.getByText('Zo leest het:').parentElement?.textContent).toBe(
      'Zo leest het: Omdat ‘Oma als vast steunpunt’ (kracht, Netwerk en omgeving), daarom het probleem.',
    );
    submit();
    await waitFor(() => expect(descriptionOf(causes())).toContain(message));
    expect(onSaved).not.toHaveBeenCalled();

    isRefused = false;
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]?.[1]).toBe('Verband 3 is toegevoegd.');
    expect(calls.map((c) => c.body)).toEqual([
      {
        causeIds: [ids.grandma],
        effectFactorId: null,
        explanation: 'Met oma erbij durft hij meer.',
      },
      {
        causeIds: [ids.grandma],
        effectFactorId: null,
        explanation: 'Met oma erbij durft hij meer.',
      },
    ]);
  });
});
