// Switches the interface between Dutch and English. Each option is written in its own
// language (and marked with lang) so everyone recognises theirs.
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

const options: { language: Language; name: string }[] = [
  { language: 'nl', name: 'Nederlands' },
  { language: 'en', name: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="kl-language" role="group" aria-label={t('shell.language')}>
      {options.map((option) => (
        <button
          key={option.language}
          type="button"
          lang={option.language}
          className="kl-language__option"
          aria-pressed={i18n.language === option.language}
          onClick={() => void setLanguage(option.language)}
        >
          {option.name}
        </button>
      ))}
    </div>
  );
}
