// @vitest-environment happy-dom
// A new version of the working theory starts from the latest text and today's date; a date in
// the future, or parents who disagree without their own words, are said at their fields and
// nothing is sent; with their words the version is sent.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { TheoryForm } from './TheoryForm';
import { analysisAnswer, analysisPath, ids, notFound, theories } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TheoryForm', () => {
  it('starts from the latest text and needs the parents’ own words when they disagree', async () => {
    const { calls } = stubFetch((call) =>
      call.url === `${analysisPath}/theories` ? { status: 201, body: analysisAnswer() } : notFound,
    );
    const onSaved = vi.fn();
    renderWithProviders(
      <TheoryForm
        caseId={ids.case}
        latest={theories[1]}
        today="2026-06-01"
        knownIds={[ids.theory1]}
        onSaved={onSaved}
        onCancel={() => undefined}
      />,
    );
    const date = screen.getByLabelText('Datum') as HTMLInputElement;
    expect(date.value).toBe('2026-06-01');
    expect(document.activeElement).toBe(date);
    expect((screen.getByLabelText(/^Werkhypothese/) as HTMLTextAreaElement).value).toBe(
      theories[1]?.text,
    );

    fireEvent.change(date, { target: { value: '2026-07-01' } });
    fireEvent.click(
      screen
        .getByRole('group', { name: 'Zijn de ouders het ermee eens?' })
        .querySelector('input[value="disagreed"]') as HTMLInputElement,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Versie opslaan' }));
    const words = screen.getByLabelText('In de eigen woorden van de ouders');
    await waitFor(() =>
      expect(descriptionOf(words)).toContain(
        'Schrijf in de eigen woorden van de ouders op waar zij het niet mee eens zijn.',
      ),
    );
    expect(descriptionOf(date)).toContain('Die datum ligt in de toekomst.');
    expect(calls).toEqual([]);

    fireEvent.change(date, { target: { value: '2026-05-30' } });
    fireEvent.change(words, { target: { value: 'Het ligt niet aan ons.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Versie opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]?.[1]).toBe('Versie 2 van de werkhypothese is opgeslagen.');
    expect(calls[0]?.body).toMatchObject({
      dated: '2026-05-30',
      parentView: 'disagreed',
      parentWords: 'Het ligt niet aan ons.',
      youthView: 'not_asked',
    });
  });
});
