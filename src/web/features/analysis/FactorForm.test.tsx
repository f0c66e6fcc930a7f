// @vitest-environment happy-dom
// The factor form: nothing is sent while the kind, the name or the perspective is missing (each
// said at its field, the summary taking the focus); a complete factor is sent in its domain and
// the new factor's id handed on, so the page can focus it.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { FactorForm } from './FactorForm';
import { analysisAnswer, analysisPath, explanatoryAnalysis, factors, notFound } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const onSaved = vi.fn();
  renderWithProviders(
    <FactorForm
      caseId={analysisAnswer().caseId}
      analysis={explanatoryAnalysis()}
      domainKey="netwerk"
      onSaved={onSaved}
      onCancel={() => undefined}
    />,
  );
  return { onSaved };
}

describe('FactorForm', () => {
  it('says what is missing at each field and sends nothing', async () => {
    const { calls } = stubFetch(() => notFound);
    renderForm();
    const name = screen.getByLabelText('Korte naam');
    expect(document.activeElement).toBe(name);
    expect((screen.getByLabelText('Domein') as HTMLSelectElement).value).toBe('netwerk');

    fireEvent.click(screen.getByRole('button', { name: 'Factor toevoegen' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Controleer het formulier:');
    expect(document.activeElement).toBe(summary);
    expect(descriptionOf(name)).toContain('Geef de factor een korte naam.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(screen.getByRole('group', { name: 'Kracht of probleem?' }))).toContain(
      'Kies: kracht of probleem.',
    );
    expect(
      descriptionOf(screen.getByRole('group', { name: 'Vanuit wiens perspectief?' })),
    ).toContain('Kies vanuit wiens perspectief.');

    // A name that is too long is refused as well.
    fireEvent.change(name, { target: { value: 'x'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'Factor toevoegen' }));
    await waitFor(() => expect(descriptionOf(name)).toContain('Hoogstens 200 tekens.'));
    expect(calls).toEqual([]);
  });

  it('sends a complete factor and hands on the new id', async () => {
    const added = {
      ...factors.grandma,
      id: '00000000-0000-4000-8000-0000000003f9',
      title: 'Voetbaltrainer',
      version: 1,
    };
    const { calls } = stubFetch((call) =>
      call.url === `${analysisPath}/factors` && call.method === 'POST'
        ? {
            status: 201,
            body: analysisAnswer(
              explanatoryAnalysis({ factors: [...explanatoryAnalysis().factors, added] }),
            ),
          }
        : notFound,
    );
    const { onSaved } = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: /^Kracht/ }));
    fireEvent.change(screen.getByLabelText('Korte naam'), {
      target: { value: ' Voetbaltrainer ' },
    });
    fireEvent.change(screen.getByLabelText(/^Beschrijving/), {
      target: { value: 'Ziet hem twee keer per week.' },
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Jongere' }));
    fireEvent.click(screen.getByRole('button', { name: 'Factor toevoegen' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]?.[1]).toBe('‘Voetbaltrainer’ is toegevoegd.');
    expect(onSaved.mock.calls[0]?.[2]).toBe(added.id);
    expect(calls.map((c) => c.body)).toEqual([
      {
        domainKey: 'netwerk',
        kind: 'strength',
        title: 'Voetbaltrainer',
        description: 'Ziet hem twee keer per week.',
        perspective: 'youth',
      },
    ]);
  });
});
