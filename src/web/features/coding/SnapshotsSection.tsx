// "Versies van het codeboek": numbered snapshots that keep the codebook as it was at a moment
// (e.g. before a round of coding), each with its name, when it was made and how many codes it
// holds. One can be read (a tree that cannot be changed; its address keeps it open) and, for
// whoever exchanges with other tools, downloaded as a REFI-QDA codebook. Whoever keeps the
// codebook makes a new one with a name.
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldId, serverFieldErrors } from '../../app/form-errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import {
  codebookExportUrl,
  createSnapshot,
  refreshCoding,
  snapshotQuery,
  type SnapshotSummary,
} from './api';
import { branchIds, buildCodeTree } from './code-tree';
import { CodeTree } from './CodeTree';

export type SnapshotsSectionProps = {
  programmeId: string;
  snapshots: SnapshotSummary[];
  canManage: boolean;
  /** The snapshot shown (from the address), or null. */
  shownId: string | null;
  onShow: (snapshotId: string | null) => void;
};

const formId = 'snapshot-new';
const labelMax = 200;

export function SnapshotsSection({
  programmeId,
  snapshots,
  canManage,
  shownId,
  onShow,
}: SnapshotsSectionProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const mutation = useMutation({
    mutationFn: (text: string) => createSnapshot(programmeId, text),
    onSuccess: async (snapshot) => {
      await refreshCoding(queryClient, programmeId);
      setLabel('');
      setMessage(
        t('coding.snapshots.created', {
          number: snapshot.number,
          label: snapshot.label,
          count: snapshot.codes.length,
        }),
      );
    },
  });
  const error = labelError ?? serverFieldErrors(mutation.error).label;
  const shown = snapshots.find((s) => s.id === shownId) ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const text = label.trim();
    const problem = !text
      ? t('coding.snapshots.labelRequired')
      : text.length > labelMax
        ? t('coding.form.tooLong', { max: labelMax })
        : undefined;
    setLabelError(problem);
    setMessage('');
    if (problem) {
      mutation.reset();
      document.getElementById(fieldId(formId, 'label'))?.focus();
      return;
    }
    mutation.mutate(text);
  };

  return (
    <section className="kl-section" aria-labelledby="codebook-snapshots">
      <Heading level={2} id="codebook-snapshots">
        {t('coding.snapshots.title')}
      </Heading>
      <p className="nl-paragraph kl-cd-intro">{t('coding.snapshots.intro')}</p>
      <div role="status" className="kl-status-line">
        {message}
      </div>
      {snapshots.length === 0 ? (
        <p className="nl-paragraph">{t('coding.snapshots.none')}</p>
      ) : (
        <Table caption={t('coding.snapshots.caption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('coding.snapshots.number')}</HeaderCell>
            <HeaderCell>{t('coding.snapshots.made')}</HeaderCell>
            <HeaderCell>{t('coding.snapshots.codes')}</HeaderCell>
            <HeaderCell>{t('coding.snapshots.actions')}</HeaderCell>
          </TableHead>
          <TableBody>
            {snapshots.map((snapshot) => {
              const name = t('coding.snapshots.name', {
                number: snapshot.number,
                label: snapshot.label,
              });
              const isShown = snapshot.id === shownId;
              return (
                <TableRow key={snapshot.id}>
                  <RowHeaderCell>{name}</RowHeaderCell>
                  <Cell>{formatDateTime(snapshot.createdAt, i18n.language)}</Cell>
                  <Cell isNumeric>{snapshot.codeCount}</Cell>
                  <Cell>
                    <div className="kl-cd-row-actions">
                      <Button
                        purpose="subtle"
                        aria-expanded={isShown}
                        onClick={() => onShow(isShown ? null : snapshot.id)}
                      >
                        {isShown ? t('coding.snapshots.hide') : t('coding.snapshots.view')}
                        <span className="kl-visually-hidden"> {name}</span>
                      </Button>
                      <a
                        className="nl-link"
                        href={codebookExportUrl(programmeId, snapshot.id)}
                        download
                      >
                        {t('coding.snapshots.download')}
                        <span className="kl-visually-hidden"> {name}</span>
                      </a>
                    </div>
                  </Cell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {shown && (
        <SnapshotView programmeId={programmeId} snapshot={shown} onClose={() => onShow(null)} />
      )}
      {canManage && (
        <form
          noValidate
          onSubmit={submit}
          className="kl-form kl-cd-snapshot-form"
          aria-labelledby="snapshot-new-heading"
        >
          <Heading level={3} id="snapshot-new-heading">
            {t('coding.snapshots.newTitle')}
          </Heading>
          <TextField
            id={fieldId(formId, 'label')}
            label={t('coding.snapshots.label')}
            description={t('coding.snapshots.labelHint')}
            value={label}
            onChange={setLabel}
            error={error}
            maxLength={labelMax + 20}
            autoComplete="off"
          />
          {mutation.error && !serverFieldErrors(mutation.error).label ? (
            <ErrorAlert error={mutation.error} />
          ) : null}
          <div className="kl-form__actions">
            <Button type="submit" purpose="secondary" busy={mutation.isPending}>
              {t('coding.snapshots.create')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function SnapshotView({
  programmeId,
  snapshot,
  onClose,
}: {
  programmeId: string;
  snapshot: SnapshotSummary;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = useQuery(snapshotQuery(programmeId, snapshot.id));
  const nodes = query.data ? buildCodeTree(query.data.codes, { includeArchived: true }) : [];
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  const open = expanded ?? new Set(branchIds(nodes));
  const name = t('coding.snapshots.name', { number: snapshot.number, label: snapshot.label });
  return (
    <section className="kl-cd-panel kl-cd-snapshot" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('coding.snapshots.viewTitle', { name })}
      </Heading>
      <p className="kl-cd-meta">
        {t('coding.snapshots.readOnly', {
          when: formatDateTime(snapshot.createdAt, i18n.language),
        })}
      </p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : nodes.length === 0 ? (
        <p className="nl-paragraph">{t('coding.snapshots.empty')}</p>
      ) : (
        <CodeTree
          nodes={nodes}
          label={t('coding.snapshots.treeLabel', { name })}
          expanded={open}
          onToggle={(codeId) => {
            const next = new Set(open);
            if (next.has(codeId)) next.delete(codeId);
            else next.add(codeId);
            setExpanded(next);
          }}
          showDefinitions
        />
      )}
      <Button purpose="subtle" onClick={onClose}>
        {t('coding.snapshots.close')}
      </Button>
    </section>
  );
}
