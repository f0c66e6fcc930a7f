// Links to the parts of a programme's synthesis the reader may open: board and threads,
// saturation, recommendations, the thematic report and the aggregates (the same abilities the
// server computes from the one policy).
import { useTranslation } from 'react-i18next';
import type { SynthesisProgramme } from '../../../shared/contract/synthesis';
import { AppLink } from '../../ui/links';

export function partLinks(programme: SynthesisProgramme) {
  const base = `/programmes/${programme.id}`;
  const { read, report, aggregates } = programme.abilities;
  return [
    ...(read ? [{ key: 'board', to: `${base}/synthese` }] : []),
    ...(read ? [{ key: 'saturation', to: `${base}/synthese/verzadiging` }] : []),
    ...(read ? [{ key: 'recommendations', to: `${base}/aanbevelingen` }] : []),
    ...(report ? [{ key: 'report', to: `${base}/themarapport` }] : []),
    ...(aggregates ? [{ key: 'aggregates', to: `${base}/synthese/overzicht` }] : []),
  ];
}

export function PartLinks({
  programme,
  without,
  label,
}: {
  programme: SynthesisProgramme;
  /** The part the page itself is. */
  without?: string;
  label: string;
}) {
  const { t } = useTranslation();
  const links = partLinks(programme).filter((l) => l.key !== without);
  if (links.length === 0) return null;
  return (
    <nav aria-label={label}>
      <ul className="kl-sy-parts">
        {links.map((link) => (
          <li key={link.key}>
            <AppLink to={link.to}>{t(`synthesis.parts.${link.key}`)}</AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
