// Answers to an instrument's items, checked against the item of the version they are given
// under, and the progress of a dossier review per section. Used by the server (which refuses a
// wrong answer) and by the web (which can say so before sending).
//
// An answer's value depends on the item's answer type:
// - ynpu: 'yes' | 'partly' | 'no' | 'unknown' | 'not_applicable' (ja/deels/nee/onbekend/n.v.t.);
// - number: a number within the item's min and max (whole when the item says so);
// - date: an existing day yyyy-mm-dd, not in the future;
// - choice: one option code, or a list of distinct codes when the item allows several;
// - text: a non-empty text of at most 4000 characters.
// For every type, null means "onbekend": the dossier does not say. Progress counts an unknown
// answer as answered, and counts it separately so it can be flagged.
import {
  ynpuValues,
  type AnswerType,
  type InstrumentContent,
  type InstrumentItem,
  type InstrumentSection,
} from '../contract/instruments';
import { isValidIsoDay } from './fuzzy-date';

export type AnswerValue = string | number | string[] | null;

export const maxTextAnswerLength = 4000;

export function findItem(
  content: InstrumentContent,
  key: string,
): { section: InstrumentSection; item: InstrumentItem } | null {
  for (const section of content.sections) {
    const item = section.items.find((i) => i.key === key);
    if (item) return { section, item };
  }
  return null;
}

export type ValueCheck =
  { isValid: true; value: AnswerValue } | { isValid: false; message: string };

const invalid = (message: string): ValueCheck => ({ isValid: false, message });

/** Checks (and normalises: trims text, sorts multiple choices) a value for an answer type. */
export function checkAnswerValue(answer: AnswerType, value: unknown, today: string): ValueCheck {
  if (value === null) return { isValid: true, value: null };
  switch (answer.type) {
    case 'ynpu':
      return typeof value === 'string' && (ynpuValues as readonly string[]).includes(value)
        ? { isValid: true, value }
        : invalid('Kies ja, deels, nee, onbekend of niet van toepassing.');
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid('Vul een getal in.');
      if (answer.isInteger && !Number.isInteger(value)) return invalid('Vul een heel getal in.');
      if (answer.min !== undefined && value < answer.min)
        return invalid(`Vul een getal van minstens ${answer.min} in.`);
      if (answer.max !== undefined && value > answer.max)
        return invalid(`Vul een getal van hoogstens ${answer.max} in.`);
      return { isValid: true, value };
    }
    case 'date':
      if (typeof value !== 'string' || !isValidIsoDay(value))
        return invalid('Vul een datum in als jjjj-mm-dd.');
      if (value > today) return invalid('De datum ligt in de toekomst.');
      return { isValid: true, value };
    case 'choice': {
      const codes = new Set(answer.options.map((o) => o.code));
      if (answer.isMultiple) {
        if (
          !Array.isArray(value) ||
          value.length === 0 ||
          !value.every((v): v is string => typeof v === 'string' && codes.has(v))
        )
          return invalid('Kies een of meer keuzes uit de lijst.');
        if (new Set(value).size !== value.length) return invalid('Kies elke keuze één keer.');
        return { isValid: true, value: [...value].sort() };
      }
      return typeof value === 'string' && codes.has(value)
        ? { isValid: true, value }
        : invalid('Kies een keuze uit de lijst.');
    }
    case 'text': {
      if (typeof value !== 'string') return invalid('Vul een tekst in.');
      const trimmed = value.trim();
      if (trimmed === '') return invalid('Vul een tekst in, of kies onbekend.');
      if (trimmed.length > maxTextAnswerLength)
        return invalid(`Een antwoord mag hoogstens ${maxTextAnswerLength} tekens zijn.`);
      return { isValid: true, value: trimmed };
    }
  }
}

/** Whether an answer says "we do not know" (null, or the ynpu answer 'unknown'). */
export function isUnknownValue(value: AnswerValue): boolean {
  return value === null || value === 'unknown';
}

export type SectionProgress = {
  key: string;
  title: string;
  answered: number;
  total: number;
  unknown: number;
};
export type DossierProgress = {
  answered: number;
  total: number;
  unknown: number;
  sections: SectionProgress[];
};

/** Answered / total per section and overall; unknown answers count as answered and are flagged. */
export function dossierProgress(
  content: InstrumentContent,
  answers: readonly { itemKey: string; value: AnswerValue }[],
): DossierProgress {
  const byKey = new Map(answers.map((a) => [a.itemKey, a.value]));
  const sections = content.sections.map((section) => {
    let answered = 0;
    let unknown = 0;
    for (const item of section.items) {
      if (!byKey.has(item.key)) continue;
      answered += 1;
      if (isUnknownValue(byKey.get(item.key) ?? null)) unknown += 1;
    }
    return {
      key: section.key,
      title: section.title,
      answered,
      total: section.items.length,
      unknown,
    };
  });
  const sum = (field: 'answered' | 'total' | 'unknown') =>
    sections.reduce((n, s) => n + s[field], 0);
  return { answered: sum('answered'), total: sum('total'), unknown: sum('unknown'), sections };
}
