// /cases/:id/timeline — a youth's life course: the lane view (or the same items as a table),
// a legend, the neutral view without valence colours, the indicators derived from it, and the
// editor for one item. View, neutral mode and axis are in the address, so a shared link or a
// reload shows the same picture.
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { compareFuzzy } from '../../../shared/domain/fuzzy-date';
import type { Timeline, TimelineItem } from '../../../shared/contract/timeline';
import { hasPermission } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { BackLink } from '../../ui/BackLink';
import { CheckboxField } from '../../ui/CheckboxField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { caseQuery, caseReferenceQuery } from '../cases/api';
import { timelineKeys, timelineQuery } from './api';
import { EditorDialog } from './EditorDialog';
import { IndicatorsPanel } from './IndicatorsPanel';
import { ItemEditor, type EditorTarget } from './ItemEditor';
import type { NewItemPrefill } from './item-form';
import type { AxisMode } from './scale';
import { TimelineLegend } from './TimelineLegend';
import { TimelineList } from './TimelineList';
import { TimelineView } from './TimelineView';
import './timeline.css';

type ViewMode = 'timeline' | 'list';

/** The cached timeline with one item saved (added or replaced), still in time order. */
function withSaved(timeline: Timeline, saved: TimelineItem): Timeline {
  const others = timeline.items.filter((item) => item.id !== saved.id);
  const previous = timeline.items.find((item) => item.id === saved.id);
  const items = [...others, { ...saved, comments: previous?.comments ?? saved.comments }].sort(
    (a, b) => compareFuzzy(a.startRange, b.startRange),
  );
  return { ...timeline, items };
}

export function TimelinePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const query = useQuery(timelineQuery(id));
  // Staff read the case (its participants); a participant reads only their own timeline.
  const choosesPerspective = hasPermission(session, 'case.read');
  const caseDetail = useQuery({ ...caseQuery(id), enabled: choosesPerspective, retry: false });
  const reference = useQuery(caseReferenceQuery());
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [message, setMessage] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ itemId: string } | null>(null);

  // The choices live in this page's state (so a control follows a click at once) and are
  // mirrored to the address (so a link or a reload shows the same).
  const [choices, setChoices] = useState<Record<string, string | null>>(() => ({
    view: params.get('view'),
    neutral: params.get('neutral'),
    axis: params.get('axis'),
  }));
  const view: ViewMode = choices.view === 'list' ? 'list' : 'timeline';
  const isNeutral = choices.neutral === '1';
  const axis: AxisMode = choices.axis === 'age' ? 'age' : 'calendar';
  const setParam = (key: string, value: string | null) => {
    setChoices((current) => ({ ...current, [key]: value }));
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  // Focus the item that was just saved (or the neighbour of one just deleted).
  useEffect(() => {
    if (!focusRequest) return;
    const element = document.querySelector<HTMLElement>(`[data-item-id="${focusRequest.itemId}"]`);
    element?.focus();
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [focusRequest]);

  const participants = useMemo(() => caseDetail.data?.participants ?? [], [caseDetail.data]);
  const participantLabels = useMemo(
    () => new Map(participants.map((p) => [p.id, p.label])),
    [participants],
  );
  const participantOptions = participants.map((p) => ({
    value: p.id,
    label: `${p.label} (${t(`participantKind.${p.kind}`)})`,
  }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to={`/cases/${id}`}>{t('timeline.backToCase')}</BackLink>
        <PageHeading>{t('timeline.titleEmpty')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const timeline = query.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: timelineKeys.timeline(id) });
  const open = (item: TimelineItem) => setTarget({ mode: 'edit', item });
  const add = timeline.abilities.contribute
    ? (prefill: NewItemPrefill) => setTarget({ mode: 'new', prefill })
    : undefined;
  // The editor always shows the item as the server has it now (new comments, a newer version).
  const editing =
    target?.mode === 'edit'
      ? { ...target, item: timeline.items.find((i) => i.id === target.item.id) ?? target.item }
      : target;

  return (
    <>
      {choosesPerspective && (
        <BackLink to={`/cases/${id}`}>
          {t('timeline.backToCaseCode', { code: timeline.caseCode })}
        </BackLink>
      )}
      <div className="kl-page-header">
        <PageHeading>{t('timeline.title', { code: timeline.caseCode })}</PageHeading>
        {add && (
          <Button purpose="primary" onClick={() => add({})}>
            {t('timeline.addItem')}
          </Button>
        )}
      </div>
      <Paragraph>{t('timeline.intro', { birthYear: timeline.birthYear })}</Paragraph>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      <div className="kl-tl-pagebar">
        <div className="kl-tl-viewswitch" role="group" aria-label={t('timeline.viewSwitch')}>
          {(['timeline', 'list'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className="kl-tl-viewswitch__option"
              aria-pressed={view === mode}
              onClick={() => setParam('view', mode === 'list' ? 'list' : null)}
            >
              {t(`timeline.view_${mode}`)}
            </button>
          ))}
        </div>
        <CheckboxField
          id="timeline-neutral"
          label={t('timeline.neutral')}
          isChecked={isNeutral}
          onChange={(checked) => setParam('neutral', checked ? '1' : null)}
        />
      </div>
      {timeline.items.length === 0 && (
        <p className="nl-paragraph kl-tl-muted">
          {add ? t('timeline.emptyAdd') : t('timeline.empty')}
        </p>
      )}
      {view === 'timeline' ? (
        <>
          <TimelineView
            timeline={timeline}
            isNeutral={isNeutral}
            axis={axis}
            onAxisChange={(mode) => setParam('axis', mode === 'age' ? 'age' : null)}
            onOpen={open}
            onAdd={add}
          />
          <TimelineLegend isNeutral={isNeutral} />
        </>
      ) : (
        timeline.items.length > 0 && (
          <TimelineList
            items={timeline.items}
            isNeutral={isNeutral}
            participantLabels={participantLabels}
            onOpen={open}
          />
        )
      )}
      <IndicatorsPanel indicators={timeline.indicators} />
      {editing && (
        <EditorDialog
          title={
            editing.mode === 'new'
              ? t('timeline.editor.newTitle')
              : t('timeline.editor.editTitle', { title: editing.item.title })
          }
          onClose={() => setTarget(null)}
        >
          <ItemEditor
            caseId={id}
            timeline={timeline}
            target={editing}
            categories={reference.data?.timelineCategories ?? []}
            participantOptions={participantOptions}
            participantLabels={participantLabels}
            choosesPerspective={choosesPerspective}
            onSaved={(saved, text) => {
              queryClient.setQueryData(timelineKeys.timeline(id), (old: Timeline | undefined) =>
                old ? withSaved(old, saved) : old,
              );
              refresh();
              setTarget(null);
              setMessage(text);
              setFocusRequest({ itemId: saved.id });
            }}
            onDeleted={(text) => {
              const deletedId = editing.mode === 'edit' ? editing.item.id : '';
              const index = timeline.items.findIndex((i) => i.id === deletedId);
              const neighbour = timeline.items[index + 1] ?? timeline.items[index - 1];
              queryClient.setQueryData(timelineKeys.timeline(id), (old: Timeline | undefined) =>
                old ? { ...old, items: old.items.filter((i) => i.id !== deletedId) } : old,
              );
              refresh();
              setTarget(null);
              setMessage(text);
              if (neighbour) setFocusRequest({ itemId: neighbour.id });
            }}
            onCommented={(text) => {
              setMessage(text);
              refresh();
            }}
            onStale={refresh}
          />
        </EditorDialog>
      )}
    </>
  );
}
