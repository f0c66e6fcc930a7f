// One reference list: a table of its entries (name, fixed code, marker, usage, status) with
// edit, archive/restore and move up/down per entry, and the form to add one. On a phone each
// row is shown as a card, its cells labelled by their column. Every change is
// announced in the section's status line; focus stays on (or returns to) the control the
// administrator used, also when the row moved.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReferenceEntry, ReferenceList } from '../../../shared/contract/reference-lists';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { AddEntryForm } from './AddEntryForm';
import { setEntryArchived, setListOrder, storeList } from './api';
import { EntryEditForm } from './EntryEditForm';

export type ReferenceListSectionProps = {
  list: ReferenceList;
  /** The lists changed on the server meanwhile: read them again. */
  onStale: () => void;
};

type Move = { code: string; label: string; direction: -1 | 1 };

/** The DOM id of an entry's control, e.g. `rl-setting_type-jji-up`. */
export const controlId = (list: string, code: string, control: string) =>
  `rl-${list}-${code}-${control}`;

export function usageText(entry: ReferenceEntry, t: TFunction): string {
  if (entry.caseCount === 0) return t('referenceLists.usage.none');
  const cases = t('referenceLists.usage.cases', { count: entry.caseCount });
  if (entry.itemCount === null) return cases;
  return t('referenceLists.usage.items', { count: entry.itemCount, cases });
}

