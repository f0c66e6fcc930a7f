// @vitest-environment happy-dom
// The agreement table: per code the fragments of each coder, the agreement as a percentage and
// kappa, "—" where kappa cannot be computed (with the reason below the table), the pooled
// figure, and the unit said: per character.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { AgreementTable } from './AgreementSection';
import { agreement } from './test-data';

afterEach(cleanup);

describe('the agreement table', () => {
  it('shows percentages and kappa per code, and "—" with its reason when kappa is null', () => {
    renderWithProviders(<AgreementTable agreement={agreement()} />);
    const table = screen.getByRole('table', {
      name: 'Overeenstemming tussen Bea Beheer en Eva Ervaring, per teken berekend',
    });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([
      'Code',
      'Fragmenten Bea Beheer',
      'Fragmenten Eva Ervaring',
      'Overeenstemming',
      'Kappa',
    ]);
    const mentor = within(table).getByRole('row', { name: /Steun van de mentor/ });
    expect(
      within(mentor)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '1', '90%', '0,80']);
    const school = within(table).getByRole('row', { name: /School/ });
    const kappa = within(school).getAllByRole('cell')[3]!;
    expect(kappa.textContent).toBe('—niet te berekenen');
    expect(within(kappa).getByText('—').getAttribute('aria-hidden')).toBe('true');
    expect(within(school).getAllByRole('cell')[2]!.textContent).toBe('100%');

    const pooled = within(table).getByRole('row', { name: /Alle codes samen/ });
    expect(
      within(pooled)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '1', '95%', '0,84']);
    expect(
      screen.getByText(
        /— betekent: kappa is niet te berekenen, omdat de overeenstemming door toeval/,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Eenheid: één teken van de tekst.')).toBeTruthy();
  });

  it('leaves the explanation of "—" out when every kappa could be computed', () => {
    const all = agreement();
    renderWithProviders(
      <AgreementTable agreement={{ ...all, perCode: all.perCode.slice(0, 1) }} />,
    );
    expect(screen.queryByText(/— betekent/)).toBeNull();
    expect(screen.queryByText('—')).toBeNull();
  });
});
