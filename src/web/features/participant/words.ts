// Plain words for the participant's pages: the sentence that tells one access-log entry
// ("Op 3 maart om 14:05 heeft Pieter (onderzoeker) je tijdlijn bekeken."), and the fuzzy date
// the "Wanneer was het?" choice stands for.
import type { TFunction } from 'i18next';
import type { FuzzyDate } from '../../../shared/domain/timeline';
import type { MyAccessEntry } from './api';

const intlLocale = { nl: 'nl-NL', en: 'en-GB' } as const;

function has(t: TFunction, key: string): boolean {
  return t(key, { defaultValue: '' }) !== '';
}

/** One access-log entry as a sentence, in the Netherlands' time zone. */
export function accessSentence(
  entry: MyAccessEntry,
  t: TFunction,
  language: string,
  options: { selfName: string | null; now?: Date },
): string {
  const locale = intlLocale[language === 'en' ? 'en' : 'nl'];
  const at = new Date(entry.at);
  const now = options.now ?? new Date();
  const year = (d: Date) =>
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(d);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    ...(year(at) === year(now) ? {} : { year: 'numeric' }),
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  const when = t('participant.access.when', { date, time });
  const isSelf = options.selfName !== null && entry.who === options.selfName;
  const roleKey = `participant.access.role.${entry.role ?? ''}`;
  const name = entry.who || t('participant.access.someone');
  const who =
    entry.role && has(t, roleKey)
      ? t('participant.access.whoWithRole', { who: name, role: t(roleKey) })
      : name;
  const isDenied = entry.outcome === 'denied';
  const group = isDenied ? 'triedWhat' : 'doneWhat';
  const specific = `participant.access.${group}.${entry.resourceType}.${entry.action}`;
  const what = has(t, specific) ? t(specific) : t(`participant.access.${group}.other`);
  const sentence = isDenied ? 'tried' : 'done';
  return t(`participant.access.${sentence}${isSelf ? 'Self' : ''}`, { when, who, what });
}

export const whenChoices = ['day', 'month', 'year', 'age'] as const;
export type WhenChoice = (typeof whenChoices)[number];

export type WhenValues = {
  choice: WhenChoice;
  /** yyyy-mm-dd from the date input. */
  date: string;
  month: string;
  year: string;
  age: string;
};

export type WhenProblem = 'missingDate' | 'badYear' | 'badAge';

const wholeNumber = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text) : null);

/** The fuzzy date the form's answer stands for, or what is wrong with it. */
export function fuzzyDateOf(values: WhenValues): FuzzyDate | WhenProblem {
  switch (values.choice) {
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(values.date)
        ? { precision: 'day', date: values.date }
        : 'missingDate';
    case 'month': {
      const year = wholeNumber(values.year);
      const month = Number(values.month);
      if (!values.month) return 'missingDate';
      if (year === null || year < 1950) return 'badYear';
      return { precision: 'month', year, month };
    }
    case 'year': {
      const year = wholeNumber(values.year);
      if (!values.year.trim()) return 'missingDate';
      if (year === null || year < 1950) return 'badYear';
      return { precision: 'year', year };
    }
    case 'age': {
      if (!values.age.trim()) return 'missingDate';
      const age = wholeNumber(values.age);
      if (age === null || age > 30) return 'badAge';
      return { precision: 'age', age };
    }
  }
}
