// Which programme a page shows: the one in the URL (?programma=), else the first the reader may
// use there. With more than one to choose from, a select above the page changes it.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../ui/SelectField';
import type { ActionProgramme } from './api';

export type ProgrammeChoiceState = {
  programme: ActionProgramme | null;
  options: ActionProgramme[];
  setProgramme: (id: string) => void;
};

export function useProgrammeChoice(
  programmes: ActionProgramme[] | undefined,
  isUsable: (programme: ActionProgramme) => boolean,
): ProgrammeChoiceState {
  const [searchParams, setSearchParams] = useSearchParams();
  const options = (programmes ?? []).filter(isUsable);
  const wanted = searchParams.get('programma');
  const programme = options.find((p) => p.id === wanted) ?? options[0] ?? null;
  return {
    programme,
    options,
    setProgramme: (id) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams();
        const view = previous.get('view');
        if (view) next.set('view', view);
        next.set('programma', id);
        return next;
      }),
  };
}

export function ProgrammeChoice({ choice }: { choice: ProgrammeChoiceState }) {
  const { t } = useTranslation();
  if (choice.options.length < 2 || !choice.programme) return null;
  return (
    <SelectField
      id="kl-act-programme"
      label={t('actions.programme')}
      value={choice.programme.id}
      options={choice.options.map((p) => ({ value: p.id, label: p.name }))}
      onChange={choice.setProgramme}
    />
  );
}
