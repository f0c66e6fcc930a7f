// @vitest-environment happy-dom
// The samenhang in words — the graph's text alternative: every recommendation that is not
// withdrawn, its group, and the recommendations it hangs together with (from either side of the
// stored link), with the note.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { SamenhangList } from './SamenhangList';
import { list, programmeId } from './test-data';

afterEach(cleanup);

function renderList(items = list.items) {
  renderWithProviders(
    <>
      <h2 id="words">In woorden</h2>
      <SamenhangList
        programmeId={programmeId}
        items={items}
        links={list.links}
        groups={list.programme.stakeholderGroups}
        headingId="words"
      />
    </>,
  );
  return screen.getByRole('list', { name: 'In woorden' });
}

describe('SamenhangList', () => {
  it('names each recommendation with its group and what it hangs together with, both ways', () => {
    const words = renderList();
    const entries = within(words)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === words);
    expect(entries).toHaveLength(3);
    expect(entries[0]!.textContent).toContain('1. Eén vaste regiehouder (Gemeenten)');
    expect(
      within(entries[0]!).getByRole('link', { name: '2. Houd de mentor betrokken' }),
    ).toBeTruthy();
    expect(entries[0]!.textContent).toContain('Allebei over overdracht');
    // The link is stored once (from 1 to 2) but read from 2 as well.
    expect(
      within(entries[1]!).getByRole('link', { name: '1. Eén vaste regiehouder' }),
    ).toBeTruthy();
    expect(entries[2]!.textContent).toContain('Hangt (nog) niet samen met andere aanbevelingen.');
  });

  it('leaves withdrawn recommendations out', () => {
    const words = renderList([
      { ...list.items[0]!, reviewState: 'withdrawn' },
      list.items[1]!,
      list.items[2]!,
    ]);
    expect(within(words).queryByText(/Eén vaste regiehouder/)).toBeNull();
  });
});
