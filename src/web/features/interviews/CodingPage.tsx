// /sources/:sourceId — coding one text (an interview's transcript, mostly). The text at a
// readable line length with what is coded in it (highlights and margin bars per fragment); select
// text with the mouse, the keyboard (Shift + arrows; Enter goes on to the codes) or "Fragment
// zoeken", choose one or more codes, apply. A fragment opens from its bar, from a click on the
// text, or with Enter on it. Beside the text: the codes used (shown or hidden), blind coding, and
// the memos on the text and the case; below it the agreement between two coders.
//
// Undo and redo (buttons, Ctrl+Z and Ctrl+Shift+Z or Ctrl+Y) work through the steps of this
// visit (see undo-stack.ts); what was undone or redone is said in the status line.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Code, Memo, SourceDetail } from '../../../shared/contract/coding';
import { createOffsetIndex } from '../../../shared/domain/text-offsets';
import { useCurrentSession } from '../../app/session';
import { BackLink } from '../../ui/BackLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { AgreementSection } from './AgreementSection';
import {
  codebookQuery,
  createSegments,
  interviewKeys,
  memosQuery,
  removeSegment,
  restoreSegment,
  sourceQuery,
  updateSegment,
} from './api';
import { BlindBanner, BlindSetting } from './BlindCoding';
import { choosableTree } from './code-choice';
import { CodePicker } from './CodePicker';
import { codeKey, coderKey, CodesPanel, type CodeUse, type CoderUse } from './CodesPanel';
import { FindFragment } from './FindFragment';
import { useFocusAfterRender } from './focus';
import { numberText, perspectiveText, preview } from './labels';
import { MemoList } from './MemoList';
import { detailsHeadingId, SegmentDetails } from './SegmentDetails';
import { domRangeOf, type CodePointRange } from './text-selection';
import { safeColour, TranscriptText, type ShownSegment } from './TranscriptText';
import {
  dropped,
  emptyHistory,
  nextRedo,
  nextUndo,
  operationsFor,
  record,
  redone,
  undone,
  type CodingStep,
  type Direction,
  type History,
  type Operation,
  type SegmentFlags,
} from './undo-stack';
import './interviews.css';

export function CodingPage() {
  const { t } = useTranslation();
  const { sourceId = '' } = useParams();
  const query = useQuery(sourceQuery(sourceId));
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageHeading>{t('interviews.coding.titleEmpty')}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  return <CodingWorkspace key={sourceId} source={query.data} />;
}

const sameRange = (a: CodePointRange | null, b: CodePointRange | null) =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);

/** Whether a key press belongs to a field with its own undo (a text box). */
function hasOwnUndo(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('textarea, select, input:not([type="checkbox"]):not([type="radio"])') !== null
  );
}

