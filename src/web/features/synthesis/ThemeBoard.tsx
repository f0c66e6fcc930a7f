// The theme board (affinity mapping): the programme's codes as cards in columns, "not grouped"
// first, then each theme. A card is dragged onto a column (or onto a card, to go before it) with
// the mouse; the same moves are on every card's "Move to…" menu for keyboard and screen-reader
// users, and every move is announced in a live region, with focus kept on the moved card.
// Themes are made, renamed, moved left or right, archived and promoted to a thread from their
// column. A stale rename shows both versions; a stale move says where the code went.
import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button } from '@nl-design-system-candidate/button-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Board, BoardCode, Theme } from '../../../shared/contract/synthesis';
import { isApiError } from '../../app/api';
import { Alert } from '../../ui/Alert';
import { cx } from '../../ui/class-names';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AppLink } from '../../ui/links';
import {
  archiveTheme,
  createThread,
  moveTheme,
  placeCode,
  refreshSynthesis,
  restoreTheme,
  synthesisKeys,
} from './api';
import { ThemeForm } from './ThemeForm';
import { PromoteForm } from './PromoteForm';

const notGrouped = 'none';

export function ThemeBoard({ board }: { board: Board }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const programmeId = board.programmeId;
  const canWrite = board.abilities.write;
  const [announcement, setAnnouncement] = useState('');
  const [isAdding, setAdding] = useState(false);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  /** The card whose "Move to…" button takes focus once the board shows its new place. */
  const focusAfterMove = useRef<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  // Where focus goes when what had it disappears: a closed theme form, an archived theme.
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (!isAdding && wasAdding.current) addButton.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  const active = board.themes.filter((th) => !th.archived);
  const archived = board.themes.filter((th) => th.archived);
  const codesOf = (themeId: string | null): BoardCode[] => {
    if (themeId === null) return board.codes.filter((c) => c.themeId === null);
    const theme = board.themes.find((th) => th.id === themeId);
    const byId = new Map(board.codes.map((c) => [c.id, c]));
    return (theme?.codeIds ?? []).flatMap((id) => byId.get(id) ?? []);
  };
  const themeName = (themeId: string | null) =>
    themeId === null
      ? t('synthesis.board.notGrouped')
      : (board.themes.find((th) => th.id === themeId)?.name ?? '');

  const place = useMutation({
    mutationFn: (move: { code: BoardCode; themeId: string | null; position?: number }) =>
      placeCode(programmeId, {
        codeId: move.code.id,
        themeId: move.themeId,
        fromThemeId: move.code.themeId,
        ...(move.position === undefined ? {} : { position: move.position }),
      }),
    onSuccess: (next, move) => {
      queryClient.setQueryData(synthesisKeys.board(programmeId), next);
      setAnnouncement(
        t('synthesis.board.moved', { code: move.code.name, theme: themeName(move.themeId) }),
      );
    },
    onError: () => {
      focusAfterMove.current = null;
      void queryClient.invalidateQueries({ queryKey: synthesisKeys.board(programmeId) });
    },
  });

  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    moveButtons.current.get(id)?.focus();
  }, [board]);

  const move = (code: BoardCode, themeId: string | null, position?: number) => {
    if ((code.themeId ?? null) === themeId && position === undefined) return;
    place.mutate({ code, themeId, ...(position === undefined ? {} : { position }) });
  };

  // ---- drag and drop (mouse); the menu on each card does the same by keyboard ----
  const onDragStart = (event: DragEvent, code: BoardCode) => {
    event.dataTransfer.setData('text/plain', code.id);
    event.dataTransfer.effectAllowed = 'move';
    setDragging(code.id);
  };
  const dropOn = (event: DragEvent, themeId: string | null, beforeCodeId?: string) => {
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(null);
    setDragging(null);
    const code = board.codes.find((c) => c.id === event.dataTransfer.getData('text/plain'));
    if (!code) return;
    if (themeId === null || !beforeCodeId) return move(code, themeId);
    const ids = codesOf(themeId)
      .map((c) => c.id)
      .filter((id) => id !== code.id);
    const position = ids.indexOf(beforeCodeId);
    move(code, themeId, position === -1 ? undefined : position);
  };
  const dropZone = (themeId: string | null) =>
    canWrite
      ? {
          onDragOver: (event: DragEvent) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropTarget(themeId ?? notGrouped);
          },
          onDragLeave: (event: DragEvent) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null))
              setDropTarget(null);
          },
          onDrop: (event: DragEvent) => dropOn(event, themeId),
        }
      : {};

  const columns: { theme: Theme | null; key: string }[] = [
    { theme: null, key: notGrouped },
    ...active.map((theme) => ({ theme, key: theme.id })),
  ];

  return (
    <div className="kl-sy-board-wrap">
      <p className="kl-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canWrite && <p className="nl-paragraph kl-sy-note">{t('synthesis.board.howTo')}</p>}
      {place.error ? (
        isApiError(place.error) && place.error.code === 'CONFLICT' ? (
          <Alert type="warning">
            <p className="kl-alert__text">{place.error.message}</p>
          </Alert>
        ) : (
          <ErrorAlert error={place.error} />
        )
      ) : null}
      {canWrite &&
        (isAdding ? (
          <ThemeForm
            programmeId={programmeId}
            onDone={(message) => {
              setAdding(false);
              if (message) setAnnouncement(message);
            }}
          />
        ) : (
          <div className="kl-form__actions">
            <Button ref={addButton} purpose="secondary" onClick={() => setAdding(true)}>
              {t('synthesis.board.addTheme')}
            </Button>
          </div>
        ))}
      <ul className="kl-sy-board" aria-label={t('synthesis.board.label')}>
        {columns.map(({ theme, key }, index) => {
          const codes = codesOf(theme?.id ?? null);
          return (
            <li
              key={key}
              className={cx(
                'kl-sy-column',
                theme === null && 'kl-sy-column--loose',
                dropTarget === key && 'kl-sy-column--target',
              )}
              {...dropZone(theme?.id ?? null)}
            >
              {theme ? (
                <ThemeHeader
                  board={board}
                  theme={theme}
                  index={index - 1}
                  count={active.length}
                  onAnnounce={setAnnouncement}
                  onRemoved={() => addButton.current?.focus()}
                />
              ) : (
                <div className="kl-sy-column__head">
                  <Heading level={3} className="kl-sy-column__title">
                    {t('synthesis.board.notGrouped')}
                  </Heading>
                  <p className="kl-sy-meta">
                    {t('synthesis.board.codeCount', { count: codes.length })}
                  </p>
                </div>
              )}
              {codes.length === 0 ? (
                <p className="kl-sy-empty">
                  {theme ? t('synthesis.board.emptyTheme') : t('synthesis.board.allGrouped')}
                </p>
              ) : (
                <ul
                  className="kl-sy-cards"
                  aria-label={t('synthesis.board.codesIn', { theme: themeName(theme?.id ?? null) })}
                >
                  {codes.map((code) => (
                    <li
                      key={code.id}
                      className={cx('kl-sy-card', dragging === code.id && 'kl-sy-card--dragging')}
                      draggable={canWrite}
                      onDragStart={canWrite ? (event) => onDragStart(event, code) : undefined}
                      onDragEnd={() => {
                        setDragging(null);
                        setDropTarget(null);
                      }}
                      onDrop={
                        canWrite && theme ? (event) => dropOn(event, theme.id, code.id) : undefined
                      }
                    >
                      <CodeCard code={code} />
                      {canWrite && (
                        <MoveMenu
                          code={code}
                          targets={[
                            { id: null, name: t('synthesis.board.notGrouped') },
                            ...active.map((th) => ({ id: th.id, name: th.name })),
                          ].filter((target) => target.id !== code.themeId)}
                          isBusy={place.isPending}
                          buttonRef={(element) => {
                            if (element) moveButtons.current.set(code.id, element);
                            else moveButtons.current.delete(code.id);
                          }}
                          onMove={(themeId) => {
                            focusAfterMove.current = code.id;
                            move(code, themeId);
                          }}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {archived.length > 0 && (
        <ArchivedThemes board={board} themes={archived} onAnnounce={setAnnouncement} />
      )}
    </div>
  );
}

function CodeCard({ code }: { code: BoardCode }) {
  const { t } = useTranslation();
  return (
    <div className="kl-sy-card__body">
      <span className="kl-sy-card__name">
        <span className="kl-sy-swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
        {code.name}
      </span>
      {code.path !== code.name && <span className="kl-sy-meta">{code.path}</span>}
      <span className="kl-sy-meta">{t('synthesis.board.cases', { count: code.caseCount })}</span>
    </div>
  );
}

/** "Move to…": a disclosure with one button per place the card can go. Escape closes it. */
function MoveMenu({
  code,
  targets,
  isBusy,
  buttonRef,
  onMove,
}: {
  code: BoardCode;
  targets: { id: string | null; name: string }[];
  isBusy: boolean;
  buttonRef: (element: HTMLButtonElement | null) => void;
  onMove: (themeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (isOpen) list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [isOpen]);
  return (
    <div className="kl-sy-move">
      <Button
        ref={(element) => {
          trigger.current = element;
          buttonRef(element);
        }}
        purpose="subtle"
        className="kl-sy-button-small"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => setOpen(!isOpen)}
        disabled={isBusy}
      >
        {t('synthesis.board.moveTo')}
        <span className="kl-visually-hidden"> {code.name}</span>
      </Button>
      {isOpen && (
        <ul
          id={menuId}
          ref={list}
          className="kl-sy-move__list"
          aria-label={t('synthesis.board.moveMenu', { code: code.name })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setOpen(false);
              trigger.current?.focus();
            }
          }}
        >
          {targets.map((target) => (
            <li key={target.id ?? notGrouped}>
              <button
                type="button"
                className="kl-sy-move__option"
                onClick={() => {
                  setOpen(false);
                  onMove(target.id);
                }}
              >
                {target.id === null
                  ? t('synthesis.board.moveBack')
                  : t('synthesis.board.moveInto', { theme: target.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ThemeHeader({
  board,
  theme,
  index,
  count,
  onAnnounce,
  onRemoved,
}: {
  board: Board;
  theme: Theme;
  index: number;
  count: number;
  onAnnounce: (message: string) => void;
  /** The theme left the board (archived): focus goes elsewhere. */
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const programmeId = board.programmeId;
  const [mode, setMode] = useState<'view' | 'edit' | 'promote'>('view');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousMode = useRef(mode);
  useEffect(() => {
    // Back from the edit form: the theme's heading takes focus.
    if (mode === 'view' && previousMode.current === 'edit') headingRef.current?.focus();
    previousMode.current = mode;
  }, [mode]);
  const setBoard = (next: Board) =>
    queryClient.setQueryData(synthesisKeys.board(programmeId), next);
  const reorder = useMutation({
    mutationFn: (position: number) =>
      moveTheme(programmeId, theme.id, { version: theme.version, position }),
    onSuccess: (next, position) => {
      setBoard(next);
      onAnnounce(t('synthesis.theme.reordered', { name: theme.name, place: position + 1, count }));
    },
    onError: () =>
      void queryClient.invalidateQueries({ queryKey: synthesisKeys.board(programmeId) }),
  });
  const archive = useMutation({
    mutationFn: () => archiveTheme(programmeId, theme.id, theme.version),
    onSuccess: (next) => {
      setBoard(next);
      onAnnounce(t('synthesis.theme.archived', { name: theme.name }));
      onRemoved();
    },
  });
  const promote = useMutation({
    mutationFn: (body: { title: string; description: string; note: string }) =>
      createThread(programmeId, { ...body, themeId: theme.id }),
    onSuccess: async (thread) => {
      await refreshSynthesis(queryClient, programmeId);
      void navigate(`/programmes/${programmeId}/synthese/draden/${thread.id}`, {
        state: { flash: t('synthesis.promote.done', { number: thread.number }) },
      });
    },
  });
  const canWrite = board.abilities.write;

  if (mode === 'edit')
    return (
      <ThemeForm
        programmeId={programmeId}
        theme={theme}
        onDone={(message) => {
          setMode('view');
          if (message) onAnnounce(message);
        }}
      />
    );

  return (
    <div className="kl-sy-column__head">
      <Heading level={3} ref={headingRef} tabIndex={-1} className="kl-sy-column__title">
        {theme.name}
      </Heading>
      {theme.description && <p className="kl-sy-description">{theme.description}</p>}
      <p className="kl-sy-meta">
        {t('synthesis.board.codeCount', { count: theme.codeIds.length })}
      </p>
      {theme.threads.length > 0 && (
        <ul className="kl-sy-theme-threads">
          {theme.threads.map((thread) => (
            <li key={thread.id}>
              <AppLink to={`/programmes/${programmeId}/synthese/draden/${thread.id}`}>
                {t('synthesis.thread.numbered', { number: thread.number })}
              </AppLink>
              {thread.status !== 'active' && ` (${t(`synthesis.status.${thread.status}`)})`}
            </li>
          ))}
        </ul>
      )}
      {canWrite && mode === 'view' && (
        <div className="kl-sy-theme-actions">
          <Button purpose="subtle" className="kl-sy-button-small" onClick={() => setMode('edit')}>
            {t('synthesis.theme.edit')}
            <span className="kl-visually-hidden"> {theme.name}</span>
          </Button>
          {index > 0 && (
            <Button
              purpose="subtle"
              className="kl-sy-button-small"
              disabled={reorder.isPending}
              onClick={() => reorder.mutate(index - 1)}
            >
              {t('synthesis.theme.earlier')}
              <span className="kl-visually-hidden"> {theme.name}</span>
            </Button>
          )}
          {index < count - 1 && (
            <Button
              purpose="subtle"
              className="kl-sy-button-small"
              disabled={reorder.isPending}
              onClick={() => reorder.mutate(index + 1)}
            >
              {t('synthesis.theme.later')}
              <span className="kl-visually-hidden"> {theme.name}</span>
            </Button>
          )}
          <Button
            purpose="secondary"
            className="kl-sy-button-small"
            disabled={theme.codeIds.length === 0}
            onClick={() => setMode('promote')}
          >
            {t('synthesis.promote.open')}
            <span className="kl-visually-hidden"> {theme.name}</span>
          </Button>
          <ConfirmAction
            label={
              <>
                {t('synthesis.theme.archive')}
                <span className="kl-visually-hidden"> {theme.name}</span>
              </>
            }
            question={t('synthesis.theme.archiveQuestion', { name: theme.name })}
            consequence={t('synthesis.theme.archiveConsequence', {
              count: theme.codeIds.length,
            })}
            confirmLabel={t('synthesis.theme.archive')}
            isBusy={archive.isPending}
            onConfirm={() => archive.mutate()}
          />
        </div>
      )}
      {reorder.error || archive.error ? (
        <ErrorAlert error={reorder.error ?? archive.error} />
      ) : null}
      {mode === 'promote' && (
        <PromoteForm
          theme={theme}
          isBusy={promote.isPending}
          error={promote.error}
          onSubmit={(body) => promote.mutate(body)}
          onCancel={() => {
            promote.reset();
            setMode('view');
            headingRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function ArchivedThemes({
  board,
  themes,
  onAnnounce,
}: {
  board: Board;
  themes: Theme[];
  onAnnounce: (message: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: (theme: Theme) => restoreTheme(board.programmeId, theme.id, theme.version),
    onSuccess: (next, theme) => {
      queryClient.setQueryData(synthesisKeys.board(board.programmeId), next);
      onAnnounce(t('synthesis.theme.restored', { name: theme.name }));
    },
  });
  return (
    <details className="kl-sy-archived">
      <summary>{t('synthesis.theme.archivedList', { count: themes.length })}</summary>
      {restore.error ? <ErrorAlert error={restore.error} /> : null}
      <ul>
        {themes.map((theme) => (
          <li key={theme.id} className="kl-sy-archived__item">
            <span>{theme.name}</span>
            {board.abilities.write && (
              <Button
                purpose="subtle"
                className="kl-sy-button-small"
                disabled={restore.isPending}
                onClick={() => restore.mutate(theme)}
              >
                {t('synthesis.theme.restore')}
                <span className="kl-visually-hidden"> {theme.name}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
