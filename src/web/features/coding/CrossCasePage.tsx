// /programmes/:id/coding — coding work across the programme's cases, in four views chosen by
// links that keep their state in the address (view, filters, page, code, search text): the
// texts, the fragments of one code, the case × code matrix, and full-text search.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../ui/BackLink';
import { cx } from '../../ui/class-names';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { programmeQuery } from '../programmes/api';
import { codebookQuery } from './api';
import { MatrixView } from './MatrixView';
import { SearchView } from './SearchView';
import { SegmentsView } from './SegmentsView';
import { SourcesView } from './SourcesView';
import { crossCaseViews, useCrossCaseParams, type CrossCaseView } from './useCrossCaseParams';
import './coding.css';

export function CrossCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const params = useCrossCaseParams();
  const programme = useQuery(programmeQuery(id));
  const title = programme.data
    ? t('coding.crossCase.titleOf', { name: programme.data.name })
    : t('coding.crossCase.title');
  const viewTitle = (view: CrossCaseView) => t(`coding.crossCase.view.${view}`);

  return (
    <div className="kl-cd-page">
      <BackLink to={`/programmes/${id}/codebook`}>{t('coding.crossCase.backToCodebook')}</BackLink>
      <PageHeading>{title}</PageHeading>
      <p className="nl-paragraph kl-cd-intro">{t('coding.crossCase.intro')}</p>
      <nav className="kl-cd-tabs" aria-label={t('coding.crossCase.viewsLabel')}>
        <ul className="kl-cd-tabs__list">
          {crossCaseViews.map((view) => {
            const isCurrent = view === params.view;
            return (
              <li key={view}>
                <Link
                  to={{ search: params.viewSearch(view) }}
                  className={cx('kl-cd-tabs__link', isCurrent && 'kl-cd-tabs__link--current')}
                  aria-current={isCurrent ? 'page' : undefined}
                >
                  {viewTitle(view)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <section className="kl-cd-view" aria-labelledby="cross-case-view">
        <Heading level={2} id="cross-case-view">
          {viewTitle(params.view)}
        </Heading>
        <ViewContent programmeId={id} />
      </section>
    </div>
  );
}

function ViewContent({ programmeId }: { programmeId: string }) {
  const params = useCrossCaseParams();
  const needsCodes = params.view === 'segments' || params.view === 'matrix';
  const codebook = useQuery({ ...codebookQuery(programmeId), enabled: needsCodes });
  if (params.view === 'texts') return <SourcesView programmeId={programmeId} />;
  if (params.view === 'search') return <SearchView programmeId={programmeId} params={params} />;
  if (codebook.isPending) return <LoadingState />;
  if (codebook.isError)
    return <ErrorAlert error={codebook.error} onRetry={() => void codebook.refetch()} />;
  return params.view === 'segments' ? (
    <SegmentsView programmeId={programmeId} codes={codebook.data.codes} params={params} />
  ) : (
    <MatrixView programmeId={programmeId} codes={codebook.data.codes} params={params} />
  );
}
