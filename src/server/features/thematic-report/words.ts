// The thematic report's words in Dutch (default) and English, shared by every format.
import type { EvidenceIndicatorKey, EvidencePerspective } from '../../../shared/contract/evidence';
import type { ReportLanguage } from '../../../shared/contract/thematic-report';
import { suppressedMarker } from '../../../shared/domain/suppression';

/** At most this many bars in a chart of the report; the rest is in the CSV/XLSX export. */
export const chartMax = 12;

export const words = {
  nl: {
    title: 'Themarapport',
    subtitle: 'Rode draden en aanbevelingen uit de casusreviews',
    draft: 'Concept — nog niet gepubliceerd',
    version: (n: number) => `Gepubliceerde versie ${n}`,
    period: 'Periode',
    periodOpen: 'lopend',
    fewerThan: (t: number) => `minder dan ${t}`,
    cases: 'Besproken casussen',
    generated: 'Gemaakt op',
    threadsInReport: 'Rode draden in dit rapport',
    method: 'Hoe we leerden',
    methodText: (cases: string, perspectives: string) =>
      `We hebben ${cases} casussen van jongeren die geen passende hulp vonden samen bekeken: hun tijdlijn, het dossier, gesprekken met de jongere, ouders en professionals, en de casusreview. Wat zij vertelden is gecodeerd met één gedeeld codeboek. Codes die samen iets zeggen vormen een rode draad: een bevinding die in meerdere casussen terugkomt. Gehoorde perspectieven: ${perspectives}.`,
    methodStrength:
      'Bij elke rode draad staat hoe sterk het bewijs is: in hoeveel casussen, vanuit hoeveel perspectieven en in hoeveel soorten instellingen en regio’s we hem vonden. Geen enkel getal zegt iets over één jongere.',
    methodThreshold: (t: number) =>
      `Aantallen kleiner dan ${t} tonen we niet (${suppressedMarker}), en ook niet de aantallen waaruit zo’n klein aantal te herleiden is. Percentages en medianen op basis van verborgen aantallen tonen we evenmin.`,
    methodQuotes:
      'Citaten staan er alleen in als de jongere of ouder daar toestemming voor gaf; wie die toestemming intrekt, staat in geen enkele nieuwe uitgave meer.',
    methodRecommendations:
      'Per rode draad volgen de aanbevelingen per groep. Ervaringsdeskundigen hebben ze beoordeeld voordat ze werden gepubliceerd.',
    threadLabel: (n: number) => `Rode draad ${n}`,
    bigCases: 'casussen',
    bigShare: 'van alle casussen',
    bigPerspectives: 'perspectieven',
    bigTypes: 'soorten instellingen',
    notShown: 'niet getoond',
    allHidden: 'Alle aantallen in deze verdeling zijn klein en daarom niet getoond.',
    moreInExport: (n: number) =>
      `Alleen de ${chartMax} grootste staan in de grafiek; de andere ${n} staan in de CSV- en XLSX-export.`,
    byInstitutionType: 'Casussen per soort instelling',
    byRegion: 'Casussen per regio',
    chartNote: (marker: string) =>
      `Aantal casussen met deze rode draad; ${marker} = klein aantal, niet getoond.`,
    indicators: 'Wat de tijdlijnen laten zien',
    indicatorsNote: 'Mediaan van casussen met deze rode draad, naast de andere casussen.',
    indicator: 'Kenmerk',
    withThread: 'Met deze rode draad',
    others: 'Andere casussen',
    noIndicators: 'Te weinig casussen om kenmerken te tonen.',
    quotes: 'In hun woorden',
    recommendations: 'Aanbevelingen',
    noRecommendations: 'Nog geen gepubliceerde aanbevelingen bij deze rode draad.',
    approvedMark: 'goedgekeurd, nog niet gepubliceerd',
    recommendationNumber: (n: number) => `Aanbeveling ${n}`,
    coherence: 'Samenhang tussen aanbevelingen',
    coherenceIntro:
      'Aanbevelingen versterken elkaar. Deze hangen samen en werken het best als ze samen worden opgepakt.',
    noCoherence: 'Er zijn (nog) geen aanbevelingen aan elkaar gekoppeld.',
    coherenceLine: (a: string, b: string) => `${a} hangt samen met ${b}`,
    page: 'pagina',
    section: 'Onderdeel',
    thread: 'Rode draad',
    group: 'Groep',
    measure: 'Maat',
    value: 'Waarde',
    count: 'Aantal casussen',
    of: 'Van',
    share: 'Percentage',
    median: 'Mediaan',
    n: 'Aantal casussen met een waarde',
    total: 'Totaal',
    perspective: 'Perspectief',
    byPerspective: 'Casussen per perspectief',
    perspectives: {
      youth: 'jongere',
      parent: 'ouder',
      main_practitioner: 'hoofdbehandelaar',
      other_professional: 'andere professional',
      network: 'netwerk',
      dossier: 'dossier',
    } satisfies Record<EvidencePerspective, string>,
    indicatorNames: {
      placementChanges: 'Wisselingen van verblijfplek',
      schoolChanges: 'Schoolwisselingen',
      monthsWithoutSchool: 'Maanden zonder school',
      careProviders: 'Aantal zorgaanbieders',
      earlySignalGap: 'Jaren van eerste signaal tot specialistische hulp',
      diagnosesRevised: 'Herziene diagnoses',
    } satisfies Record<EvidenceIndicatorKey, string>,
  },
  en: {
    title: 'Thematic report',
    subtitle: 'Threads and recommendations from the case reviews',
    draft: 'Draft — not yet published',
    version: (n: number) => `Published version ${n}`,
    period: 'Period',
    periodOpen: 'ongoing',
    fewerThan: (t: number) => `fewer than ${t}`,
    cases: 'Cases reviewed',
    generated: 'Generated on',
    threadsInReport: 'Threads in this report',
    method: 'How we learned',
    methodText: (cases: string, perspectives: string) =>
      `Together we reviewed ${cases} cases of young people who found no fitting help: their timeline, the care file, conversations with the young person, parents and professionals, and the case review. What they told us was coded with one shared codebook. Codes that together say something form a thread: a finding that recurs across cases. Perspectives heard: ${perspectives}.`,
    methodStrength:
      'Each thread shows how strong its evidence is: in how many cases, from how many perspectives and in how many kinds of institutions and regions we found it. No figure says anything about one young person.',
    methodThreshold: (t: number) =>
      `Counts below ${t} are not shown (${suppressedMarker}), nor the counts such a small count could be derived from. Percentages and medians based on hidden counts are not shown either.`,
    methodQuotes:
      'Quotes appear only with the consent of the young person or parent; whoever withdraws it is left out of every later copy.',
    methodRecommendations:
      'Each thread is followed by its recommendations per group. Experts by experience reviewed them before publication.',
    threadLabel: (n: number) => `Thread ${n}`,
    bigCases: 'cases',
    bigShare: 'of all cases',
    bigPerspectives: 'perspectives',
    bigTypes: 'kinds of institutions',
    notShown: 'not shown',
    allHidden: 'Every count in this split is small and therefore not shown.',
    moreInExport: (n: number) =>
      `Only the ${chartMax} largest are in the chart; the other ${n} are in the CSV and XLSX export.`,
    byInstitutionType: 'Cases by kind of institution',
    byRegion: 'Cases by region',
    chartNote: (marker: string) =>
      `Number of cases with this thread; ${marker} = small count, not shown.`,
    indicators: 'What the timelines show',
    indicatorsNote: 'Median of cases with this thread, next to the other cases.',
    indicator: 'Measure',
    withThread: 'With this thread',
    others: 'Other cases',
    noIndicators: 'Too few cases to show measures.',
    quotes: 'In their words',
    recommendations: 'Recommendations',
    noRecommendations: 'No published recommendations for this thread yet.',
    approvedMark: 'approved, not yet published',
    recommendationNumber: (n: number) => `Recommendation ${n}`,
    coherence: 'How the recommendations hang together',
    coherenceIntro:
      'Recommendations reinforce each other. These belong together and work best when taken up together.',
    noCoherence: 'No recommendations have been linked to each other (yet).',
    coherenceLine: (a: string, b: string) => `${a} hangs together with ${b}`,
    page: 'page',
    section: 'Section',
    thread: 'Thread',
    group: 'Group',
    measure: 'Measure',
    value: 'Value',
    count: 'Number of cases',
    of: 'Of',
    share: 'Percentage',
    median: 'Median',
    n: 'Cases with a value',
    total: 'Total',
    perspective: 'Perspective',
    byPerspective: 'Cases by perspective',
    perspectives: {
      youth: 'young person',
      parent: 'parent',
      main_practitioner: 'main practitioner',
      other_professional: 'other professional',
      network: 'network',
      dossier: 'care file',
    } satisfies Record<EvidencePerspective, string>,
    indicatorNames: {
      placementChanges: 'Changes of placement',
      schoolChanges: 'School changes',
      monthsWithoutSchool: 'Months without school',
      careProviders: 'Number of care providers',
      earlySignalGap: 'Years from first signal to specialist help',
      diagnosesRevised: 'Diagnoses revised',
    } satisfies Record<EvidenceIndicatorKey, string>,
  },
} as const;

export type Words = (typeof words)[ReportLanguage];

export function number(value: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
}

export function dateText(iso: string, lang: ReportLanguage): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
