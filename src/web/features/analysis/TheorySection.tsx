// "Werkhypothese": the working theory in dated versions, newest first, each with its author,
// evaluation and whether the youth and parents agreed (in their own words where they did
// not); a form for a new version that starts from the latest text; and a comparison of two
// chosen versions side by side.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../shared/contract/analysis';
import { formatDate, todayIso } from '../../ui/format';
import type { ExplanatoryAnalysis } from './api';
import { useFocusAfterRender } from './focus';
import { TheoryAgreement } from './TheoryAgreement';
import { TheoryCompare } from './TheoryComparison';
import { TheoryForm } from './TheoryForm';

export type TheorySectionProps = {
  caseId: string;
  analysis: ExplanatoryAnalysis;
  canEdit: boolean;
  /** Today as an ISO date (a test can fix it). */
  today?: string;
};

type Editing = { mode: 'new' } | { mode: 'edit'; theoryId: string } | null;

const theoryElementId = (id: string) => `an-theory-${id}`;
const addButtonId = 'an-add-theory';
const editButtonId = (id: string) => `an-edit-theory-${id}`;

export function TheorySection({
  caseId,
  analysis,
  canEdit,
  today = todayIso(),
}: TheorySectionProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const focusLater = useFocusAfterRender();
  const theories = analysis.theories;
  const newestFirst = [...theories].reverse();
  const latest = theories.at(-1);
  const knownIds = theories.map((v) => v.id);
  const saved = (_analysis: Analysis, text: string, theoryId: string | null) => {
    setEditing(null);
    setMessage(text);
    if (theoryId) focusLater(theoryElementId(theoryId));
  };

  return (
    <>
      <Paragraph>{t('analysis.theory.intro')}</Paragraph>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {canEdit &&
        (editing?.mode === 'new' ? (
          <TheoryForm
            caseId={caseId}
            latest={latest}
            today={today}
            knownIds={knownIds}
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              focusLater(addButtonId);
            }}
          />
        ) : (
          <div>
            <Button
              id={addButtonId}
              purpose="secondary"
              onClick={() => setEditing({ mode: 'new' })}
            >
              <span aria-hidden="true">+ </span>
              {latest ? t('analysis.theory.addNext') : t('analysis.theory.addFirst')}
            </Button>
          </div>
        ))}
      {theories.length === 0 ? (
        <p className="nl-paragraph kl-an-muted">{t('analysis.theory.none')}</p>
      ) : (
        <ol className="kl-an-theories" aria-label={t('analysis.theory.versions')} reversed>
          {newestFirst.map((theory) =>
            editing?.mode === 'edit' && editing.theoryId === theory.id ? (
              <li key={theory.id}>
                <TheoryForm
                  caseId={caseId}
                  theory={theory}
                  today={today}
                  knownIds={knownIds}
                  onSaved={saved}
                  onCancel={() => {
                    setEditing(null);
                    focusLater(editButtonId(theory.id));
                  }}
                />
              </li>
            ) : (
              <li key={theory.id}>
                <article
                  id={theoryElementId(theory.id)}
                  tabIndex={-1}
                  className="kl-an-theory kl-an-focus-target"
                  aria-labelledby={`${theoryElementId(theory.id)}-title`}
                >
                  <Heading level={3} id={`${theoryElementId(theory.id)}-title`}>
                    {t('analysis.theory.versionTitle', {
                      number: theory.number,
                      date: formatDate(theory.dated, i18n.language),
                    })}
                    {theory.id === latest?.id && (
                      <span className="kl-an-theory__latest"> {t('analysis.theory.latest')}</span>
                    )}
                  </Heading>
                  <p className="kl-an-theory__text kl-an-prewrap">{theory.text}</p>
                  <TheoryAgreement theory={theory} />
                  {canEdit && (
                    <div className="kl-an-factor__actions">
                      <Button
                        id={editButtonId(theory.id)}
                        purpose="subtle"
                        onClick={() => setEditing({ mode: 'edit', theoryId: theory.id })}
                      >
                        {t('analysis.edit')}
                        <span className="kl-visually-hidden">
                          {' '}
                          {t('analysis.theory.versionShort', { number: theory.number })}
                        </span>
                      </Button>
                    </div>
                  )}
                </article>
              </li>
            ),
          )}
        </ol>
      )}
      {theories.length >= 2 && (
        <section className="kl-an-subsection" aria-labelledby="an-compare-heading">
          <Heading level={3} id="an-compare-heading">
            {t('analysis.compare.title')}
          </Heading>
          <TheoryCompare caseId={caseId} theories={theories} />
        </section>
      )}
    </>
  );
}
