// The code tree: nested lists, each code a button to choose it (its colour, name and, when asked,
// its definition), and before a code with sub-codes a button that opens or closes them
// (aria-expanded). Everything is reachable with Tab; on a code's button, → opens its sub-codes
// and ← closes them (or goes to the code above). The chosen code is marked by a bar, bold text
// and aria-current, never by colour alone; archived and merged codes say so in words.
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/contract/coding';
import { cx } from '../../ui/class-names';
import type { CodeNode } from './code-tree';

export type CodeTreeProps = {
  nodes: CodeNode[];
  /** Names the list for screen readers, e.g. "Codes van het codeboek". */
  label: string;
  expanded: ReadonlySet<string>;
  onToggle: (codeId: string) => void;
  selectedId?: string | null;
  /** Without it the tree is only read (a snapshot): no buttons to choose a code. */
  onSelect?: (code: Code) => void;
  showDefinitions?: boolean;
  /** The name of the code a merged code went into, if known. */
  mergedName?: (code: Code) => string | null;
  /** Something after a code's name (e.g. a count). */
  extra?: (code: Code) => ReactNode;
};

export function CodeTree(props: CodeTreeProps) {
  const id = useId();
  return (
    <ul className="kl-cd-tree" aria-label={props.label}>
      {props.nodes.map((node) => (
        <TreeItem key={node.code.id} node={node} treeId={id} parentId={null} {...props} />
      ))}
    </ul>
  );
}

/** The id of the button that chooses a code, for focus moves. */
export function codeButtonId(treeId: string, codeId: string): string {
  return `${treeId}-code-${codeId}`;
}

function TreeItem({
  node,
  treeId,
  parentId,
  expanded,
  onToggle,
  selectedId,
  onSelect,
  showDefinitions,
  mergedName,
  extra,
  label,
}: CodeTreeProps & { node: CodeNode; treeId: string; parentId: string | null }) {
  const { t } = useTranslation();
  const { code, children } = node;
  const hasChildren = children.length > 0;
  const isOpen = hasChildren && expanded.has(code.id);
  const isSelected = selectedId === code.id;
  const groupId = `${treeId}-group-${code.id}`;
  const merged = code.mergedInto ? (mergedName?.(code) ?? null) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowRight' && hasChildren && !isOpen) {
      event.preventDefault();
      onToggle(code.id);
    } else if (event.key === 'ArrowLeft') {
      if (isOpen) {
        event.preventDefault();
        onToggle(code.id);
      } else if (parentId) {
        event.preventDefault();
        document.getElementById(codeButtonId(treeId, parentId))?.focus();
      }
    }
  };

  const name = (
    <>
      <span className="kl-cd-swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
      <span className="kl-cd-tree__name">{code.name}</span>
    </>
  );

  return (
    <li className="kl-cd-tree__item">
      <div className={cx('kl-cd-tree__row', isSelected && 'kl-cd-tree__row--selected')}>
        {hasChildren ? (
          <button
            type="button"
            className="kl-cd-tree__toggle"
            aria-expanded={isOpen}
            aria-controls={groupId}
            onClick={() => onToggle(code.id)}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
            <span className="kl-visually-hidden">
              {t('coding.tree.subcodesOf', { name: code.name, count: children.length })}
            </span>
          </button>
        ) : (
          <span className="kl-cd-tree__spacer" aria-hidden="true" />
        )}
        {onSelect ? (
          <button
            type="button"
            id={codeButtonId(treeId, code.id)}
            className="kl-cd-tree__select"
            aria-current={isSelected ? 'true' : undefined}
            onClick={() => onSelect(code)}
            onKeyDown={onKeyDown}
          >
            {name}
            {isSelected && <span className="kl-visually-hidden"> {t('coding.tree.chosen')}</span>}
          </button>
        ) : (
          <span className="kl-cd-tree__label">{name}</span>
        )}
        {code.archived && (
          <span className="kl-cd-tree__state">
            {merged
              ? t('coding.tree.mergedInto', { name: merged })
              : code.mergedInto
                ? t('coding.tree.merged')
                : t('coding.tree.archived')}
          </span>
        )}
        {extra?.(code)}
      </div>
      {showDefinitions && code.definition && (
        <p className="kl-cd-tree__definition">{code.definition}</p>
      )}
      {hasChildren && (
        <ul id={groupId} className="kl-cd-tree__group" hidden={!isOpen}>
          {isOpen &&
            children.map((child) => (
              <TreeItem
                key={child.code.id}
                node={child}
                treeId={treeId}
                parentId={code.id}
                nodes={[]}
                label={label}
                expanded={expanded}
                onToggle={onToggle}
                selectedId={selectedId}
                onSelect={onSelect}
                showDefinitions={showDefinitions}
                mergedName={mergedName}
                extra={extra}
              />
            ))}
        </ul>
      )}
    </li>
  );
}