export function ReferenceListSection({ list, onStale }: ReferenceListSectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  // The id of the control to focus after the next render (where the entry now is).
  const focusId = useRef<string | null>(null);
  const name = list.list;
  const title = t(`referenceLists.list.${name}.title`);
  const headingId = `rl-${name}-heading`;
  const hasMarkers = list.markers.length > 0;
  const captionId = `rl-${name}-caption`;
  const columnLabel = {
    label: t('referenceLists.column.label'),
    code: t('referenceLists.column.code'),
    marker: t('referenceLists.column.marker'),
    usage: t('referenceLists.column.usage'),
    status: t('common.status'),
    actions: t('referenceLists.column.actions'),
  };
  const columns = (Object.keys(columnLabel) as (keyof typeof columnLabel)[])
    .filter((key) => hasMarkers || key !== 'marker')
    .map((key) => ({ key, label: columnLabel[key] }));

  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    focusId.current = null;
    document.getElementById(id)?.focus();
  });

  const done = (saved: ReferenceList, text: string, focus: string | null) => {
    focusId.current = focus;
    storeList(queryClient, saved);
    setMessage(text);
  };

  const move = useMutation({
    mutationFn: ({ code, direction }: Move) => {
      const codes = list.entries.map((e) => e.code);
      const from = codes.indexOf(code);
      const to = from + direction;
      const other = codes[to];
      if (from < 0 || other === undefined) return Promise.resolve(list);
      codes[to] = code;
      codes[from] = other;
      return setListOrder(name, codes);
    },
    onSuccess: (saved, { code, label, direction }) => {
      const position = saved.entries.findIndex((e) => e.code === code);
      const isAtEdge = direction === -1 ? position === 0 : position === saved.entries.length - 1;
      // At the top, "up" is gone: the focus goes to "down" of the same entry (and vice versa).
      const wanted = direction === -1 ? 'up' : 'down';
      const control = isAtEdge ? (wanted === 'up' ? 'down' : 'up') : wanted;
      done(
        saved,
        t('referenceLists.moved', { label, position: position + 1, total: saved.entries.length }),
        controlId(name, code, control),
      );
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'CONFLICT') onStale();
    },
  });
  const archive = useMutation({
    mutationFn: ({ code, isArchived }: { code: string; label: string; isArchived: boolean }) =>
      setEntryArchived(name, code, isArchived),
    onSuccess: (saved, { code, label, isArchived }) =>
      done(
        saved,
        t(isArchived ? 'referenceLists.archived' : 'referenceLists.restored', { label }),
        controlId(name, code, 'archive'),
      ),
  });
  const isBusy = move.isPending || archive.isPending;
  const error = move.error ?? archive.error;

  return (
    <section className="kl-section kl-reference-list" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      <p className="nl-paragraph">{t(`referenceLists.list.${name}.description`)}</p>
      {list.markers.map((marker) => (
        <p key={marker} className="nl-paragraph kl-reference-list__marker">
          <strong>{t(`referenceLists.marker.${marker}.label`)}:</strong>{' '}
          {t(`referenceLists.marker.${marker}.explanation`)}
        </p>
      ))}
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div
        className="utrecht-table-container kl-table-scroll"
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
      >
        {/* Explicit roles: on a phone the rows are laid out as cards (display: block), which
            would otherwise cost the table its semantics in some browsers. */}
        <table
          role="table"
          className="utrecht-table utrecht-table--html-table kl-table kl-reference-table"
        >
          <caption id={captionId} className="utrecht-table__caption kl-visually-hidden">
            {t('referenceLists.caption', { list: title })}
          </caption>
          <thead role="rowgroup" className="utrecht-table__header">
            <tr role="row" className="utrecht-table__row">
              {columns.map((column) => (
                <th
                  key={column.key}
                  role="columnheader"
                  scope="col"
                  className="utrecht-table__header-cell"
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className="utrecht-table__body">
            {list.entries.map((entry, index) => (
              <tr key={entry.code} role="row" className="utrecht-table__row">
                <th
                  role="rowheader"
                  scope="row"
                  className="utrecht-table__cell kl-table__row-header"
                >
                  {editing === entry.code ? (
                    <EntryEditForm
                      list={list}
                      entry={entry}
                      onSaved={(saved, label) => {
                        setEditing(null);
                        done(
                          saved,
                          t('referenceLists.saved', { label }),
                          controlId(name, entry.code, 'edit'),
                        );
                      }}
                      onCancel={() => {
                        focusId.current = controlId(name, entry.code, 'edit');
                        setEditing(null);
                      }}
                    />
                  ) : (
                    entry.label
                  )}
                </th>
                <td role="cell" className="utrecht-table__cell" data-label={columnLabel.code}>
                  <code className="kl-reference-list__code">{entry.code}</code>
                </td>
                {hasMarkers && (
                  <td role="cell" className="utrecht-table__cell" data-label={columnLabel.marker}>
                    {entry.marker ? (
                      t(`referenceLists.marker.${entry.marker}.label`)
                    ) : (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="kl-visually-hidden">{t('referenceLists.noMarker')}</span>
                      </>
                    )}
                  </td>
                )}
                <td
                  role="cell"
                  className="utrecht-table__cell kl-reference-list__usage"
                  data-label={columnLabel.usage}
                >
                  {usageText(entry, t)}
                </td>
                <td role="cell" className="utrecht-table__cell" data-label={columnLabel.status}>
                  {entry.isArchived ? (
                    <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>
                  ) : (
                    <StatusBadge status="success">{t('common.active')}</StatusBadge>
                  )}
                </td>
                <td role="cell" className="utrecht-table__cell">
                  <div className="kl-reference-list__actions">
                    {editing !== entry.code && (
                      <Button
                        id={controlId(name, entry.code, 'edit')}
                        purpose="subtle"
                        className="kl-reference-list__edit"
                        onClick={() => {
                          focusId.current = controlId(name, entry.code, 'label');
                          setEditing(entry.code);
                        }}
                      >
                        {t('referenceLists.edit')}
                        <span className="kl-visually-hidden"> {entry.label}</span>
                      </Button>
                    )}
                    <Button
                      id={controlId(name, entry.code, 'archive')}
                      purpose="subtle"
                      hint={entry.isArchived ? undefined : 'negative'}
                      className="kl-reference-list__archive"
                      busy={archive.isPending && archive.variables?.code === entry.code}
                      onClick={() => {
                        if (!isBusy)
                          archive.mutate({
                            code: entry.code,
                            label: entry.label,
                            isArchived: !entry.isArchived,
                          });
                      }}
                    >
                      {entry.isArchived ? t('referenceLists.restore') : t('referenceLists.archive')}
                      <span className="kl-visually-hidden"> {entry.label}</span>
                    </Button>
                    {index > 0 && (
                      <Button
                        id={controlId(name, entry.code, 'up')}
                        purpose="subtle"
                        className="kl-reference-list__up"
                        busy={move.isPending && move.variables?.code === entry.code}
                        onClick={() => {
                          if (!isBusy)
                            move.mutate({ code: entry.code, label: entry.label, direction: -1 });
                        }}
                      >
                        <span aria-hidden="true">↑ </span>
                        {t('referenceLists.moveUp')}
                        <span className="kl-visually-hidden"> {entry.label}</span>
                      </Button>
                    )}
                    {index < list.entries.length - 1 && (
                      <Button
                        id={controlId(name, entry.code, 'down')}
                        purpose="subtle"
                        className="kl-reference-list__down"
                        busy={move.isPending && move.variables?.code === entry.code}
                        onClick={() => {
                          if (!isBusy)
                            move.mutate({ code: entry.code, label: entry.label, direction: 1 });
                        }}
                      >
                        <span aria-hidden="true">↓ </span>
                        {t('referenceLists.moveDown')}
                        <span className="kl-visually-hidden"> {entry.label}</span>
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddEntryForm
        list={list}
        onAdded={(saved, label) => done(saved, t('referenceLists.added', { label }), null)}
      />
    </section>
  );
}
