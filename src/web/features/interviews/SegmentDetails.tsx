// A coded fragment opened from its bar or from the text: the fragment, its code, who coded it
// and where it is; the other codes on exactly the same fragment (to open them); the marks
// "important" and "quote" (a quote can only be used in reports while the participant's consent
// for quotes stands — said when it does not); taking the code off the fragment (undoable); and
// the memos on this fragment.
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Memo } from '../../../shared/contract/coding';
import { Alert } from '../../ui/Alert';
import { CheckboxField } from '../../ui/CheckboxField';
import { DataList } from '../../ui/DataList';
import { formatDay } from '../../ui/format';
import { positionText, preview } from './labels';
import { MemoList } from './MemoList';
import type { SegmentFlags } from './undo-stack';
import type { ShownSegment } from './TranscriptText';

export const detailsHeadingId = 'iv-details-heading';

export type SegmentDetailsProps = {
  shown: ShownSegment;
  fragment: string;
  /** Other fragments with exactly the same start and end. */
  siblings: ShownSegment[];
  canCode: boolean;
  canQuote: boolean;
  isBusy: boolean;
  memos: Memo[];
  onFlags: (flags: SegmentFlags) => void;
  onRemove: () => void;
  onOpen: (segmentId: string) => void;
  onClose: () => void;
  onMemosChanged: () => void;
};

export function SegmentDetails({
  shown,
  fragment,
  siblings,
  canCode,
  canQuote,
  isBusy,
  memos,
  onFlags,
  onRemove,
  onOpen,
  onClose,
  onMemosChanged,
}: SegmentDetailsProps) {
  const { t, i18n } = useTranslation();
  const { segment, codeName, color } = shown;
  // A mark shows as clicked at once, while it is saved; the server's answer then decides.
  const [clicked, setClicked] = useState<{ from: string; flags: SegmentFlags } | null>(null);
  const saved = { important: segment.important, quote: segment.quote };
  const savedKey = `${segment.id}:${saved.important}:${saved.quote}`;
  const flags = isBusy && clicked?.from === savedKey ? clicked.flags : saved;
  const mark = (next: SegmentFlags) => {
    if (isBusy) return;
    setClicked({ from: savedKey, flags: next });
    onFlags(next);
  };
  const marks = [
    segment.important && t('interviews.segment.important'),
    segment.quote && t('interviews.segment.quote'),
  ].filter(Boolean);

  return (
    <section className="kl-iv-panel kl-iv-details" aria-labelledby={detailsHeadingId}>
      <Heading level={2} id={detailsHeadingId} tabIndex={-1} className="kl-iv-focus-target">
        {t('interviews.segment.title')}
      </Heading>
      <blockquote className="kl-iv-quote kl-iv-quote--long">{preview(fragment, 800)}</blockquote>
      <DataList
        items={[
          {
            key: 'code',
            label: t('interviews.segment.code'),
            value: (
              <span className="kl-iv-code-name">
                <span
                  className="kl-iv-swatch"
                  style={{ backgroundColor: color }}
                  aria-hidden="true"
                />
                {codeName}
              </span>
            ),
          },
          { key: 'coder', label: t('interviews.segment.coder'), value: segment.coderName },
          {
            key: 'where',
            label: t('interviews.segment.where'),
            value: positionText(segment.start, segment.end, t, i18n.language),
          },
          {
            key: 'when',
            label: t('interviews.segment.when'),
            value: formatDay(segment.createdAt, i18n.language),
          },
          ...(!canCode
            ? [
                {
                  key: 'marks',
                  label: t('interviews.segment.marks'),
                  value: marks.length > 0 ? marks.join(', ') : t('interviews.segment.noMarks'),
                },
              ]
            : []),
        ]}
      />
      {siblings.length > 0 && (
        <div className="kl-iv-siblings">
          <p className="kl-iv-meta">{t('interviews.segment.alsoHere')}</p>
          <ul className="kl-iv-sibling-list">
            {siblings.map((sibling) => (
              <li key={sibling.segment.id}>
                <button
                  type="button"
                  className="kl-iv-link-button"
                  onClick={() => onOpen(sibling.segment.id)}
                >
                  <span
                    className="kl-iv-swatch"
                    style={{ backgroundColor: sibling.color }}
                    aria-hidden="true"
                  />
                  {t('interviews.segment.sibling', {
                    code: sibling.codeName,
                    coder: sibling.segment.coderName,
                  })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canCode && (
        <fieldset className="utrecht-form-fieldset kl-iv-fieldset">
          <legend className="utrecht-form-fieldset__legend kl-iv-legend">
            {t('interviews.segment.marks')}
          </legend>
          <CheckboxField
            id={`iv-segment-important-${segment.id}`}
            label={t('interviews.segment.important')}
            isChecked={flags.important}
            onChange={(important) => mark({ ...flags, important })}
          />
          {canQuote && (
            <CheckboxField
              id={`iv-segment-quote-${segment.id}`}
              label={t('interviews.segment.quote')}
              isChecked={flags.quote}
              onChange={(quote) => mark({ ...flags, quote })}
            />
          )}
        </fieldset>
      )}
      {segment.quote && !segment.quoteUsable && (
        <Alert type="warning">
          <p className="kl-alert__text">{t('interviews.segment.quoteNotUsable')}</p>
        </Alert>
      )}
      <div className="kl-form__actions">
        {canCode && (
          <Button
            purpose="secondary"
            hint="negative"
            busy={isBusy}
            onClick={() => {
              if (!isBusy) onRemove();
            }}
          >
            {t('interviews.segment.remove', { code: codeName })}
          </Button>
        )}
        <Button purpose="subtle" onClick={onClose}>
          {t('interviews.segment.close')}
        </Button>
      </div>
      <MemoList
        title={t('interviews.memos.onSegment')}
        level={3}
        targetType="segment"
        targetId={segment.id}
        items={memos}
        canWrite={canCode}
        onChanged={onMemosChanged}
      />
    </section>
  );
}
