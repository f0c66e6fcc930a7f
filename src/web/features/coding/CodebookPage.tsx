// /programmes/:id/codebook — the programme's codebook: the code tree (open and close branches,
// archived codes on request) beside the chosen code, a new code at the top, the snapshots, and
// the exchange with other QDA tools. The chosen code, "show archived" and the snapshot shown are
// kept in the address, so the back button and a shared link show the same.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Code, Codebook } from '../../../shared/contract/coding';
import { BackLink } from '../../ui/BackLink';
import { CheckboxField } from '../../ui/CheckboxField';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeading } from '../../ui/PageHeading';
import { programmeQuery } from '../programmes/api';
import { codebookQuery } from './api';
import { ancestorIds, branchIds, buildCodeTree } from './code-tree';
import { CodeDetail } from './CodeDetail';
import { CodeEditor } from './CodeEditor';
import { CodeTree } from './CodeTree';
import { ExchangeSection } from './ExchangeSection';
import { SnapshotsSection } from './SnapshotsSection';
import './coding.css';

export function CodebookPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const programme = useQuery(programmeQuery(id));
  const query = useQuery(codebookQuery(id));
  const title = programme.data
    ? t('coding.codebook.titleOf', { name: programme.data.name })
    : t('coding.codebook.title');

  return (
    <div className="kl-cd-page">
      <BackLink to={`/programmes/${id}`}>{t('coding.backToProgramme')}</BackLink>
      <div className="kl-page-header">
        <PageHeading>{title}</PageHeading>
        <AppLink to={`/programmes/${id}/coding`}>{t('coding.codebook.toCrossCase')}</AppLink>
      </div>
      <p className="nl-paragraph kl-cd-intro">{t('coding.codebook.intro')}</p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CodebookContent programmeId={id} codebook={query.data} />
      )}
    </div>
  );
}

function CodebookContent({ programmeId, codebook }: { programmeId: string; codebook: Codebook }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('code');
  const showArchived = searchParams.get('archived') === '1';
  const snapshotId = searchParams.get('snapshot');
  const { codes, abilities } = codebook;
  const nodes = buildCodeTree(codes, { includeArchived: showArchived });
  // Every branch open at first; afterwards as the reader leaves them.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(branchIds(nodes)));
  const [isAdding, setAdding] = useState(false);
  const [message, setMessage] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const movedByChoice = useRef(false);
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  const setParam = (name: string, value: string | null) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name !== 'code' },
    );

  // A code to bring into view: its branches are opened once the codebook read after the change
  // has it where the change put it (a new code is not in the list until then, a moved one is
  // still under its old parent).
  const [reveal, setReveal] = useState<Pick<Code, 'id' | 'parentId'> | null>(null);
  const revealed = reveal ? codes.find((c) => c.id === reveal.id) : undefined;
  if (reveal && revealed && revealed.parentId === reveal.parentId) {
    const above = ancestorIds(codes, reveal.id);
    setReveal(null);
    if (above.some((a) => !expanded.has(a))) setExpanded(new Set([...expanded, ...above]));
  }

  const select = (code: Pick<Code, 'id' | 'parentId'>, byChoice = false) => {
    movedByChoice.current = byChoice;
    if (byChoice) setMessage('');
    if (code.id !== selectedId) setParam('code', code.id);
    setReveal({ id: code.id, parentId: code.parentId });
  };

  // A code chosen in the tree: on a narrow screen its details are below the tree, out of view;
  // there, move to them. On a wide screen they are beside the tree and focus stays put.
  useEffect(() => {
    if (!movedByChoice.current || !selectedId) return;
    movedByChoice.current = false;
    const heading = detailHeading.current;
    if (!heading) return;
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
    }
  }, [selectedId]);

  useEffect(() => {
    if (!isAdding && wasAdding.current) addRef.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  const toggle = (codeId: string) => {
    const next = new Set(expanded);
    if (next.has(codeId)) next.delete(codeId);
    else next.add(codeId);
    setExpanded(next);
  };

  const mergedName = (code: Code) => codes.find((c) => c.id === code.mergedInto)?.name ?? null;
  const liveCount = codes.filter((c) => !c.archived).length;
  const archivedCount = codes.length - liveCount;

  return (
    <>
      <div className="kl-cd-layout">
        <section className="kl-cd-tree-section" aria-labelledby="codebook-codes">
          <Heading level={2} id="codebook-codes">
            {t('coding.codebook.codes')}
          </Heading>
          <p className="kl-cd-meta">
            {t('coding.codebook.count', { count: liveCount })}
            {archivedCount > 0 &&
              ` · ${t('coding.codebook.archivedCount', { count: archivedCount })}`}
          </p>
          <div className="kl-cd-toolbar">
            {nodes.some((n) => n.children.length > 0) && (
              <>
                <Button purpose="subtle" onClick={() => setExpanded(new Set(branchIds(nodes)))}>
                  {t('coding.tree.expandAll')}
                </Button>
                <Button purpose="subtle" onClick={() => setExpanded(new Set())}>
                  {t('coding.tree.collapseAll')}
                </Button>
              </>
            )}
            {archivedCount > 0 && (
              <CheckboxField
                id="codebook-show-archived"
                label={t('coding.tree.showArchived')}
                isChecked={showArchived}
                onChange={(value) => setParam('archived', value ? '1' : null)}
              />
            )}
          </div>
          {abilities.manage && !isAdding && (
            <Button
              ref={addRef}
              purpose="primary"
              aria-expanded={false}
              onClick={() => {
                setMessage('');
                setAdding(true);
              }}
            >
              {t('coding.codebook.add')}
            </Button>
          )}
          {isAdding && (
            <CodeEditor
              programmeId={programmeId}
              codes={codes}
              onDone={(text, created) => {
                setAdding(false);
                setMessage(text);
                if (created) select(created);
              }}
            />
          )}
          {nodes.length === 0 ? (
            <EmptyState>
              {abilities.manage ? t('coding.codebook.emptyManage') : t('coding.codebook.empty')}
            </EmptyState>
          ) : (
            <CodeTree
              nodes={nodes}
              label={t('coding.codebook.treeLabel')}
              expanded={expanded}
              onToggle={toggle}
              selectedId={selectedId}
              onSelect={(code) => select(code, true)}
              showDefinitions
              mergedName={mergedName}
            />
          )}
        </section>
        <div className="kl-cd-detail-column">
          {/* Outside the chosen code's panel, which is made anew for another code: the message
              of a change that chose another code (a new one, the merged-into one) stays. */}
          <div role="status" className="kl-status-line kl-cd-message">
            {message}
          </div>
          {selected ? (
            <CodeDetail
              key={selected.id}
              programmeId={programmeId}
              code={selected}
              codes={codes}
              canManage={abilities.manage}
              onSelect={select}
              onMessage={setMessage}
              headingRef={detailHeading}
            />
          ) : (
            <section className="kl-cd-detail" aria-labelledby="codebook-none">
              <Heading level={2} id="codebook-none">
                {t('coding.detail.noneTitle')}
              </Heading>
              <p className="nl-paragraph">
                {nodes.length ? t('coding.detail.chooseHint') : t('coding.detail.emptyHint')}
              </p>
            </section>
          )}
        </div>
      </div>
      <SnapshotsSection
        programmeId={programmeId}
        snapshots={codebook.snapshots}
        canManage={abilities.manage}
        shownId={snapshotId}
        onShow={(value) => setParam('snapshot', value)}
      />
      <ExchangeSection
        programmeId={programmeId}
        snapshots={codebook.snapshots}
        canExchange={abilities.exchange}
        canManage={abilities.manage}
      />
    </>
  );
}
