// @vitest-environment happy-dom
// The matrix threads × stakeholder groups is a real table: the groups are column headers, the
// threads row headers, and each cell names its recommendations as links (an empty cell says so
// to screen readers).
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { RecommendationMatrix } from './RecommendationMatrix';
import { matrix, programmeId, recommendationIds } from './test-data';

afterEach(cleanup);

describe('RecommendationMatrix', () => {
  it('has the groups as column headers and the threads as row headers', () => {
    renderWithProviders(<RecommendationMatrix programmeId={programmeId} matrix={matrix} />);
    const table = screen.getByRole('table', {
      name: 'Aanbevelingen per rode draad en stakeholdergroep',
    });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent);
    expect(columns).toEqual(['Rode draad', 'Ervaringsdeskundigen', 'Gemeenten', 'Onderwijs']);
    const rows = within(table)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(rows).toEqual([
      'Rode draad 1: Hulp komt pas als het escaleert',
      'Rode draad 2: School valt weg (vervangen)',
      'Aantal aanbevelingen',
    ]);
  });

  it('puts each recommendation in its cell as a link, and says when a cell is empty', () => {
    renderWithProviders(<RecommendationMatrix programmeId={programmeId} matrix={matrix} />);
    const [, firstRow, secondRow] = screen.getAllByRole('row');
    const cells = within(firstRow!).getAllByRole('cell');
    const link = within(cells[1]!).getByRole('link', { name: '1. Eén vaste regiehouder' });
    expect(link.getAttribute('href')).toBe(
      `/programmes/${programmeId}/aanbevelingen/${recommendationIds[0]}`,
    );
    expect(cells[1]!.textContent).toContain('(Gepubliceerd)');
    const empty = within(secondRow!).getAllByRole('cell')[0]!;
    expect(within(empty).queryByRole('link')).toBeNull();
    expect(empty.textContent).toContain('geen aanbevelingen');
  });
});
