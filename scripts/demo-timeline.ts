// The life course of the demo case: a fictional youth (born 2011) who ends up in Jeugdzorgplus.
// Told from several perspectives, with dates as precise as people remember them. Every name and
// place is made up; settings have pseudonymous references ("pleeggezin B").
import type { RequestContext } from '../src/server/db/context';
import type { CaseAccess } from '../src/server/features/cases/case-guard';
import { caseResource } from '../src/server/features/cases/queries';
import { addComment, addItem } from '../src/server/features/timeline/save-item';
import type { Actor } from '../src/server/policy/policy';
import type { FuzzyDate, Perspective, TimelineLane, Valence } from '../src/shared/domain/timeline';

type Story = {
  key?: string;
  kind?: 'event' | 'period';
  lane: TimelineLane;
  title: string;
  description?: string;
  start: FuzzyDate;
  end?: FuzzyDate | null;
  valence?: Valence;
  source: Perspective;
  teller?: 'youth' | 'mother';
  category?: string;
  reference?: string;
  waitingDays?: number;
  signal?: boolean;
  revises?: string;
  comments?: { by: 'youth' | 'mother' | null; perspective: Perspective; text: string }[];
};

const day = (date: string): FuzzyDate => ({ precision: 'day', date });
const month = (year: number, m: number): FuzzyDate => ({ precision: 'month', year, month: m });
const year = (y: number): FuzzyDate => ({ precision: 'year', year: y });
const age = (a: number): FuzzyDate => ({ precision: 'age', age: a });
const season = (y: number, s: 'winter' | 'spring' | 'summer' | 'autumn'): FuzzyDate => ({
  precision: 'season',
  year: y,
  season: s,
});

