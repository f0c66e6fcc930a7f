// The timeline as a table, in time order: the same items as the lane view, for screen readers,
// for printing and for reading closely. Dates as they were told ("zomer 2018", "op 5-jarige
// leeftijd"), and the reactions from each perspective side by side, one column per perspective
// that has any.
import { useTranslation } from 'react-i18next';
import { perspectives, type Perspective } from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { EmptyState } from '../../ui/EmptyState';
import {
  Cell,
  HeaderCell,
  RowHeaderCell,
  Table,
  TableBody,
  TableHead,
  TableRow,
} from '../../ui/Table';
import { cx } from '../../ui/class-names';
import { kindText, laneText, perspectiveText, valenceSign, valenceText, whenText } from './labels';

export type TimelineListProps = {
  items: TimelineItem[];
  isNeutral: boolean;
  participantLabels: Map<string, string>;
  onOpen: (item: TimelineItem) => void;
};

export function sourceText(
  item: Pick<TimelineItem, 'source' | 'sourceParticipantId'>,
  participantLabels: Map<string, string>,
  t: Parameters<typeof perspectiveText>[1],
): string {
  const who = item.sourceParticipantId ? participantLabels.get(item.sourceParticipantId) : null;
  const perspective = perspectiveText(item.source, t);
  return who ? `${perspective} (${who})` : perspective;
}

export function TimelineList({ items, isNeutral, participantLabels, onOpen }: TimelineListProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <EmptyState>{t('timeline.empty')}</EmptyState>;
  const commented = perspectives.filter((p) =>
    items.some((item) => item.comments.some((c) => c.perspective === p)),
  );
  const commentsOf = (item: TimelineItem, perspective: Perspective) =>
    item.comments.filter((c) => c.perspective === perspective);

  return (
    <Table caption={t('timeline.list.caption', { count: items.length })}>
      <TableHead>
        <HeaderCell>{t('timeline.list.what')}</HeaderCell>
        <HeaderCell>{t('timeline.list.when')}</HeaderCell>
        <HeaderCell>{t('timeline.list.lane')}</HeaderCell>
        {!isNeutral && <HeaderCell>{t('timeline.list.valence')}</HeaderCell>}
        <HeaderCell>{t('timeline.list.source')}</HeaderCell>
        {commented.map((p) => (
          <HeaderCell key={p}>
            {t('timeline.list.commentsOf', { perspective: perspectiveText(p, t) })}
          </HeaderCell>
        ))}
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <RowHeaderCell>
              <button
                type="button"
                className="kl-tl-list__open nl-link"
                data-item-id={item.id}
                onClick={() => onOpen(item)}
              >
                {item.isSignal && <span aria-hidden="true">⚑ </span>}
                {item.title}
                {item.reference && ` (${item.reference})`}
                {item.isSignal && (
                  <span className="kl-visually-hidden">, {t('timeline.name.signal')}</span>
                )}
              </button>
              {item.description && <p className="kl-tl-list__description">{item.description}</p>}
            </RowHeaderCell>
            <Cell>
              <span className="kl-tl-list__kind">{kindText(item.kind, t)}</span>{' '}
              {whenText(item, t, i18n.language)}
            </Cell>
            <Cell>{laneText(item.lane, t)}</Cell>
            {!isNeutral && (
              <Cell>
                <span className={cx('kl-tl-valence-text', `kl-tl-valence--${item.valence}`)}>
                  {valenceSign[item.valence] && (
                    <span className="kl-tl-sign" aria-hidden="true">
                      {valenceSign[item.valence]}
                    </span>
                  )}
                  {valenceText(item.valence, t)}
                </span>
              </Cell>
            )}
            <Cell>{sourceText(item, participantLabels, t)}</Cell>
            {commented.map((p) => (
              <Cell key={p}>
                {commentsOf(item, p).map((comment) => (
                  <p key={comment.id} className="kl-tl-list__comment">
                    {comment.text}
                    {comment.participantLabel && (
                      <span className="kl-tl-list__comment-by"> — {comment.participantLabel}</span>
                    )}
                  </p>
                ))}
              </Cell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
