// The chosen code: where it sits, its definition and when (not) to use it, its colour in words,
// and — for whoever keeps the codebook — change or move it, add a sub-code, merge it into
// another code, split it, archive or restore it. Its history opens on request. One form at a
// time; after it closes, focus goes back to the button that opened it.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { isApiError } from '../../app/api';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { DataList } from '../../ui/DataList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { refreshCoding, setCodeArchived, storeCodebook } from './api';
import { pathOf, subtreeIds } from './code-tree';
import { CodeEditor } from './CodeEditor';
import { CodeHistory } from './CodeHistory';
import { MergePanel } from './MergePanel';
import { SplitPanel } from './SplitPanel';

type Panel = 'edit' | 'sub' | 'merge' | 'split';

export type CodeDetailProps = {
  programmeId: string;
  code: Code;
  codes: readonly Code[];
  canManage: boolean;
  /** After a change: the code to show (itself, the merged-into code, a new sub-code). */
  onSelect: (code: Code) => void;
  /** What a change did, in words, for the page's status line ('' clears it). */
  onMessage: (message: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
};

export function CodeDetail({
  programmeId,
  code,
  codes,
  canManage,
  onSelect,
  onMessage,
  headingRef,
}: CodeDetailProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const historyId = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const openers = useRef<Partial<Record<Panel, HTMLButtonElement | null>>>({});
  const lastPanel = useRef<Panel | null>(null);

  // Back to the button that opened the form, once it is closed.
  useEffect(() => {
    if (panel === null && lastPanel.current) openers.current[lastPanel.current]?.focus();
    lastPanel.current = panel;
  }, [panel]);

  const archive = useMutation({
    mutationFn: (doArchive: boolean) =>
      setCodeArchived(programmeId, code.id, doArchive, code.version),
    onSuccess: (codebook, doArchive) => {
      storeCodebook(queryClient, codebook);
      onMessage(
        doArchive
          ? t('coding.detail.archivedDone', { name: code.name })
          : t('coding.detail.restoredDone', { name: code.name }),
      );
    },
    onError: (error) => {
      if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND'))
        void refreshCoding(queryClient, programmeId);
    },
  });

  const parentPath = code.parentId ? pathOf(codes, code.parentId).join(' › ') : null;
  const children = codes.filter((c) => c.parentId === code.id);
  const liveSubcodes = [...subtreeIds(codes, code.id)].filter(
    (id) => id !== code.id && !codes.find((c) => c.id === id)?.archived,
  ).length;
  const mergedInto = code.mergedInto ? codes.find((c) => c.id === code.mergedInto) : undefined;

  const done = (text: string, next?: Code) => {
    setPanel(null);
    onMessage(text);
    if (next) onSelect(next);
  };

  const open = (which: Panel) => {
    onMessage('');
    archive.reset();
    setPanel((current) => (current === which ? null : which));
  };

  const opener = (which: Panel, label: string) => (
    <Button
      ref={(el) => {
        openers.current[which] = el;
      }}
      purpose="secondary"
      aria-expanded={panel === which}
      onClick={() => open(which)}
    >
      {label}
    </Button>
  );

  return (
    <section className="kl-cd-detail" aria-labelledby={headingId}>
      <Heading
        level={2}
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="kl-cd-focus-target kl-cd-detail__heading"
      >
        <span
          className="kl-cd-swatch kl-cd-swatch--large"
          style={{ backgroundColor: code.color }}
          aria-hidden="true"
        />
        {code.name}
      </Heading>
      <p className="kl-cd-meta">
        {parentPath ? t('coding.detail.under', { path: parentPath }) : t('coding.detail.topLevel')}
      </p>
      {code.archived && (
        <p className="kl-cd-detail__state">
          <StatusBadge status="inactive">{t('common.archived')}</StatusBadge>{' '}
          {mergedInto ? t('coding.detail.mergedInto', { name: mergedInto.name }) : null}
        </p>
      )}
      <DataList
        items={[
          {
            key: 'definition',
            label: t('coding.form.definition'),
            value: code.definition ? (
              <span className="kl-cd-prewrap">{code.definition}</span>
            ) : (
              <span className="kl-cd-none">{t('coding.detail.none')}</span>
            ),
          },
          {
            key: 'inclusion',
            label: t('coding.form.inclusion'),
            value: code.inclusion ? (
              <span className="kl-cd-prewrap">{code.inclusion}</span>
            ) : (
              <span className="kl-cd-none">{t('coding.detail.none')}</span>
            ),
          },
          {
            key: 'exclusion',
            label: t('coding.form.exclusion'),
            value: code.exclusion ? (
              <span className="kl-cd-prewrap">{code.exclusion}</span>
            ) : (
              <span className="kl-cd-none">{t('coding.detail.none')}</span>
            ),
          },
          {
            key: 'color',
            label: t('coding.form.color'),
            value: (
              <span className="kl-cd-color-value">
                <span
                  className="kl-cd-swatch"
                  style={{ backgroundColor: code.color }}
                  aria-hidden="true"
                />
                <code>{code.color}</code>
              </span>
            ),
          },
          {
            key: 'children',
            label: t('coding.detail.subcodes'),
            value: children.length
              ? children.map((c) => c.name).join(', ')
              : t('coding.detail.noSubcodes'),
          },
        ]}
      />
      {canManage && (
        <>
          {archive.error ? <ErrorAlert error={archive.error} /> : null}
          <div className="kl-cd-actions">
            {!code.archived && opener('edit', t('coding.detail.edit'))}
            {!code.archived && opener('sub', t('coding.detail.addSub'))}
            {!code.archived && opener('merge', t('coding.detail.merge'))}
            {!code.archived && opener('split', t('coding.detail.split'))}
            {code.archived ? (
              code.mergedInto ? null : (
                <Button
                  purpose="secondary"
                  busy={archive.isPending}
                  onClick={() => {
                    if (!archive.isPending) archive.mutate(false);
                  }}
                >
                  {t('coding.detail.restore')}
                </Button>
              )
            ) : (
              <ConfirmAction
                label={t('coding.detail.archive')}
                question={t('coding.detail.archiveQuestion', { name: code.name })}
                consequence={
                  <>
                    <p className="nl-paragraph">
                      {t('coding.detail.archiveConsequence', { name: code.name })}
                    </p>
                    {liveSubcodes > 0 && (
                      <p className="nl-paragraph">
                        {t('coding.detail.archiveSubcodes', { count: liveSubcodes })}
                      </p>
                    )}
                  </>
                }
                confirmLabel={t('coding.detail.archiveConfirm')}
                isBusy={archive.isPending}
                onConfirm={() => archive.mutate(true)}
              />
            )}
          </div>
          {panel === 'edit' && (
            <CodeEditor
              key={`edit-${code.id}`}
              programmeId={programmeId}
              codes={codes}
              code={code}
              onDone={done}
            />
          )}
          {panel === 'sub' && (
            <CodeEditor
              key={`sub-${code.id}`}
              programmeId={programmeId}
              codes={codes}
              parentId={code.id}
              onDone={done}
            />
          )}
          {panel === 'merge' && (
            <MergePanel programmeId={programmeId} code={code} codes={codes} onDone={done} />
          )}
          {panel === 'split' && <SplitPanel programmeId={programmeId} code={code} onDone={done} />}
        </>
      )}
      <div className="kl-cd-history-toggle">
        <Button
          purpose="subtle"
          aria-expanded={isHistoryOpen}
          aria-controls={historyId}
          onClick={() => setHistoryOpen((o) => !o)}
        >
          {isHistoryOpen ? t('coding.history.hide') : t('coding.history.show')}
        </Button>
        <div id={historyId} hidden={!isHistoryOpen}>
          {isHistoryOpen && <CodeHistory programmeId={programmeId} code={code} codes={codes} />}
        </div>
      </div>
    </section>
  );
}
