// Sets up react-i18next: Dutch by default, English available. The choice is remembered in
// localStorage and <html lang> follows it, so screen readers pronounce the page right.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import analysisEn from '../features/analysis/i18n/en.json';
import analysisNl from '../features/analysis/i18n/nl.json';
import dossierEn from '../features/dossier/i18n/en.json';
import dossierNl from '../features/dossier/i18n/nl.json';
import codingEn from '../features/coding/i18n/en.json';
import codingNl from '../features/coding/i18n/nl.json';
import interviewsEn from '../features/interviews/i18n/en.json';
import interviewsNl from '../features/interviews/i18n/nl.json';
import instrumentsEn from '../features/instruments/i18n/en.json';
import instrumentsNl from '../features/instruments/i18n/nl.json';
import meetingsEn from '../features/meetings/i18n/en.json';
import meetingsNl from '../features/meetings/i18n/nl.json';
import participantEn from '../features/participant/i18n/en.json';
import participantNl from '../features/participant/i18n/nl.json';
import referenceListsEn from '../features/reference-lists/i18n/en.json';
import referenceListsNl from '../features/reference-lists/i18n/nl.json';
import timelineEn from '../features/timeline/i18n/en.json';
import timelineNl from '../features/timeline/i18n/nl.json';
import en from './en.json';
import nl from './nl.json';

/** Each language's texts: the app's files plus those a feature keeps next to its code. */
export const translations = {
  nl: {
    ...nl,
    ...timelineNl,
    ...participantNl,
    ...referenceListsNl,
    ...meetingsNl,
    ...dossierNl,
    ...analysisNl,
    ...instrumentsNl,
    ...interviewsNl,
    ...codingNl,
  },
  en: {
    ...en,
    ...timelineEn,
    ...participantEn,
    ...referenceListsEn,
    ...meetingsEn,
    ...dossierEn,
    ...analysisEn,
    ...instrumentsEn,
    ...interviewsEn,
    ...codingEn,
  },
};

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'ketenlens.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    // Storage can be blocked (private mode, strict settings): Dutch is the sensible default.
    return 'nl';
  }
}

function applyToDocument(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: translations.nl }, en: { translation: translations.en } },
  lng: readStoredLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyToDocument(i18n.language);

i18n.on('languageChanged', (language) => {
  applyToDocument(language);
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Not remembered, but the switch itself still works for this visit.
  }
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'nl';
}

export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
}

export { i18n };
