// What the shapes, signs and colours of the lane view mean. Valence is never shown by colour
// alone (there is a sign and, in the item's name, a word); in the neutral view it is not shown
// at all, so colours do not steer how people read a youth's life.
import { useTranslation } from 'react-i18next';
import { valences } from '../../../shared/domain/timeline';
import { cx } from '../../ui/class-names';
import { valenceSign, valenceText } from './labels';

export function TimelineLegend({ isNeutral }: { isNeutral: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={cx('kl-tl-legend', isNeutral && 'kl-tl--neutral')}>
      <p className="kl-tl-legend__title" id="timeline-legend-title">
        {t('timeline.legend.title')}
      </p>
      <ul className="kl-tl-legend__list" aria-labelledby="timeline-legend-title">
        <li>
          <span className="kl-tl-legend__sample kl-tl-legend__sample--period" aria-hidden="true" />
          {t('timeline.legend.period')}
        </li>
        <li>
          <span className="kl-tl-legend__sample kl-tl-legend__sample--event" aria-hidden="true" />
          {t('timeline.legend.event')}
        </li>
        <li>
          <span className="kl-tl-legend__sample kl-tl-legend__sample--fuzzy" aria-hidden="true" />
          {t('timeline.legend.fuzzy')}
        </li>
        <li>
          <span className="kl-tl-legend__glyph" aria-hidden="true">
            →
          </span>
          {t('timeline.legend.ongoing')}
        </li>
        <li>
          <span className="kl-tl-legend__glyph" aria-hidden="true">
            ⚑
          </span>
          {t('timeline.legend.signal')}
        </li>
        {!isNeutral &&
          valences.map((valence) => (
            <li key={valence}>
              <span
                className={cx('kl-tl-legend__sample', `kl-tl-valence--${valence}`)}
                aria-hidden="true"
              >
                {valenceSign[valence]}
              </span>
              <span>
                <strong>{valenceText(valence, t)}</strong>
                {': '}
                {t(`timeline.legend.valence_${valence}`)}
              </span>
            </li>
          ))}
      </ul>
      <p className="kl-tl-legend__note">
        {isNeutral ? t('timeline.legend.neutralOn') : t('timeline.legend.neutralOff')}
      </p>
    </div>
  );
}
