// @vitest-environment happy-dom
// The case × code table: a row per case named by its code, a column per code, in each cell the
// number of fragments and the coverage as a percentage in text (small coverages with a decimal,
// an empty cell without one), the bar only repeating it, and the column totals with their cases.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { MatrixTable } from './MatrixTable';
import { caseReference, matrix } from './test-data';

afterEach(cleanup);

const typeLabel = (code: string | null) =>
  caseReference.institutionTypes.find((t) => t.code === code)?.label ?? 'Onbekend';

describe('the matrix table', () => {
  it('shows counts and coverage as text per case and code, and the column totals', () => {
    renderWithProviders(
      <MatrixTable matrix={matrix} caption="Fragmenten per casus en code" typeLabel={typeLabel} />,
    );
    const table = screen.getByRole('table', { name: 'Fragmenten per casus en code' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.trim());
    expect(headers).toEqual(['Casus', 'Soort instelling', 'Samenwerking', 'IJzeren regels']);

    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('KL-2026-001');
    expect(cells(rows[1]!)).toEqual([
      'Jeugdzorgplus',
      '3 fragmenten 13% van de tekst',
      '0 fragmenten',
    ]);
    expect(cells(rows[2]!)).toEqual([
      'Justitiële jeugdinrichting (JJI)',
      '1 fragment 0,4% van de tekst',
      '2 fragmenten 50% van de tekst',
    ]);
    expect(within(rows[3]!).getByRole('rowheader').textContent).toBe('Totaal');
    expect(cells(rows[3]!)).toEqual(['', '4 fragmenten in 2 casussen', '2 fragmenten in 1 casus']);

    // The bar repeats the coverage for the eye only.
    const bars = table.querySelectorAll<HTMLElement>('.kl-cd-bar');
    expect(bars).toHaveLength(3);
    bars.forEach((bar) => expect(bar.getAttribute('aria-hidden')).toBe('true'));
    expect(bars[2]!.querySelector<HTMLElement>('.kl-cd-bar__fill')?.style.inlineSize).toBe('50%');
    // The table scrolls in its own box, reachable with the keyboard.
    const box = screen.getByRole('region', { name: 'Fragmenten per casus en code' });
    expect(box.getAttribute('tabindex')).toBe('0');
  });

  it('says the coverage in English when the reader chose English', async () => {
    const { i18n } = await import('../../i18n');
    await i18n.changeLanguage('en');
    try {
      renderWithProviders(<MatrixTable matrix={matrix} caption="Matrix" typeLabel={typeLabel} />);
      expect(screen.getByText('0.4%')).toBeTruthy();
      expect(screen.getAllByText('of the text')).toHaveLength(3);
    } finally {
      await i18n.changeLanguage('nl');
    }
  });
});
