// @vitest-environment happy-dom
// The conflict view: only the fields that differ, both versions side by side in words, a pick
// per field (yours by default) or all of one side, and a save on top of the current version.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { editableValues, type ItemUpdate } from './api';
import { ConflictView, differingFields } from './ConflictView';
import { fosterFamily, ids, reference } from './test-data';

afterEach(cleanup);

const current = {
  ...fosterFamily,
  version: 3,
  description: 'Volgens het dossier drie jaar.',
  end: { precision: 'year' as const, year: 2019 },
};
const yours: ItemUpdate = {
  ...editableValues(fosterFamily),
  title: 'Pleeggezin B (eerste plaatsing)',
  version: 2,
};

const context = {
  participantLabels: new Map([[ids.youth, 'jongere']]),
  categories: reference.timelineCategories,
  itemTitles: new Map<string, string>(),
};

function renderView() {
  const onSave = vi.fn();
  const onKeepCurrent = vi.fn();
  render(
    <ConflictView
      yours={yours}
      current={current}
      context={context}
      onSave={onSave}
      onKeepCurrent={onKeepCurrent}
    />,
  );
  return { onSave, onKeepCurrent };
}

describe('ConflictView', () => {
  it('shows the differing fields side by side, in words', () => {
    renderView();
    expect(
      screen.getByRole('heading', { name: 'Iemand anders heeft dit onderdeel intussen gewijzigd' }),
    ).toBeTruthy();
    const list = screen.getByRole('list', { name: '3 verschillen' });
    const groups = within(list).getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Titel',
      'Toelichting',
      'Einde',
    ]);
    const end = screen.getByRole('group', { name: 'Einde' });
    expect(within(end).getByRole('radio', { name: 'Jouw versie: juni 2019' })).toBeTruthy();
    expect(within(end).getByRole('radio', { name: 'Huidige versie: 2019' })).toBeTruthy();
    const description = screen.getByRole('group', { name: 'Toelichting' });
    expect(within(description).getByRole('radio', { name: 'Jouw versie: (leeg)' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('saves your version with the picked fields of the current one, on the current version', () => {
    const { onSave } = renderView();
    const end = screen.getByRole('group', { name: 'Einde' });
    fireEvent.click(within(end).getByRole('radio', { name: /^Huidige versie/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan met deze keuzes' }));
    expect(onSave).toHaveBeenCalledWith({
      ...yours,
      end: current.end,
      version: 3,
    });
  });

  it('takes all of one side at once', () => {
    const { onSave } = renderView();
    fireEvent.click(screen.getByRole('button', { name: 'Overal de huidige versie kiezen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan met deze keuzes' }));
    expect(onSave).toHaveBeenCalledWith({ ...editableValues(current), version: 3 });
  });

  it('keeps the current version when asked, without saving', () => {
    const { onSave, onKeepCurrent } = renderView();
    fireEvent.click(
      screen.getByRole('button', { name: 'Huidige versie houden en mijn wijzigingen weggooien' }),
    );
    expect(onKeepCurrent).toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('compares dates by content, whatever order the database gives their keys', () => {
    const reordered = { ...current, start: { month: 3, year: 2016, precision: 'month' as const } };
    expect(differingFields(editableValues(fosterFamily), reordered)).toEqual([
      'description',
      'end',
    ]);
  });
});