function CodingWorkspace({ source }: { source: SourceDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const csrfToken = session?.csrfToken ?? null;
  const codebook = useQuery(codebookQuery(source.programmeId));
  const index = useMemo(() => createOffsetIndex(source.text), [source.text]);
  const codes = useMemo(
    () => new Map<string, Code>((codebook.data?.codes ?? []).map((c) => [c.id, c])),
    [codebook.data],
  );
  const tree = useMemo(() => choosableTree(codebook.data?.codes ?? []), [codebook.data]);

  const [pending, setPendingState] = useState<CodePointRange | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hiddenCodes, setHiddenCodes] = useState<ReadonlySet<string>>(() => new Set());
  const [hiddenCoders, setHiddenCoders] = useState<ReadonlySet<string>>(() => new Set());
  const [history, setHistory] = useState<History<CodingStep>>(emptyHistory);
  const [isWorking, setWorking] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const setPending = (range: CodePointRange | null) => {
    setPendingState((current) => (sameRange(current, range) ? current : range));
    if (range) setActiveId(null);
  };

  const nameOf = (codeId: string | null) =>
    (codeId && codes.get(codeId)?.name) || t('interviews.coding.unknownCode');

  const shown = useMemo<ShownSegment[]>(
    () =>
      source.segments
        .filter((s) => !hiddenCodes.has(codeKey(s)) && !hiddenCoders.has(coderKey(s)))
        .map((segment) => {
          const code = segment.codeId ? codes.get(segment.codeId) : undefined;
          return {
            segment,
            codeName: code?.name ?? t('interviews.coding.unknownCode'),
            color: safeColour(code?.color),
          };
        }),
    [source.segments, hiddenCodes, hiddenCoders, codes, t],
  );
  const active = shown.find((s) => s.segment.id === activeId) ?? null;
  const fragmentOf = (range: CodePointRange) => index.sliceByCodePoints(range.start, range.end);

  const codeUses = useMemo<CodeUse[]>(() => {
    const uses = new Map<string, CodeUse>();
    for (const segment of source.segments) {
      const key = codeKey(segment);
      const code = segment.codeId ? codes.get(segment.codeId) : undefined;
      const use = uses.get(key) ?? {
        key,
        name: code?.name ?? t('interviews.coding.unknownCode'),
        color: safeColour(code?.color),
        count: 0,
      };
      use.count += 1;
      uses.set(key, use);
    }
    return [...uses.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [source.segments, codes, t]);
  const coderUses = useMemo<CoderUse[]>(
    () =>
      source.coders.map((coder) => ({
        key: coderKey({ coderId: coder.id, coderName: coder.name }),
        name: coder.name,
        count: coder.segmentCount,
      })),
    [source.coders],
  );

  // ---- talking to the server ----

  const store = (detail: SourceDetail) => {
    queryClient.setQueryData(interviewKeys.source(source.id), detail);
    void queryClient.invalidateQueries({ queryKey: interviewKeys.agreementOf(source.id) });
    if (source.caseId)
      void queryClient.invalidateQueries({ queryKey: interviewKeys.list(source.caseId) });
  };
  const reload = async () => {
    store(await queryClient.fetchQuery({ ...sourceQuery(source.id), staleTime: 0 }));
  };

  const run = async (operation: Operation) => {
    const detail =
      operation.op === 'delete'
        ? await removeSegment(operation.segmentId)
        : operation.op === 'restore'
          ? await restoreSegment(operation.segmentId)
          : await updateSegment(operation.segmentId, operation.body, csrfToken);
    store(detail);
  };

  /** Does one piece of work at a time; a failure is shown above the text. */
  const perform = async (work: () => Promise<void>) => {
    if (isWorking) return;
    setWorking(true);
    setActionError(null);
    try {
      await work();
    } catch (error) {
      setActionError(error);
    } finally {
      setWorking(false);
    }
  };

  const focusText = () => textRef.current?.focus({ preventScroll: true });

  /** Back to the text with the caret after a fragment, so the keyboard goes on from there. */
  const continueAfter = (range: CodePointRange) => {
    const root = textRef.current;
    const dom = root ? domRangeOf(root, index, { start: range.end, end: range.end }) : null;
    const selection = document.getSelection();
    selection?.removeAllRanges();
    if (dom) selection?.addRange(dom);
    focusText();
  };

  const apply = (choice: { codeIds: string[]; important: boolean; quote: boolean }) => {
    const range = pending;
    if (!range) return;
    void perform(async () => {
      const before = new Set(source.segments.map((s) => s.id));
      const { segments } = await createSegments(source.id, { ...range, ...choice });
      await reload();
      const created = segments.filter((s) => !before.has(s.id)).map((s) => s.id);
      const names = choice.codeIds.map(nameOf).join(', ');
      const fragment = preview(fragmentOf(range), 40);
      if (created.length > 0)
        setHistory((h) =>
          record(h, {
            kind: 'apply',
            segmentIds: created,
            description: t('interviews.undo.apply', { codes: names, fragment }),
          }),
        );
      setAnnouncement(
        created.length > 0
          ? t('interviews.coding.applied', { codes: names, fragment })
          : t('interviews.coding.alreadyApplied'),
      );
      setPendingState(null);
      continueAfter(range);
    });
  };

  const remove = (item: ShownSegment) =>
    void perform(async () => {
      await run({ op: 'delete', segmentId: item.segment.id });
      const what = { code: item.codeName, fragment: preview(fragmentOf(item.segment), 40) };
      setHistory((h) =>
        record(h, {
          kind: 'remove',
          segmentIds: [item.segment.id],
          description: t('interviews.undo.remove', what),
        }),
      );
      setAnnouncement(t('interviews.coding.removed', what));
      setActiveId(null);
      focusText();
    });

  const changeFlags = (item: ShownSegment, after: SegmentFlags) =>
    void perform(async () => {
      const before = { important: item.segment.important, quote: item.segment.quote };
      await run({ op: 'patch', segmentId: item.segment.id, body: after });
      const what = { code: item.codeName, fragment: preview(fragmentOf(item.segment), 40) };
      const description =
        before.important !== after.important
          ? t(after.important ? 'interviews.undo.important' : 'interviews.undo.notImportant', what)
          : t(after.quote ? 'interviews.undo.quote' : 'interviews.undo.notQuote', what);
      setHistory((h) =>
        record(h, { kind: 'update', segmentId: item.segment.id, before, after, description }),
      );
      setAnnouncement(t('interviews.coding.saved', { what: description }));
    });

  const step = (direction: Direction) => {
    const entry = direction === 'undo' ? nextUndo(history) : nextRedo(history);
    if (!entry) {
      setAnnouncement(
        direction === 'undo'
          ? t('interviews.undo.nothingToUndo')
          : t('interviews.undo.nothingToRedo'),
      );
      return;
    }
    void perform(async () => {
      try {
        for (const operation of operationsFor(entry, direction)) await run(operation);
      } catch (error) {
        setHistory((h) => dropped(h, direction));
        throw error;
      }
      setHistory((h) => (direction === 'undo' ? undone(h) : redone(h)));
      setAnnouncement(
        t(direction === 'undo' ? 'interviews.undo.undone' : 'interviews.undo.redone', {
          what: entry.description,
        }),
      );
    });
  };

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y; Cmd on a Mac) anywhere on the page but in a text box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const isRedo = (key === 'z' && event.shiftKey) || key === 'y';
      const isUndo = key === 'z' && !event.shiftKey;
      if (!isUndo && !isRedo) return;
      if (hasOwnUndo(event.target)) return;
      event.preventDefault();
      step(isRedo ? 'redo' : 'undo');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // ---- opening fragments ----

  const open = (segmentId: string, moveFocus: boolean) => {
    setPendingState(null);
    setActiveId(segmentId);
    if (moveFocus) focusAfterRender(detailsHeadingId);
  };

  const openAt = (codePoint: number, how: 'click' | 'enter') => {
    const here = shown
      .filter((s) => s.segment.start <= codePoint && codePoint < s.segment.end)
      .sort(
        (a, b) =>
          a.segment.end - a.segment.start - (b.segment.end - b.segment.start) ||
          a.segment.start - b.segment.start,
      );
    if (here.length === 0) {
      if (how === 'click') setPendingState(null);
      return;
    }
    // Again on the same place: the next fragment there (nested and overlapping ones in turn).
    const at = here.findIndex((s) => s.segment.id === activeId);
    const next = here[(at + 1) % here.length] ?? here[0];
    if (next) open(next.segment.id, how === 'enter');
  };

  const chooseFound = (range: CodePointRange) => {
    setPending(range);
    const root = textRef.current;
    const dom = root ? domRangeOf(root, index, range) : null;
    if (dom) {
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(dom);
      dom.startContainer.parentElement?.scrollIntoView?.({ block: 'nearest' });
    }
    focusAfterRender('iv-picker-search');
  };

  const siblings = active
    ? shown.filter(
        (s) =>
          s.segment.id !== active.segment.id &&
          s.segment.start === active.segment.start &&
          s.segment.end === active.segment.end,
      )
    : [];
  const segmentMemos = (segmentId: string): Memo[] =>
    source.memos.filter((m) => m.targetType === 'segment' && m.targetId === segmentId);
  const canCode = source.abilities.code;
  const backTo = source.caseId
    ? source.kind === 'interview'
      ? `/cases/${source.caseId}/interviews`
      : `/cases/${source.caseId}`
    : `/programmes/${source.programmeId}/coding`;
  const coderNames = source.coders.map((c) => c.name).join(', ');

  return (
    <div className="kl-iv-page kl-iv-coding-page">
      <BackLink to={backTo}>
        {source.caseCode && source.kind === 'interview'
          ? t('interviews.coding.backToInterviews', { code: source.caseCode })
          : t('interviews.coding.back')}
      </BackLink>
      <PageHeading>{source.name}</PageHeading>
      <p className="kl-iv-subtitle">
        {source.caseCode && <span>{t('interviews.coding.case', { code: source.caseCode })}</span>}
        {source.perspective && (
          <span>
            {t('interviews.coding.perspective', {
              perspective: perspectiveText(source.perspective, t),
            })}
          </span>
        )}
        <span>
          {t('interviews.coding.length', {
            count: source.length,
            number: numberText(source.length, language),
          })}
        </span>
        {coderNames && <span>{t('interviews.coding.coders', { names: coderNames })}</span>}
      </p>
      <BlindBanner source={source} />
      <div className="kl-iv-coding">
        <section className="kl-iv-coding__main" aria-labelledby="iv-text-heading">
          <div className="kl-iv-toolbar">
            <Heading level={2} id="iv-text-heading" className="kl-iv-toolbar__title">
              {t('interviews.coding.textTitle')}
            </Heading>
            {canCode && (
              <div className="kl-iv-toolbar__buttons">
                <Button
                  purpose="secondary"
                  disabled={!nextUndo(history) || isWorking}
                  aria-keyshortcuts="Control+Z Meta+Z"
                  onClick={() => step('undo')}
                >
                  {t('interviews.undo.undo')}
                </Button>
                <Button
                  purpose="secondary"
                  disabled={!nextRedo(history) || isWorking}
                  aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                  onClick={() => step('redo')}
                >
                  {t('interviews.undo.redo')}
                </Button>
              </div>
            )}
          </div>
          <p id="iv-text-help" className="kl-iv-meta">
            {canCode ? t('interviews.coding.help') : t('interviews.coding.helpRead')}
          </p>
          <div role="status" aria-live="polite" className="kl-status-line kl-iv-announcement">
            {announcement}
          </div>
          {actionError ? <ErrorAlert error={actionError} /> : null}
          {source.text.length === 0 ? (
            <p className="nl-paragraph">{t('interviews.coding.empty')}</p>
          ) : (
            <TranscriptText
              text={source.text}
              index={index}
              shown={shown}
              pending={pending}
              activeId={activeId}
              label={t('interviews.coding.textLabel')}
              descriptionId="iv-text-help"
              textRef={textRef}
              barsLabel={t('interviews.coding.bars', { count: shown.length })}
              barLabel={(item) =>
                t('interviews.coding.bar', {
                  code: item.codeName,
                  fragment: preview(fragmentOf(item.segment), 50),
                  coder: item.segment.coderName,
                })
              }
              onSelect={setPending}
              onCaret={openAt}
              onChooseCodes={() => focusAfterRender(canCode ? 'iv-picker-search' : 'iv-text-help')}
              onOpenSegment={(segmentId) => open(segmentId, true)}
            />
          )}
        </section>
        <aside className="kl-iv-side" aria-label={t('interviews.coding.side')}>
          {pending && canCode ? (
            <CodePicker
              range={pending}
              fragment={fragmentOf(pending)}
              tree={tree}
              codes={codes}
              programmeId={source.programmeId}
              isCodebookLoading={codebook.isPending}
              canQuote={source.abilities.quote}
              isBusy={isWorking}
              searchRef={searchRef}
              onApply={apply}
              onCancel={() => {
                setPendingState(null);
                continueAfter(pending);
              }}
            />
          ) : active ? (
            <SegmentDetails
              key={active.segment.id}
              shown={active}
              fragment={fragmentOf(active.segment)}
              siblings={siblings}
              canCode={canCode}
              canQuote={source.abilities.quote}
              isBusy={isWorking}
              memos={segmentMemos(active.segment.id)}
              onFlags={(flags) => changeFlags(active, flags)}
              onRemove={() => remove(active)}
              onOpen={(segmentId) => open(segmentId, true)}
              onClose={() => {
                const bar = document.querySelector<HTMLElement>(
                  `[data-segment-id="${active.segment.id}"]`,
                );
                setActiveId(null);
                (bar ?? textRef.current)?.focus({ preventScroll: true });
              }}
              onMemosChanged={() => void reload()}
            />
          ) : (
            <>
              <section className="kl-iv-panel kl-iv-start" aria-labelledby="iv-start-heading">
                <Heading level={2} id="iv-start-heading">
                  {canCode ? t('interviews.coding.startTitle') : t('interviews.coding.readTitle')}
                </Heading>
                <p className="nl-paragraph">
                  {canCode ? t('interviews.coding.start') : t('interviews.coding.read')}
                </p>
              </section>
              {canCode && source.text.length > 0 && (
                <FindFragment text={source.text} index={index} onChoose={chooseFound} />
              )}
            </>
          )}
          {codebook.isError && <ErrorAlert error={codebook.error} />}
          <CodesPanel
            codes={codeUses}
            coders={coderUses}
            hiddenCodes={hiddenCodes}
            hiddenCoders={hiddenCoders}
            onCodeShown={(key, isShown) => setHiddenCodes((s) => toggled(s, key, !isShown))}
            onCoderShown={(key, isShown) => setHiddenCoders((s) => toggled(s, key, !isShown))}
            onShowAll={() => {
              setHiddenCodes(new Set());
              setHiddenCoders(new Set());
            }}
          />
        </aside>
        <div className="kl-iv-coding__more">
          <BlindSetting source={source} />
          <section className="kl-iv-panel" aria-labelledby="iv-memos-heading">
            <Heading level={2} id="iv-memos-heading">
              {t('interviews.memos.title')}
            </Heading>
            <MemoList
              title={t('interviews.memos.onSource')}
              level={3}
              targetType="source"
              targetId={source.id}
              items={source.memos.filter((m) => m.targetType === 'source')}
              canWrite={canCode}
              onChanged={() => void reload()}
            />
            {source.caseId && <CaseMemos caseId={source.caseId} canWrite={canCode} />}
          </section>
        </div>
      </div>
      <AgreementSection source={source} userId={session?.user.id ?? null} />
      {((pending && canCode) || active) && (
        <div className="kl-iv-sticky" role="region" aria-label={t('interviews.coding.stickyLabel')}>
          <p className="kl-iv-sticky__text">
            {pending
              ? t('interviews.coding.stickySelected', {
                  fragment: preview(fragmentOf(pending), 40),
                })
              : t('interviews.coding.stickyOpen', { code: active?.codeName ?? '' })}
          </p>
          <Button
            purpose="primary"
            onClick={() => focusAfterRender(pending ? 'iv-picker-search' : detailsHeadingId)}
          >
            {pending ? t('interviews.coding.stickyChoose') : t('interviews.coding.stickyShow')}
          </Button>
        </div>
      )}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

function CaseMemos({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(memosQuery('case', caseId));
  return (
    <MemoList
      title={t('interviews.memos.onCase')}
      level={3}
      targetType="case"
      targetId={caseId}
      items={query.data?.items ?? []}
      isLoading={query.isPending}
      loadError={query.isError ? query.error : undefined}
      canWrite={canWrite}
      onChanged={(items) =>
        queryClient.setQueryData(interviewKeys.memos('case', caseId), { items })
      }
    />
  );
}
