// The case's indicators, derived by the server from the timeline, each with what it counts in
// plain words, so a number is never read without knowing what is behind it.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { Timeline } from '../../../shared/contract/timeline';
import { asLanguage } from './labels';

type Indicators = Timeline['indicators'];
export const indicatorKeys = [
  'placements',
  'placementChanges',
  'schoolChanges',
  'monthsWithoutSchool',
  'careProviders',
  'ageAtFirstSignal',
  'ageAtFirstSpecialistHelp',
  'earlySignalGap',
  'diagnosesRevised',
] as const satisfies readonly (keyof Indicators)[];

/** How a value reads: counts as they are, ages and gaps in years, the months to one decimal. */
const units: Partial<Record<keyof Indicators, 'years' | 'months'>> = {
  monthsWithoutSchool: 'months',
  ageAtFirstSignal: 'years',
  ageAtFirstSpecialistHelp: 'years',
  earlySignalGap: 'years',
};

export function IndicatorsPanel({ indicators }: { indicators: Indicators }) {
  const { t, i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: 1,
  });
  const valueText = (key: keyof Indicators): string => {
    const value = indicators[key];
    if (value === null) return t('timeline.indicators.unknown');
    const unit = units[key];
    if (unit === 'years') return t('timeline.indicators.years', { value: number.format(value) });
    if (unit === 'months') return t('timeline.indicators.months', { value: number.format(value) });
    return number.format(value);
  };
  return (
    <section className="kl-section kl-tl-indicators" aria-labelledby="timeline-indicators-heading">
      <Heading level={2} id="timeline-indicators-heading">
        {t('timeline.indicators.title')}
      </Heading>
      <p className="nl-paragraph">{t('timeline.indicators.intro')}</p>
      <dl className="kl-tl-indicators__list">
        {indicatorKeys.map((key) => (
          <div key={key} className="kl-tl-indicator">
            <dt className="kl-tl-indicator__label">{t(`timeline.indicators.${key}.label`)}</dt>
            <dd className="kl-tl-indicator__value">{valueText(key)}</dd>
            <dd className="kl-tl-indicator__explanation">
              {t(`timeline.indicators.${key}.explanation`)}
              {indicators[key] === null && ` ${t(`timeline.indicators.${key}.whenUnknown`)}`}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
