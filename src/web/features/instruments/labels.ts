// How an instrument's parts are said in words: an answer type with its settings ("Getal, 0 tot
// 18, jaren, alleen hele getallen"), who published a version, and a JSON path of an import
// error ("onderdeel 1 ‘Hulpvraag’ › vraag 2 ‘Waar ging…’ › sleutel").
import type { TFunction } from 'i18next';
import type { AnswerType, InstrumentVersion } from '../../../shared/contract/instruments';

const quoteMax = 60;

function quoted(text: string): string {
  const short = text.length > quoteMax ? `${text.slice(0, quoteMax - 1)}…` : text;
  return `‘${short}’`;
}

/** The answer type and its settings in one line. */
export function answerText(answer: AnswerType, t: TFunction, language: string): string {
  const name = t(`instruments.answerType.${answer.type}`);
  if (answer.type === 'number') {
    const format = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL');
    const parts = [name];
    if (answer.min !== undefined && answer.max !== undefined)
      parts.push(
        t('instruments.answer.range', { min: format(answer.min), max: format(answer.max) }),
      );
    else if (answer.min !== undefined)
      parts.push(t('instruments.answer.atLeast', { min: format(answer.min) }));
    else if (answer.max !== undefined)
      parts.push(t('instruments.answer.atMost', { max: format(answer.max) }));
    if (answer.unit) parts.push(answer.unit);
    if (answer.isInteger) parts.push(t('instruments.answer.integer'));
    return parts.join(', ');
  }
  if (answer.type === 'choice') {
    const many = answer.isMultiple
      ? t('instruments.answer.multiple')
      : t('instruments.answer.single');
    return `${name} (${t('instruments.answer.optionCount', { count: answer.options.length })}, ${many})`;
  }
  return name;
}

/** Who published a version: a person's name, or Ketenlens itself for the loaded defaults. */
export function publisherText(version: Pick<InstrumentVersion, 'publishedBy'>, t: TFunction) {
  return version.publishedBy ? version.publishedBy : t('instruments.publishedBySystem');
}

/** The names in an instrument document that have a word of their own. */
export const pathFields = [
  'format',
  'formatVersion',
  'code',
  'kind',
  'number',
  'title',
  'description',
  'sections',
  'items',
  'key',
  'question',
  'help',
  'answer',
  'type',
  'min',
  'max',
  'unit',
  'isInteger',
  'options',
  'label',
  'isMultiple',
  'guideline',
  'timelineLanes',
] as const;

function isPathField(name: string): name is (typeof pathFields)[number] {
  return (pathFields as readonly string[]).includes(name);
}

type Node = Record<string, unknown>;

function childOf(node: unknown, part: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return (node as Node)[part];
}

function textOf(node: unknown, field: string): string {
  const value = childOf(node, field);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : '';
}

/**
 * A path in an imported document in words, with the titles and questions the document itself
 * gives where it has them: `content.sections.0.items.1.key` → "onderdeel 1 ‘Hulpvraag’ ›
 * vraag 2 ‘Waar ging de hulpvraag vooral over?’ › sleutel".
 */
export function pathInWords(path: string, document: unknown, t: TFunction): string {
  const parts = path.split('.').filter((p) => p !== '');
  const words: string[] = [];
  let node: unknown = document;
  let parent = '';
  for (const part of parts) {
    const next = childOf(node, part);
    if (/^\d+$/.test(part)) {
      const number = Number(part) + 1;
      if (parent === 'sections') {
        const title = textOf(next, 'title');
        words.push(t('instruments.path.section', { number }) + (title ? ` ${quoted(title)}` : ''));
      } else if (parent === 'items') {
        const question = textOf(next, 'question');
        words.push(
          t('instruments.path.item', { number }) + (question ? ` ${quoted(question)}` : ''),
        );
      } else if (parent === 'options') {
        const label = textOf(next, 'label');
        words.push(t('instruments.path.option', { number }) + (label ? ` ${quoted(label)}` : ''));
      } else words.push(String(number));
    } else if (part === 'content') {
      // Everything is content; saying so adds nothing, except for the content itself.
      if (parts.length === 1) words.push(t('instruments.path.content'));
    } else if (part !== 'sections' && part !== 'items' && part !== 'options') {
      words.push(isPathField(part) ? t(`instruments.path.field.${part}`) : part);
    } else if (parts[parts.length - 1] === part) {
      words.push(t(`instruments.path.field.${part}`));
    }
    parent = part;
    node = next;
  }
  return words.length > 0 ? words.join(' › ') : t('instruments.path.document');
}
