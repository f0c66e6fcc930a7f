// The samenhang in words: every recommendation with its group and the recommendations it hangs
// together with (and why, when a note was written). The same content as the graph, for screen
// readers and keyboard users — and for anyone who reads a list more easily than a picture.
import { useTranslation } from 'react-i18next';
import type {
  RecommendationSummary,
  SamenhangLink,
} from '../../../shared/contract/recommendations';
import { AppLink } from '../../ui/links';

export function SamenhangList({
  programmeId,
  items,
  links,
  groups,
  headingId,
}: {
  programmeId: string;
  items: RecommendationSummary[];
  links: SamenhangLink[];
  groups: { code: string; label: string }[];
  headingId: string;
}) {
  const { t } = useTranslation();
  const groupLabel = (code: string) => groups.find((g) => g.code === code)?.label ?? code;
  const shown = items.filter((i) => i.reviewState !== 'withdrawn');
  const byId = new Map(shown.map((i) => [i.id, i]));
  const name = (i: RecommendationSummary) =>
    t('recommendations.numbered', { number: i.number, title: i.title });
  return (
    <ul className="kl-rec-samenhang" aria-labelledby={headingId}>
      {shown.map((item) => {
        const related = links
          .filter((l) => l.fromId === item.id || l.toId === item.id)
          .map((l) => ({ other: byId.get(l.fromId === item.id ? l.toId : l.fromId), note: l.note }))
          .filter((r): r is { other: RecommendationSummary; note: string } => !!r.other)
          .sort((a, b) => a.other.number - b.other.number);
        return (
          <li key={item.id}>
            <AppLink to={`/programmes/${programmeId}/aanbevelingen/${item.id}`}>
              {name(item)}
            </AppLink>{' '}
            <span className="kl-rec-muted">({groupLabel(item.stakeholderGroup)})</span>
            {related.length === 0 ? (
              <p className="kl-rec-samenhang__none">{t('recommendations.samenhang.noLinks')}</p>
            ) : (
              <>
                <p className="kl-rec-samenhang__lead">
                  {t('recommendations.samenhang.linkedWith', { count: related.length })}
                </p>
                <ul>
                  {related.map(({ other, note }) => (
                    <li key={other.id}>
                      <AppLink to={`/programmes/${programmeId}/aanbevelingen/${other.id}`}>
                        {name(other)}
                      </AppLink>{' '}
                      <span className="kl-rec-muted">({groupLabel(other.stakeholderGroup)})</span>
                      {note && <> — {note}</>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
