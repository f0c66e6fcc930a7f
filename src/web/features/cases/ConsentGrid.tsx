// One participant's consent for each of the five purposes: what was given (when, by whom, on
// which form version), what was withdrawn, and what is still missing with the reason in words.
// Each purpose is a card; on a phone they stack, on a wide screen they form a grid.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { ConsentPurpose } from '../../../shared/domain/consent';
import { formatDate } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { purposeText } from './case-labels';
import {
  consentCells,
  givenByText,
  missingText,
  stateBadge,
  type Participant,
} from './consent-cells';
import { WithdrawConsent } from './WithdrawConsent';

export type ConsentGridProps = {
  detail: CaseDetail;
  participant: Participant;
  /** Called after a withdrawal, with the purpose's heading id to put the focus on. */
  onWithdrawn: (message: string, headingId: string) => void;
};

export function purposeHeadingId(participantId: string, purpose: ConsentPurpose): string {
  return `consent-${participantId}-${purpose}`;
}

export function ConsentGrid({ detail, participant, onWithdrawn }: ConsentGridProps) {
  const { t, i18n } = useTranslation();
  const canUpdate = detail.abilities.update;
  return (
    <ul className="kl-consent-grid">
      {consentCells(detail, participant.id).map((cell) => {
        const headingId = purposeHeadingId(participant.id, cell.purpose);
        const purpose = purposeText(cell.purpose, t);
        return (
          <li key={cell.purpose} className="kl-consent-card">
            <div className="kl-consent-card__head">
              <Heading level={4} id={headingId} tabIndex={-1} className="kl-consent-card__title">
                {purpose}
              </Heading>
              <StatusBadge status={stateBadge(cell.state)}>
                {t(`consentState.${cell.state}`)}
              </StatusBadge>
            </div>
            {cell.consents.map((consent) => {
              const who = givenByText(consent, participant, detail.participants, t);
              const givenOn = formatDate(consent.givenOn, i18n.language);
              return consent.withdrawnOn === null ? (
                <div key={consent.id} className="kl-consent-card__item">
                  <p className="kl-consent-card__text">
                    {t('consent.given', { date: givenOn, who, version: consent.formVersion })}
                  </p>
                  {canUpdate && (
                    <WithdrawConsent
                      caseId={detail.id}
                      consentId={consent.id}
                      purpose={purpose}
                      who={who}
                      onWithdrawn={() =>
                        onWithdrawn(t('withdraw.done', { purpose, who }), headingId)
                      }
                    />
                  )}
                </div>
              ) : (
                <p key={consent.id} className="kl-consent-card__text kl-consent-card__text--old">
                  {t('consent.withdrawn', {
                    date: formatDate(consent.withdrawnOn, i18n.language),
                    given: givenOn,
                    who,
                  })}
                </p>
              );
            })}
            {cell.missing.length > 0 && (
              <ul className="kl-consent-card__missing">
                {cell.missing.map((entry) => (
                  <li key={entry.participantId ?? 'none'}>
                    {missingText(entry, participant, detail.birthYear, t)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
