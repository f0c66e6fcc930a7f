// Someone else saved the draft while it was open here. The differences between the version
// sent from here and the draft on the server now, each with both sides in words, and two ways
// on: load the newest version (the edits made here go), or keep the version made here and save
// it over the newest one. The heading takes focus when the view appears.
import { useEffect, useId, useRef } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { DraftConflictDetails } from '../../../shared/contract/instruments';
import { Alert } from '../../ui/Alert';
import { formatDateTime } from '../../ui/format';
import { contentDifferences } from './content-diff';

export type DraftConflictViewProps = {
  conflict: DraftConflictDetails;
  onLoadCurrent: () => void;
  onKeepMine: () => void;
  isBusy?: boolean;
};

export function DraftConflictView({
  conflict,
  onLoadCurrent,
  onKeepMine,
  isBusy,
}: DraftConflictViewProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { current, yours } = conflict;
  const differences = contentDifferences(yours.content, current.content, t, i18n.language);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="kl-section kl-in-conflict" aria-labelledby={`${id}-heading`}>
      <Heading
        level={2}
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="kl-in-focus-target"
      >
        {t('instruments.conflict.heading')}
      </Heading>
      <Alert type="warning">
        <p className="kl-alert__text">
          {t('instruments.conflict.intro', {
            when: formatDateTime(current.updatedAt, i18n.language),
          })}
        </p>
      </Alert>
      {differences.length === 0 ? (
        <p className="nl-paragraph">{t('instruments.conflict.noDifferences')}</p>
      ) : (
        <div
          className="utrecht-table-container kl-table-scroll"
          role="region"
          aria-labelledby={`${id}-caption`}
          tabIndex={0}
        >
          <table
            role="table"
            className="utrecht-table utrecht-table--html-table kl-table kl-in-conflict__table kl-in-cards"
          >
            <caption id={`${id}-caption`} className="utrecht-table__caption">
              {t('instruments.conflict.caption', { count: differences.length })}
            </caption>
            <thead role="rowgroup" className="utrecht-table__header">
              <tr role="row" className="utrecht-table__row">
                <th role="columnheader" scope="col" className="utrecht-table__header-cell">
                  {t('instruments.conflict.what')}
                </th>
                <th role="columnheader" scope="col" className="utrecht-table__header-cell">
                  {t('instruments.conflict.yours')}
                </th>
                <th role="columnheader" scope="col" className="utrecht-table__header-cell">
                  {t('instruments.conflict.current')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="utrecht-table__body">
              {differences.map((difference, index) => (
                <tr key={`${difference.label}-${index}`} role="row" className="utrecht-table__row">
                  <th
                    role="rowheader"
                    scope="row"
                    className="utrecht-table__cell kl-table__row-header"
                  >
                    {difference.label}
                  </th>
                  <td
                    role="cell"
                    className="utrecht-table__cell"
                    data-label={t('instruments.conflict.yours')}
                  >
                    {difference.yours}
                  </td>
                  <td
                    className="utrecht-table__cell"
                    data-label={t('instruments.conflict.current')}
                  >
                    {difference.current}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="kl-form__actions">
        <Button purpose="primary" onClick={onLoadCurrent}>
          {t('instruments.conflict.loadCurrent')}
        </Button>
        <Button
          purpose="secondary"
          busy={isBusy}
          onClick={() => {
            if (!isBusy) onKeepMine();
          }}
        >
          {t('instruments.conflict.keepMine')}
        </Button>
      </div>
      <p className="nl-paragraph kl-in-hint">{t('instruments.conflict.keepMineHint')}</p>
    </section>
  );
}
