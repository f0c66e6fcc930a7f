// The timeline items an answer is about ("deze plaatsing", "deze diagnose"): the linked ones
// with a way to unlink each, and a picker listing the case's items by lane and date, the lanes
// the item hints at first. The picker opens on request, so forty items do not draw forty lists.
import { useId, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract/timeline';
import type { DossierAnswer } from '../../../shared/contract/dossier';
import { timelineLanes, type TimelineLane } from '../../../shared/domain/timeline';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { laneText, whenText } from '../timeline/labels';

export type TimelineLinksProps = {
  id: string;
  caseId: string;
  /** The case's timeline items (undefined while loading or when it could not be read). */
  items: TimelineItem[] | undefined;
  loadError: unknown;
  hintedLanes: readonly TimelineLane[];
  selected: string[];
  onChange: (ids: string[]) => void;
  /** The links as saved, for the names of linked items the timeline no longer has. */
  savedLinks: DossierAnswer['timelineLinks'];
  error?: string | undefined;
  isReadOnly?: boolean;
};

export function TimelineLinks({
  id,
  caseId,
  items,
  loadError,
  hintedLanes,
  selected,
  onChange,
  savedLinks,
  error,
  isReadOnly,
}: TimelineLinksProps) {
  const { t, i18n } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const labelId = `${id}-label`;
  const byId = new Map((items ?? []).map((item) => [item.id, item]));
  const deletedLinks = savedLinks.filter((link) => link.isDeleted);
  const itemLabel = (item: TimelineItem) => `${item.title} (${whenText(item, t, i18n.language)})`;
  const lanes = [
    ...hintedLanes,
    ...timelineLanes.filter((lane) => !hintedLanes.includes(lane)),
  ].filter((lane) => (items ?? []).some((item) => item.lane === lane));

  const linkedName = (itemId: string) => {
    const item = byId.get(itemId);
    if (item)
      return {
        title: item.title,
        detail: `${laneText(item.lane, t)}, ${whenText(item, t, i18n.language)}`,
      };
    const saved = savedLinks.find((link) => link.timelineItemId === itemId);
    return {
      title: saved?.title ?? t('dossier.links.unknownItem'),
      detail: saved ? laneText(saved.lane, t) : '',
    };
  };

  return (
    <div
      className="kl-dossier-links"
      role="group"
      aria-labelledby={labelId}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <p id={labelId} className="kl-dossier-links__label">
        {t('dossier.field.timelineItemIds')}
        {!isReadOnly && <span className="kl-optional"> {t('form.optional')}</span>}
      </p>
      {hintedLanes.length > 0 && !isReadOnly && (
        <p className="kl-dossier-hint">
          {t('dossier.links.hint', {
            lanes: hintedLanes.map((lane) => laneText(lane, t)).join(', '),
          })}
        </p>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {selected.length === 0 ? (
        <p className="kl-dossier-muted">{t('dossier.links.none')}</p>
      ) : (
        <ul className="kl-dossier-links__list">
          {selected.map((itemId) => {
            const { title, detail } = linkedName(itemId);
            return (
              <li key={itemId} className="kl-dossier-links__linked">
                <span>
                  <span className="kl-dossier-links__title">{title}</span>
                  {detail && <span className="kl-dossier-muted"> · {detail}</span>}
                </span>
                {!isReadOnly && (
                  <button
                    type="button"
                    className="kl-dossier-links__unlink"
                    onClick={() => {
                      onChange(selected.filter((s) => s !== itemId));
                      toggleRef.current?.focus();
                    }}
                  >
                    {t('dossier.links.unlink')}
                    <span className="kl-visually-hidden">: {title}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {deletedLinks.length > 0 && (
        <p className="kl-dossier-hint">
          {t('dossier.links.deleted', {
            titles: deletedLinks.map((link) => `‘${link.title}’`).join(', '),
          })}
        </p>
      )}
      {!isReadOnly && (
        <>
          <Button
            ref={toggleRef}
            id={id}
            purpose="secondary"
            aria-expanded={isOpen}
            aria-controls={isOpen ? panelId : undefined}
            onClick={() => setOpen((open) => !open)}
          >
            {isOpen ? t('dossier.links.close') : t('dossier.links.open')}
          </Button>
          {isOpen && (
            <div id={panelId} className="kl-dossier-links__panel">
              {loadError ? (
                <ErrorAlert error={loadError} />
              ) : !items ? (
                <p className="kl-dossier-muted" role="status">
                  {t('common.loading')}
                </p>
              ) : lanes.length === 0 ? (
                <p className="kl-dossier-muted">
                  {t('dossier.links.emptyTimeline')}{' '}
                  <AppLink to={`/cases/${caseId}/timeline`}>
                    {t('dossier.links.toTimeline')}
                  </AppLink>
                </p>
              ) : (
                lanes.map((lane) => (
                  <fieldset key={lane} className="utrecht-form-fieldset kl-dossier-links__lane">
                    <legend className="utrecht-form-fieldset__legend kl-dossier-options__legend">
                      {laneText(lane, t)}
                      {hintedLanes.includes(lane) && (
                        <span className="kl-dossier-links__fits"> {t('dossier.links.fits')}</span>
                      )}
                    </legend>
                    <div className="kl-dossier-options__list">
                      {(items ?? [])
                        .filter((item) => item.lane === lane)
                        .map((item) => (
                          <label key={item.id} className="kl-dossier-options__option">
                            <input
                              type="checkbox"
                              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                              checked={selected.includes(item.id)}
                              onChange={(event) =>
                                onChange(
                                  event.target.checked
                                    ? [...selected, item.id]
                                    : selected.filter((s) => s !== item.id),
                                )
                              }
                            />
                            <span>{itemLabel(item)}</span>
                          </label>
                        ))}
                    </div>
                  </fieldset>
                ))
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