export const demoStory: Story[] = [
  // Wonen
  {
    kind: 'period',
    lane: 'living',
    title: 'Thuis bij moeder en vader',
    start: age(0),
    end: season(2017, 'spring'),
    source: 'parent',
    teller: 'mother',
    category: 'parental_home',
    reference: 'ouderlijk huis',
    valence: 'positive',
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Thuis bij moeder',
    start: season(2017, 'spring'),
    end: month(2019, 10),
    source: 'youth',
    teller: 'youth',
    category: 'parental_home',
    reference: 'huis moeder',
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Bij oma gewoond',
    start: month(2019, 10),
    end: month(2020, 6),
    source: 'youth',
    teller: 'youth',
    category: 'kinship_foster_care',
    reference: 'oma',
    valence: 'positive',
    comments: [
      { by: 'youth', perspective: 'youth', text: 'Bij oma was het rustig. Ik wilde daar blijven.' },
    ],
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Pleeggezin A',
    start: month(2020, 7),
    end: month(2021, 3),
    source: 'dossier',
    category: 'foster_family',
    reference: 'pleeggezin A',
    valence: 'negative',
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Pleeggezin B',
    start: day('2021-04-12'),
    end: month(2022, 1),
    source: 'dossier',
    category: 'foster_family',
    reference: 'pleeggezin B',
    valence: 'negative',
    comments: [
      {
        by: 'youth',
        perspective: 'youth',
        text: 'Daar voelde ik me niet welkom. Niemand vroeg wat ik wilde.',
      },
      {
        by: null,
        perspective: 'professional',
        text: 'Pleegouders gaven aan de zorg niet meer aan te kunnen; er was geen tijd voor een goede overdracht.',
      },
    ],
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Gezinshuis De Linde',
    start: month(2022, 2),
    end: month(2023, 9),
    source: 'professional',
    category: 'gezinshuis',
    reference: 'gezinshuis De Linde',
    valence: 'positive',
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Open groep',
    start: month(2023, 10),
    end: day('2024-05-12'),
    source: 'dossier',
    category: 'open_group',
    reference: 'open groep Het Anker',
    valence: 'negative',
  },
  {
    kind: 'period',
    lane: 'living',
    title: 'Jeugdzorgplus',
    start: day('2024-05-13'),
    end: null,
    source: 'dossier',
    category: 'jeugdzorgplus',
    reference: 'jeugdzorgplus-instelling Noord',
  },
  // School
  {
    kind: 'period',
    lane: 'school',
    title: 'Basisschool',
    start: age(4),
    end: season(2019, 'summer'),
    source: 'parent',
    teller: 'mother',
    category: 'regular',
    reference: 'basisschool De Regenboog',
  },
  {
    lane: 'school',
    title: 'Juf maakt zich zorgen over concentratie en boosheid',
    start: year(2016),
    source: 'parent',
    teller: 'mother',
    valence: 'negative',
    signal: true,
    comments: [
      {
        by: 'mother',
        perspective: 'parent',
        text: 'Ik werd toen al vaak gebeld. Ik wist niet waar ik hulp kon vragen.',
      },
    ],
  },
  {
    kind: 'period',
    lane: 'school',
    title: 'Speciaal basisonderwijs',
    start: month(2019, 9),
    end: month(2022, 7),
    source: 'dossier',
    category: 'special',
    reference: 'sbo De Brug',
  },
  {
    kind: 'period',
    lane: 'school',
    title: 'Voortgezet speciaal onderwijs',
    start: month(2022, 9),
    end: month(2023, 11),
    source: 'dossier',
    category: 'special',
    reference: 'vso Het Kompas',
  },
  {
    kind: 'period',
    lane: 'school',
    title: 'Thuiszitten',
    start: month(2023, 11),
    end: month(2024, 5),
    source: 'youth',
    teller: 'youth',
    category: 'none',
    valence: 'negative',
    comments: [
      {
        by: 'youth',
        perspective: 'youth',
        text: 'Ik deed de hele dag niks. Niemand kwam langs van school.',
      },
    ],
  },
  {
    kind: 'period',
    lane: 'school',
    title: 'Onderwijs op de instelling',
    start: month(2024, 6),
    end: null,
    source: 'professional',
    category: 'special',
    reference: 'school jeugdzorgplus Noord',
    valence: 'positive',
  },
  // Hulp en zorg
  {
    lane: 'care',
    title: 'Opvoedadvies consultatiebureau',
    start: year(2014),
    source: 'parent',
    teller: 'mother',
    category: 'parenting_support',
    reference: 'consultatiebureau',
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Gezinscoach wijkteam',
    start: season(2017, 'autumn'),
    end: season(2018, 'summer'),
    source: 'parent',
    teller: 'mother',
    category: 'ambulant',
    reference: 'wijkteam Oost',
    valence: 'positive',
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Behandeling jeugd-GGZ',
    start: month(2019, 3),
    end: month(2020, 3),
    source: 'dossier',
    category: 'jeugd_ggz',
    reference: 'GGZ-aanbieder Zon',
    waitingDays: 210,
    description: 'Na een wachttijd van zeven maanden gestart; gericht op de ADHD-klachten.',
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Crisisopvang',
    start: day('2019-10-02'),
    end: day('2019-10-30'),
    source: 'dossier',
    category: 'crisis',
    reference: 'crisisdienst regio',
    valence: 'negative',
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Dagbehandeling',
    start: month(2020, 9),
    end: month(2021, 6),
    source: 'dossier',
    category: 'day_treatment',
    reference: 'dagbehandeling De Vlinder',
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Traumabehandeling',
    start: month(2022, 4),
    end: month(2023, 6),
    source: 'professional',
    category: 'jeugd_ggz',
    reference: 'GGZ-aanbieder Maan',
    waitingDays: 95,
    valence: 'positive',
    comments: [{ by: 'youth', perspective: 'youth', text: 'Deze behandelaar luisterde echt.' }],
  },
  {
    kind: 'period',
    lane: 'care',
    title: 'Behandeling in Jeugdzorgplus',
    start: day('2024-05-13'),
    end: null,
    source: 'dossier',
    category: 'residential',
    reference: 'jeugdzorgplus-instelling Noord',
  },
  // Diagnoses
  {
    key: 'adhd',
    lane: 'diagnosis',
    title: 'Diagnose ADHD',
    start: month(2019, 5),
    source: 'dossier',
  },
  {
    lane: 'diagnosis',
    title: 'Vermoeden hechtingsproblematiek',
    start: year(2020),
    source: 'dossier',
  },
  {
    lane: 'diagnosis',
    title: 'PTSS; ADHD-diagnose herzien',
    start: month(2022, 6),
    source: 'dossier',
    revises: 'adhd',
    description: 'De concentratieproblemen worden nu vooral gezien als gevolg van trauma.',
  },
  // Justitie en bescherming
  {
    kind: 'period',
    lane: 'justice',
    title: 'Ondertoezichtstelling',
    start: month(2019, 9),
    end: null,
    source: 'dossier',
    category: 'ots',
    reference: 'gecertificeerde instelling',
  },
  {
    lane: 'justice',
    title: 'Machtiging gesloten jeugdhulp',
    start: day('2024-05-10'),
    source: 'dossier',
    category: 'machtiging_gesloten',
    valence: 'negative',
  },
  // Gezin en gebeurtenissen
  {
    lane: 'family',
    title: 'Broertje geboren',
    start: year(2014),
    source: 'parent',
    teller: 'mother',
    valence: 'positive',
  },
  {
    lane: 'family',
    title: 'Ouders gaan uit elkaar',
    start: season(2017, 'spring'),
    source: 'youth',
    teller: 'youth',
    valence: 'negative',
    signal: true,
    comments: [
      { by: 'youth', perspective: 'youth', text: 'Ik dacht dat het mijn schuld was.' },
      {
        by: 'mother',
        perspective: 'parent',
        text: 'Er was al lang veel ruzie. Dat heeft Jay allemaal meegekregen.',
      },
    ],
  },
  {
    lane: 'family',
    title: 'Vader verhuist naar het buitenland',
    start: year(2018),
    source: 'youth',
    teller: 'youth',
    valence: 'negative',
  },
  {
    lane: 'family',
    title: 'Moeder opgenomen in het ziekenhuis',
    start: month(2019, 9),
    source: 'parent',
    teller: 'mother',
    valence: 'negative',
  },
  {
    lane: 'family',
    title: 'Oma overleden',
    start: season(2023, 'summer'),
    source: 'youth',
    teller: 'youth',
    valence: 'negative',
  },
  {
    lane: 'family',
    title: 'Eerste weekendverlof bij moeder',
    start: month(2025, 2),
    source: 'parent',
    teller: 'mother',
    valence: 'positive',
  },
  // Belangrijke mensen
  {
    kind: 'period',
    lane: 'people',
    title: 'Juf Anja',
    start: age(6),
    end: season(2019, 'summer'),
    source: 'youth',
    teller: 'youth',
    reference: 'juf basisschool',
    valence: 'positive',
  },
  {
    kind: 'period',
    lane: 'people',
    title: 'Voetbaltrainer',
    start: year(2021),
    end: year(2023),
    source: 'youth',
    teller: 'youth',
    reference: 'trainer voetbalclub',
    valence: 'positive',
  },
  {
    kind: 'period',
    lane: 'people',
    title: 'Groepsleider in Jeugdzorgplus',
    start: month(2024, 6),
    end: null,
    source: 'youth',
    teller: 'youth',
    reference: 'mentor op de groep',
    valence: 'positive',
  },
];

