// @vitest-environment happy-dom
// The fuzzy date input: the fields follow the chosen precision, the meaning is said in words,
// errors show at the field they belong to; and the draft → request body rules (missing year,
// a date in the future, an end before the start, no end for an event).
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { FieldErrors } from '../../app/form-errors';
import { FuzzyDateInput } from './FuzzyDateInput';
import {
  emptyFuzzyDraft,
  fuzzyFromDraft,
  inputFromDraft,
  newItemDraft,
  type FuzzyDraft,
} from './item-form';

afterEach(cleanup);

function Harness({ initial, errors = {} }: { initial: FuzzyDraft; errors?: FieldErrors }) {
  const [value, setValue] = useState(initial);
  return (
    <FuzzyDateInput
      formId="item"
      name="start"
      legend="Begin"
      value={value}
      onChange={setValue}
      birthYear={2011}
      errors={errors}
    />
  );
}

const t = i18n.getFixedT('nl');

describe('FuzzyDateInput', () => {
  it('shows month and year for a month, and says which days it can mean', () => {
    render(<Harness initial={{ ...emptyFuzzyDraft('month'), year: '2016', month: '3' }} />);
    const group = screen.getByRole('group', { name: 'Begin' });
    expect(within(group).getByLabelText('Hoe precies weet je het?')).toHaveProperty(
      'value',
      'month',
    );
    expect(within(group).getByLabelText('Maand')).toHaveProperty('value', '3');
    expect(within(group).getByLabelText('Jaar')).toHaveProperty('value', '2016');
    expect(
      within(group).getByText('Dat is ergens tussen 1 maart 2016 en 31 maart 2016.'),
    ).toBeTruthy();
  });

  it('switches to the fields of a season, and of an age with the birth year as a hint', () => {
    render(<Harness initial={{ ...emptyFuzzyDraft('month'), year: '2018' }} />);
    const precision = screen.getByLabelText('Hoe precies weet je het?');
    fireEvent.change(precision, { target: { value: 'season' } });
    fireEvent.change(screen.getByLabelText('Seizoen'), { target: { value: 'winter' } });
    expect(
      screen.getByText('Dat is ergens tussen 1 december 2018 en 28 februari 2019.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Maand')).toBeNull();

    fireEvent.change(precision, { target: { value: 'age' } });
    const age = screen.getByLabelText('Leeftijd in jaren');
    expect(screen.getByText('Hoe oud was de jongere toen? Geboortejaar: 2011.')).toBeTruthy();
    fireEvent.change(age, { target: { value: '5' } });
    // Born some day in 2011: five from 1 January 2016 at the earliest to 30 December 2017.
    expect(
      screen.getByText('Dat is ergens tussen 1 januari 2016 en 30 december 2017.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Jaar')).toBeNull();
  });

  it('shows an exact day as a date field, without a meaning to explain', () => {
    render(<Harness initial={{ ...emptyFuzzyDraft('day'), date: '2015-08-31' }} />);
    expect(screen.getByLabelText('Datum')).toHaveProperty('value', '2015-08-31');
    expect(screen.queryByText(/Dat is ergens tussen/)).toBeNull();
  });

  it('shows the date’s own error at the group and a field’s error at that field', () => {
    render(
      <Harness
        initial={{ ...emptyFuzzyDraft('month'), month: '3' }}
        errors={{ start: 'Deze datum ligt in de toekomst.', 'start.year': 'Vul een jaar in.' }}
      />,
    );
    const group = screen.getByRole('group', { name: 'Begin' });
    expect(within(group).getByText('Deze datum ligt in de toekomst.')).toBeTruthy();
    const year = within(group).getByLabelText('Jaar');
    expect(year.getAttribute('aria-invalid')).toBe('true');
    const describedBy = year.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ').at(-1) ?? '')?.textContent).toContain(
      'Vul een jaar in.',
    );
    // The precision select is where the error summary's link for "start" lands.
    expect(screen.getByLabelText('Hoe precies weet je het?').id).toBe('item-start');
  });
});

describe('drafts to request bodies', () => {
  const context = { birthYear: 2011, today: '2026-03-01', t };

  it('asks for the missing parts of a date', () => {
    expect(fuzzyFromDraft({ ...emptyFuzzyDraft('month'), month: '2' }, t).errors).toEqual({
      year: 'Vul een jaar in, bijvoorbeeld 2016.',
    });
    expect(fuzzyFromDraft({ ...emptyFuzzyDraft('age'), age: '40' }, t).errors).toEqual({
      age: 'Vul een leeftijd in hele jaren in, van 0 tot 30.',
    });
    expect(fuzzyFromDraft({ ...emptyFuzzyDraft('season'), year: '2019' }, t).date).toEqual({
      precision: 'season',
      year: 2019,
      season: 'spring',
    });
  });

  it('rejects an end before the start and a start in the future, in the user’s words', () => {
    const draft = {
      ...newItemDraft({ lane: 'living', kind: 'period' }, 'youth'),
      title: 'Pleeggezin',
      start: { ...emptyFuzzyDraft('year'), year: '2019' },
      end: { ...emptyFuzzyDraft('month'), year: '2018', month: '6' },
    };
    expect(inputFromDraft(draft, context).errors).toEqual({
      end: 'Het einde ligt vóór het begin.',
    });
    const future = {
      ...draft,
      start: { ...emptyFuzzyDraft('year'), year: '2030' },
      isOngoing: true,
    };
    expect(inputFromDraft(future, context).errors).toEqual({
      start: 'Deze datum ligt in de toekomst.',
    });
  });

  it('accepts overlapping uncertain dates and sends no end for an event', () => {
    const period = {
      ...newItemDraft({ lane: 'living', kind: 'period' }, 'youth'),
      title: 'Pleeggezin',
      start: { ...emptyFuzzyDraft('year'), year: '2019' },
      end: { ...emptyFuzzyDraft('month'), year: '2019', month: '3' },
    };
    expect(inputFromDraft(period, context).input?.end).toEqual({
      precision: 'month',
      year: 2019,
      month: 3,
    });
    const event = { ...period, kind: 'event' as const };
    expect(inputFromDraft(event, context).input?.end).toBeNull();
  });

  it('needs a title, and keeps waiting days only for care', () => {
    const draft = {
      ...newItemDraft({ lane: 'school', start: { precision: 'year', year: 2018 } }, 'parent'),
      waitingDays: '12',
    };
    expect(inputFromDraft(draft, context).errors).toEqual({
      title: 'Geef het onderdeel een korte titel.',
    });
    const input = inputFromDraft({ ...draft, title: ' Nieuwe school ' }, context).input;
    expect(input).toMatchObject({ title: 'Nieuwe school', waitingDays: null, source: 'parent' });
  });
});
