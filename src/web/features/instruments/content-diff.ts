// The differences between two versions of an instrument's content, in words, for the screen
// that appears when someone else saved the draft meanwhile. Sections and items are matched by
// key (keys are what stays the same across versions), so a moved item shows as moved, not as
// one removed and one added.
import type { TFunction } from 'i18next';
import type { InstrumentContent } from '../../../shared/contract/instruments';
import { answerText } from './labels';

export type ContentDifference = {
  /** What differs, e.g. "Vraag ‘hulpvraag_soort’: tekst van de vraag". */
  label: string;
  yours: string;
  current: string;
};

type Item = InstrumentContent['sections'][number]['items'][number];

function itemsByKey(content: InstrumentContent) {
  const map = new Map<string, { item: Item; sectionKey: string }>();
  for (const section of content.sections)
    for (const item of section.items) map.set(item.key, { item, sectionKey: section.key });
  return map;
}

export function contentDifferences(
  yours: InstrumentContent,
  current: InstrumentContent,
  t: TFunction,
  language: string,
): ContentDifference[] {
  const differences: ContentDifference[] = [];
  const none = t('instruments.conflict.none');
  const absent = t('instruments.conflict.absent');
  const present = t('instruments.conflict.present');
  const add = (label: string, a: string, b: string) => {
    if (a !== b) differences.push({ label, yours: a || none, current: b || none });
  };

  add(t('instruments.conflict.title'), yours.title, current.title);
  add(t('instruments.conflict.description'), yours.description ?? '', current.description ?? '');

  const currentSections = new Map(current.sections.map((s) => [s.key, s]));
  const yourSections = new Map(yours.sections.map((s) => [s.key, s]));
  for (const section of yours.sections) {
    const label = t('instruments.conflict.section', { key: section.key });
    const other = currentSections.get(section.key);
    if (!other) {
      add(label, `${present}: ${section.title}`, absent);
      continue;
    }
    add(`${label}: ${t('instruments.conflict.sectionTitle')}`, section.title, other.title);
    add(
      `${label}: ${t('instruments.conflict.description')}`,
      section.description ?? '',
      other.description ?? '',
    );
  }
  for (const section of current.sections)
    if (!yourSections.has(section.key))
      add(
        t('instruments.conflict.section', { key: section.key }),
        absent,
        `${present}: ${section.title}`,
      );
  const order = (c: InstrumentContent) => c.sections.map((s) => s.title).join(' · ');
  if (yours.sections.map((s) => s.key).join() !== current.sections.map((s) => s.key).join())
    add(t('instruments.conflict.sectionOrder'), order(yours), order(current));

  const yourItems = itemsByKey(yours);
  const currentItems = itemsByKey(current);
  const sectionTitle = (content: InstrumentContent, key: string) =>
    content.sections.find((s) => s.key === key)?.title ?? key;
  for (const [key, { item, sectionKey }] of yourItems) {
    const label = t('instruments.conflict.item', { key });
    const other = currentItems.get(key);
    if (!other) {
      add(label, `${present}: ${item.question}`, absent);
      continue;
    }
    const field = (name: string) => `${label}: ${t(`instruments.conflict.${name}`)}`;
    add(field('question'), item.question, other.item.question);
    add(field('help'), item.help, other.item.help);
    add(
      field('answer'),
      answerText(item.answer, t, language),
      answerText(other.item.answer, t, language),
    );
    if (item.answer.type === 'choice' && other.item.answer.type === 'choice') {
      const options = (a: typeof item.answer) => a.options.map((o) => o.label).join(' · ');
      add(field('options'), options(item.answer), options(other.item.answer));
    }
    add(field('guideline'), item.guideline ?? '', other.item.guideline ?? '');
    const lanes = (i: Item) =>
      (i.timelineLanes ?? []).map((lane) => t(`instruments.lane.${lane}`)).join(', ');
    add(field('lanes'), lanes(item), lanes(other.item));
    add(
      field('sectionOf'),
      sectionTitle(yours, sectionKey),
      sectionTitle(current, other.sectionKey),
    );
  }
  for (const [key, { item }] of currentItems)
    if (!yourItems.has(key))
      add(t('instruments.conflict.item', { key }), absent, `${present}: ${item.question}`);
  for (const section of yours.sections) {
    const other = currentSections.get(section.key);
    if (!other) continue;
    const a = section.items.map((i) => i.key).filter((k) => other.items.some((o) => o.key === k));
    const b = other.items.map((i) => i.key).filter((k) => section.items.some((o) => o.key === k));
    if (a.join() !== b.join())
      add(
        t('instruments.conflict.itemOrder', { section: section.title }),
        a.join(', '),
        b.join(', '),
      );
  }
  return differences;
}
