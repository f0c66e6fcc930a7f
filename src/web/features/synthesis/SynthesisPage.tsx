// /programmes/:id/synthese — a programme's threads (rode draden) and the theme board they grow
// from. Case staff read both; researchers group codes, promote themes and edit threads.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { useFlash } from '../../app/useFlash';
import { boardQuery, synthesisProgrammesQuery } from './api';
import { PartLinks } from './PartLinks';
import { ThemeBoard } from './ThemeBoard';
import { ThreadList } from './ThreadList';
import './synthesis.css';

export function SynthesisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flash = useFlash();
  const board = useQuery(boardQuery(id));
  const programmes = useQuery(synthesisProgrammesQuery);
  const programme = programmes.data?.items.find((p) => p.id === id);
  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <div className="kl-sy-page">
      <BackLink to="/synthese">{t('synthesis.home.back')}</BackLink>
      <PageHeading>{t('synthesis.page.title', { name: board.data.programmeName })}</PageHeading>
      {flash && (
        <Alert type="ok">
          <p className="kl-alert__text">{flash}</p>
        </Alert>
      )}
      {programme && (
        <PartLinks programme={programme} without="board" label={t('synthesis.page.parts')} />
      )}
      <section className="kl-sy-section" aria-labelledby="synthesis-threads">
        <Heading level={2} id="synthesis-threads">
          {t('synthesis.threads.title')}
        </Heading>
        <p className="nl-paragraph kl-sy-intro">{t('synthesis.threads.intro')}</p>
        <ThreadList programmeId={id} codes={board.data.codes} />
      </section>
      <section className="kl-sy-section" aria-labelledby="synthesis-board">
        <Heading level={2} id="synthesis-board">
          {t('synthesis.board.title')}
        </Heading>
        <p className="nl-paragraph kl-sy-intro">{t('synthesis.board.intro')}</p>
        <ThemeBoard board={board.data} />
      </section>
    </div>
  );
}
