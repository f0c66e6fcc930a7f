// The threads of a programme as a table: active ones first; superseded and withdrawn ones only
// when asked for, each saying which thread took its place. Researchers make a thread directly
// from here (promoting a theme is on the board).
import { useState } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BoardCode, ThreadSummary } from '../../../shared/contract/synthesis';
import { CheckboxField } from '../../ui/CheckboxField';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDay } from '../../ui/format';
import { AppLink } from '../../ui/links';
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
import { threadListQuery } from './api';
import { StatusOf } from './StatusOf';
import { ThreadEditor } from './ThreadEditor';

export function ThreadList({
  programmeId,
  codes,
}: {
  programmeId: string;
  codes: readonly BoardCode[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [showAll, setShowAll] = useState(false);
  const [isCreating, setCreating] = useState(false);
  const query = useQuery(threadListQuery(programmeId, showAll ? 'all' : 'active'));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, hidden, abilities } = query.data;
  const link = (thread: { id: string }) =>
    `/programmes/${programmeId}/synthese/draden/${thread.id}`;
  return (
    <div className="kl-sy-threads">
      <div className="kl-list__toolbar">
        <CheckboxField
          id="synthesis-show-all"
          label={t('synthesis.threads.showAll')}
          isChecked={showAll}
          onChange={setShowAll}
        />
        {abilities.create && !isCreating && (
          <Button purpose="secondary" onClick={() => setCreating(true)}>
            {t('synthesis.threads.new')}
          </Button>
        )}
      </div>
      {isCreating && (
        <ThreadEditor
          programmeId={programmeId}
          codes={codes}
          onDone={(saved) => {
            setCreating(false);
            if (saved)
              void navigate(link(saved), {
                state: { flash: t('synthesis.thread.created', { number: saved.number }) },
              });
          }}
        />
      )}
      {items.length === 0 ? (
        <EmptyState>
          {hidden > 0
            ? t('synthesis.threads.noneActive', { count: hidden })
            : abilities.create
              ? t('synthesis.threads.emptyWrite')
              : t('synthesis.threads.empty')}
        </EmptyState>
      ) : (
        <Table caption={t('synthesis.threads.caption')} isCaptionHidden>
          <TableHead>
            <HeaderCell>{t('synthesis.threads.number')}</HeaderCell>
            <HeaderCell>{t('synthesis.thread.title')}</HeaderCell>
            <HeaderCell>{t('synthesis.threads.codes')}</HeaderCell>
            <HeaderCell>{t('synthesis.threads.status')}</HeaderCell>
            <HeaderCell>{t('synthesis.threads.updated')}</HeaderCell>
          </TableHead>
          <TableBody>
            {items.map((thread: ThreadSummary) => (
              <TableRow key={thread.id}>
                <Cell isNumeric>{thread.number}</Cell>
                <RowHeaderCell>
                  <AppLink to={link(thread)}>{thread.title}</AppLink>
                </RowHeaderCell>
                <Cell isNumeric>{thread.codeCount}</Cell>
                <Cell>
                  <StatusOf status={thread.status} />
                  {thread.supersededBy && (
                    <>
                      {' '}
                      <AppLink to={link(thread.supersededBy)}>
                        {t('synthesis.thread.byNumber', { number: thread.supersededBy.number })}
                      </AppLink>
                    </>
                  )}
                </Cell>
                <Cell>{formatDay(thread.updatedAt, i18n.language)}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hidden > 0 && items.length > 0 && (
        <p className="kl-sy-meta">{t('synthesis.threads.hidden', { count: hidden })}</p>
      )}
    </div>
  );
}
