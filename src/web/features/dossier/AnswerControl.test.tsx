// @vitest-environment happy-dom
// The answer control fits the item's answer type: a radio group for ja / deels / nee /
// onbekend / n.v.t., a number with its unit and limits, a date, one or several choices, a text;
// and "onbekend" for every type that has no such option of its own.
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { InstrumentItem } from '../../../shared/contract/instruments';
import { descriptionOf } from '../../testing/render';
import { draftFromAnswer, type AnswerDraft } from './answer-form';
import { AnswerControl } from './AnswerControl';
import { content } from './test-data';

afterEach(cleanup);

const items = new Map(content.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
const itemOf = (key: string) => items.get(key) as InstrumentItem;

/** The control with its draft kept in state, as the item form keeps it; the draft is shown. */
function Harness({ itemKey, error }: { itemKey: string; error?: string }) {
  const item = itemOf(itemKey);
  const [draft, setDraft] = useState<AnswerDraft>(draftFromAnswer(item, undefined));
  return (
    <>
      <AnswerControl
        formId="test"
        item={item}
        draft={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        error={error}
        today="2026-06-01"
      />
      <output data-testid="draft">
        {JSON.stringify({ value: draft.value, choices: draft.choices, isUnknown: draft.isUnknown })}
      </output>
    </>
  );
}

const draft = () => JSON.parse(screen.getByTestId('draft').textContent ?? '{}');

describe('AnswerControl', () => {
  it('offers ja, deels, nee, onbekend and niet van toepassing as one radio group', () => {
    render(<Harness itemKey="hulpvraag_in_dossier" />);
    const group = screen.getByRole('group', { name: 'Antwoord' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual(['Ja', 'Deels', 'Nee', 'Onbekend', 'Niet van toepassing']);
    fireEvent.click(within(group).getByRole('radio', { name: 'Deels' }));
    expect(draft().value).toBe('partly');
    // No separate "onbekend" box: it is one of the options.
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('ties an error to the radio group', () => {
    render(<Harness itemKey="hulpvraag_in_dossier" error="Kies een antwoord." />);
    const group = screen.getByRole('group', { name: 'Antwoord' });
    expect(descriptionOf(group)).toContain('Kies een antwoord.');
  });

  it('asks a number with its unit and limits in words, and can say onbekend instead', () => {
    render(<Harness itemKey="maanden_zonder_school" error="Vul een heel getal in." />);
    const input = screen.getByRole('textbox', { name: 'Antwoord' });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(descriptionOf(input)).toContain('in maanden, van 0 tot en met 240, een heel getal');
    expect(descriptionOf(input)).toContain('Vul een heel getal in.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '7' } });
    expect(draft().value).toBe('7');
    fireEvent.click(screen.getByRole('checkbox', { name: /^Onbekend/ }));
    expect(draft().isUnknown).toBe(true);
    expect((input as HTMLInputElement).disabled).toBe(true);
  });

  it('asks a date that cannot lie in the future', () => {
    render(<Harness itemKey="eerste_aanmelding" />);
    const input = screen.getByLabelText('Antwoord') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.max).toBe('2026-06-01');
    fireEvent.change(input, { target: { value: '2015-09-14' } });
    expect(draft().value).toBe('2015-09-14');
  });

  it('offers one choice as radio buttons and several as checkboxes', () => {
    render(<Harness itemKey="hulpvraag_soort" />);
    fireEvent.click(screen.getByRole('radio', { name: 'Een woonplek (woonvraag)' }));
    expect(draft().value).toBe('wonen');
    cleanup();

    render(<Harness itemKey="betrokken" />);
    const group = screen.getByRole('group', { name: 'Antwoord' });
    expect(descriptionOf(group)).toContain('meer dan één keuze');
    fireEvent.click(within(group).getByRole('checkbox', { name: 'School' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Wijkteam' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'School' }));
    expect(draft().choices).toEqual(['wijkteam']);
  });

  it('asks a text in a text area', () => {
    render(<Harness itemKey="wat_hielp" />);
    const area = screen.getByRole('textbox', { name: 'Antwoord' });
    expect(area.tagName).toBe('TEXTAREA');
    fireEvent.change(area, { target: { value: 'De vaste mentor op school.' } });
    expect(draft().value).toBe('De vaste mentor op school.');
  });
});