/** Adds the demo story to a case through the same commands the API uses. */
export async function seedDemoTimeline(
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  people: { youth: string; mother: string },
) {
  const resource = await caseResource(ctx.db, caseId);
  const access: CaseAccess = { actor: ctx.actor, grounds: 'team_membership', resource };
  const ids = new Map<string, string>();
  const who = (by: 'youth' | 'mother' | null | undefined) =>
    by === 'youth' ? people.youth : by === 'mother' ? people.mother : null;
  for (const entry of demoStory) {
    const item = await addItem({ ...ctx, access }, caseId, {
      kind: entry.kind ?? 'event',
      lane: entry.lane,
      title: entry.title,
      description: entry.description ?? '',
      start: entry.start,
      end: entry.end ?? null,
      valence: entry.valence ?? 'neutral',
      source: entry.source,
      sourceParticipantId: who(entry.teller),
      categoryCode: entry.category ?? null,
      reference: entry.reference ?? null,
      waitingDays: entry.waitingDays ?? null,
      isSignal: entry.signal ?? false,
      revisesItemId: entry.revises ? (ids.get(entry.revises) ?? null) : null,
    });
    if (entry.key) ids.set(entry.key, item.id);
    for (const comment of entry.comments ?? []) {
      await addComment({ ...ctx, access }, caseId, item.id, {
        perspective: comment.perspective,
        participantId: who(comment.by),
        text: comment.text,
      });
    }
  }
  return demoStory.length;
}
