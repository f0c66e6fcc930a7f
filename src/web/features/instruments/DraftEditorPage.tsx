// /instruments/:id/draft — the draft of an instrument in the editor. Loads the instrument (to
// know which version is the draft) and its published versions (their keys keep their answer
// type, which the editor checks before saving). Without a draft it says so and links back.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { flashState, useFlash } from '../../app/useFlash';
import { Alert } from '../../ui/Alert';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { instrumentDetailQuery, instrumentVersionQuery } from './api';
import { publishedKeysOf } from './draft-model';
import { DraftForm } from './DraftForm';
import './instruments.css';

export function DraftEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const detail = useQuery(instrumentDetailQuery(id));
  const draftNumber = detail.data?.draftNumber ?? null;
  const draft = useQuery({
    ...instrumentVersionQuery(id, draftNumber ?? 0),
    enabled: draftNumber !== null,
  });
  const publishedNumbers = (detail.data?.versions ?? [])
    .filter((v) => v.status === 'published')
    .map((v) => v.number);
  const published = useQueries({
    queries: publishedNumbers.map((number) => instrumentVersionQuery(id, number)),
  });
  const publishedKeys = publishedKeysOf(published.flatMap((q) => (q.data ? [q.data] : [])));
  const instrumentPath = `/instruments/${id}`;
  const back = (
    <BackLink to={instrumentPath}>
      {detail.data
        ? t('instruments.backTo', { title: detail.data.title })
        : t('instruments.backToInstrument')}
    </BackLink>
  );

  if (detail.isPending || (draftNumber !== null && draft.isPending))
    return (
      <>
        {back}
        <LoadingState />
      </>
    );
  const error = detail.error ?? draft.error;
  if (error || !detail.data)
    return (
      <>
        {back}
        <PageHeading>{t('instruments.editor.titleEmpty')}</PageHeading>
        <ErrorAlert error={error} onRetry={() => void detail.refetch()} />
      </>
    );
  if (!detail.data.abilities.manage || draftNumber === null || !draft.data)
    return (
      <>
        {back}
        <PageHeading>{t('instruments.editor.titleEmpty')}</PageHeading>
        <p className="nl-paragraph">
          {detail.data.abilities.manage ? t('instruments.editor.noDraft') : t('common.readOnly')}
        </p>
        <p>
          <AppLink to={instrumentPath}>
            {t('instruments.backTo', { title: detail.data.title })}
          </AppLink>
        </p>
      </>
    );

  return (
    <>
      {back}
      <PageHeading>
        {t('instruments.editor.title', { number: draft.data.number, title: detail.data.title })}
      </PageHeading>
      {flash && <Alert type="ok">{flash}</Alert>}
      <p className="nl-paragraph kl-in-intro">{t('instruments.editor.intro')}</p>
      <DraftForm
        key={draft.data.id}
        draft={draft.data}
        published={publishedKeys}
        onPublished={(version) =>
          void navigate(instrumentPath, {
            state: flashState(t('instruments.editor.published', { number: version.number })),
          })
        }
        onDiscarded={() =>
          void navigate(instrumentPath, {
            state: flashState(t('instruments.editor.discarded', { number: draft.data.number })),
          })
        }
      />
    </>
  );
}
