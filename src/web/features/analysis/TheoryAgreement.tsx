// Who wrote a version of the working theory, its evaluation, and whether the youth and the
// parents agreed — with a sign and a word for each answer, and their own words where they gave
// them (always shown when they agreed only partly or not at all).
import { useTranslation } from 'react-i18next';
import type { AgreementView, Theory } from '../../../shared/contract/analysis';
import { agreementSign, agreementText } from './labels';

export function TheoryAgreement({ theory }: { theory: Theory }) {
  const { t } = useTranslation();
  const view = (who: 'youth' | 'parent', value: AgreementView, words: string) => (
    <div className="kl-an-agreement-row">
      <dt>{t(who === 'youth' ? 'analysis.theory.youth' : 'analysis.theory.parents')}</dt>
      <dd>
        <span className={`kl-an-agreement kl-an-agreement--${value}`}>
          <span aria-hidden="true" className="kl-an-sign-text">
            {agreementSign[value]}
          </span>{' '}
          {agreementText(value, t)}
        </span>
        {words && (
          <blockquote className="kl-an-words-quote">
            <span className="kl-visually-hidden">
              {t(
                who === 'youth' ? 'analysis.theory.youthSaid' : 'analysis.theory.parentsSaid',
              )}{' '}
            </span>
            “{words}”
          </blockquote>
        )}
      </dd>
    </div>
  );
  return (
    <dl className="kl-an-agreements">
      <div className="kl-an-agreement-row">
        <dt>{t('analysis.theory.author')}</dt>
        <dd>{theory.authorName || t('analysis.unknownPerson')}</dd>
      </div>
      <div className="kl-an-agreement-row">
        <dt>{t('analysis.theory.evaluation')}</dt>
        <dd className="kl-an-prewrap">{theory.evaluation || t('analysis.theory.noEvaluation')}</dd>
      </div>
      {view('youth', theory.youthView, theory.youthWords)}
      {view('parent', theory.parentView, theory.parentWords)}
    </dl>
  );
}
