// One version's content, read-only: its description, then per section its title, key and
// description and its items in order, each with its question, key, answer type and settings
// (the options of a choice list), help text, guideline and timeline-lane hint.
import { Heading } from '@nl-design-system-candidate/heading-react';
import { useTranslation } from 'react-i18next';
import type { InstrumentContent } from '../../../shared/contract/instruments';
import { DataList, type DataItem } from '../../ui/DataList';
import { answerText } from './labels';

type Item = InstrumentContent['sections'][number]['items'][number];

function ItemView({ item, number }: { item: Item; number: string }) {
  const { t, i18n } = useTranslation();
  const facts: DataItem[] = [
    {
      key: 'key',
      label: t('instruments.field.key'),
      value: <code className="kl-in-code">{item.key}</code>,
    },
    {
      key: 'answer',
      label: t('instruments.field.answerType'),
      value:
        item.answer.type === 'choice' ? (
          <>
            {answerText(item.answer, t, i18n.language)}
            <ul className="kl-in-view__options">
              {item.answer.options.map((option) => (
                <li key={option.code}>
                  {option.label} <code className="kl-in-code">{option.code}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          answerText(item.answer, t, i18n.language)
        ),
    },
  ];
  if (item.help) facts.push({ key: 'help', label: t('instruments.field.help'), value: item.help });
  if (item.guideline)
    facts.push({
      key: 'guideline',
      label: t('instruments.field.guideline'),
      value: item.guideline,
    });
  if (item.timelineLanes?.length)
    facts.push({
      key: 'lanes',
      label: t('instruments.field.lanes'),
      value: item.timelineLanes.map((lane) => t(`instruments.lane.${lane}`)).join(', '),
    });
  return (
    <li className="kl-in-view__item">
      <Heading level={3} className="kl-in-view__question">
        <span className="kl-in-item__number">{number}</span> {item.question}
      </Heading>
      <DataList items={facts} />
    </li>
  );
}

export function VersionView({ content }: { content: InstrumentContent }) {
  const { t } = useTranslation();
  return (
    <div className="kl-in-view">
      {content.description && <p className="nl-paragraph kl-in-intro">{content.description}</p>}
      {content.sections.map((section, s) => (
        <section key={section.key} className="kl-section" aria-labelledby={`view-${section.key}`}>
          <Heading level={2} id={`view-${section.key}`}>
            {t('instruments.view.section', { number: s + 1, title: section.title })}
          </Heading>
          <p className="kl-in-view__key">
            {t('instruments.field.key')}: <code className="kl-in-code">{section.key}</code>
          </p>
          {section.description && <p className="nl-paragraph kl-in-intro">{section.description}</p>}
          <ol className="kl-in-view__items">
            {section.items.map((item, i) => (
              <ItemView key={item.key} item={item} number={`${s + 1}.${i + 1}`} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
