// The one-page summary "what happened with what we learned" of a programme, for the youth and
// parents whose case belongs to it, experts by experience, and everyone else in the programme:
// plain language (B1), Dutch or English. Per stakeholder group what was agreed, what has been
// done and what it changed, with counts. Only actions from `agreed` on, and only what was
// written for this page (the plain summary and result), the organisation and dates: never a
// description, follow-up, reason or the name of a person. Rendered as a page and as a PDF.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from '../../documents/pdfmake';
import type { ActionStatus, ActionSummary } from '../../../shared/contract/actions';
import type { StakeholderGroup } from '../../../shared/contract/organisations';

type Language = 'nl' | 'en';

type SummaryInput = {
  programmeName: string;
  stakeholderGroups: StakeholderGroup[];
  actions: {
    stakeholderGroup: string;
    status: string;
    title: string;
    plainSummary: string;
    plainResult: string;
    dueOn: string;
    organisation: string;
  }[];
  today: string;
};

const words = {
  nl: {
    title: 'Wat er gebeurde met wat we leerden',
    intro: (programme: string) => [
      `In ${programme} keken we samen terug op de hulp aan jongeren en hun gezin. Jongeren, ouders, ervaringsdeskundigen en mensen uit de hulp vertelden wat goed ging en wat beter moest.`,
      'Daarna spraken we af wat er anders moet. Op deze pagina lees je wat we afspraken, wat er al gebeurd is en wat het veranderde. Er staan geen namen in en niets over één jongere of gezin.',
    ],
    status: {
      proposed: 'voorgesteld',
      agreed: 'afgesproken, nog niet begonnen',
      in_progress: 'we zijn ermee bezig',
      done: 'klaar',
      evaluated: 'klaar, en we hebben gekeken wat het opleverde',
      dropped: 'gestopt',
    } satisfies Record<ActionStatus, string>,
    due: (month: string, isLate: boolean) =>
      isLate ? `Had klaar moeten zijn in ${month}` : `Moet klaar zijn in ${month}`,
    sentence: (label: string, c: Counts) =>
      `Voor ${label.toLowerCase()} spraken we ${c.agreed} ${c.agreed === 1 ? 'ding' : 'dingen'} af. ` +
      [
        c.done ? `${c.done} ${c.done === 1 ? 'is' : 'zijn'} klaar` : '',
        c.underway ? `${c.underway} ${c.underway === 1 ? 'loopt' : 'lopen'} nog` : '',
        c.dropped ? `${c.dropped} ${c.dropped === 1 ? 'is' : 'zijn'} gestopt` : '',
      ]
        .filter(Boolean)
        .join(', ') +
      '.',
    noActions:
      'Er zijn nog geen afspraken gemaakt. Zodra er iets is afgesproken, lees je het hier.',
    generated: (day: string) => `Gemaakt op ${day}.`,
    locale: 'nl-NL',
  },
  en: {
    title: 'What happened with what we learned',
    intro: (programme: string) => [
      `In ${programme} we looked back together at the help given to young people and their families. Young people, parents, experts by experience and people working in care told us what went well and what had to change.`,
      'Then we agreed what should be done differently. On this page you can read what we agreed, what has already happened and what it changed. There are no names on this page, and nothing about one young person or family.',
    ],
    status: {
      proposed: 'proposed',
      agreed: 'agreed, not started yet',
      in_progress: 'we are working on it',
      done: 'done',
      evaluated: 'done, and we checked what it changed',
      dropped: 'stopped',
    } satisfies Record<ActionStatus, string>,
    due: (month: string, isLate: boolean) =>
      isLate ? `Should have been done in ${month}` : `Should be done in ${month}`,
    sentence: (label: string, c: Counts) =>
      `For ${label} we agreed on ${c.agreed} ${c.agreed === 1 ? 'thing' : 'things'}. ` +
      [
        c.done ? `${c.done} ${c.done === 1 ? 'is' : 'are'} done` : '',
        c.underway ? `${c.underway} ${c.underway === 1 ? 'is' : 'are'} still going on` : '',
        c.dropped ? `${c.dropped} ${c.dropped === 1 ? 'was' : 'were'} stopped` : '',
      ]
        .filter(Boolean)
        .join(', ') +
      '.',
    noActions: 'Nothing has been agreed yet. As soon as something is agreed, you can read it here.',
    generated: (day: string) => `Made on ${day}.`,
    locale: 'en-GB',
  },
} as const;

type Counts = { agreed: number; underway: number; done: number; dropped: number };

function countOf(statuses: string[]): Counts {
  return {
    agreed: statuses.length,
    underway: statuses.filter((s) => s === 'agreed' || s === 'in_progress').length,
    done: statuses.filter((s) => s === 'done' || s === 'evaluated').length,
    dropped: statuses.filter((s) => s === 'dropped').length,
  };
}

export function summaryModel(input: SummaryInput, language: Language): ActionSummary {
  const w = words[language];
  const month = new Intl.DateTimeFormat(w.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const agreed = input.actions.filter((a) => a.status !== 'proposed');
  // The programme's own order of groups; a group no longer in the list comes last, by its code.
  const codes = [
    ...input.stakeholderGroups.map((g) => g.code),
    ...[...new Set(agreed.map((a) => a.stakeholderGroup))].filter(
      (c) => !input.stakeholderGroups.some((g) => g.code === c),
    ),
  ];
  const groups = codes.flatMap((code) => {
    const actions = agreed.filter((a) => a.stakeholderGroup === code);
    if (actions.length === 0) return [];
    const label = input.stakeholderGroups.find((g) => g.code === code)?.label ?? code;
    const counts = countOf(actions.map((a) => a.status));
    return [
      {
        code,
        label,
        counts,
        sentence: w.sentence(label, counts),
        actions: actions.map((a) => {
          const status = a.status as ActionStatus;
          const isOpen = status === 'agreed' || status === 'in_progress';
          return {
            summary: a.plainSummary || a.title,
            organisation: a.organisation,
            status,
            statusWords: w.status[status],
            // A due date only says something while the action is still open.
            dueWords: isOpen
              ? w.due(month.format(new Date(`${a.dueOn}T00:00:00Z`)), a.dueOn < input.today)
              : '',
            result: status === 'dropped' ? '' : a.plainResult,
          };
        }),
      },
    ];
  });
  return {
    programmeName: input.programmeName,
    language,
    title: w.title,
    intro: [...w.intro(input.programmeName), ...(agreed.length === 0 ? [w.noActions] : [])],
    totals: countOf(agreed.map((a) => a.status)),
    groups,
    generatedOn: day.format(new Date(`${input.today}T00:00:00Z`)),
  };
}

const pdfWords = {
  nl: {
    totals: 'In het kort',
    agreed: 'afgesproken',
    underway: 'loopt nog',
    done: 'klaar',
    dropped: 'gestopt',
    who: 'Wie zorgt ervoor',
    status: 'Hoe staat het',
    result: 'Wat het veranderde',
    page: (p: number, n: number) => `bladzijde ${p} van ${n}`,
  },
  en: {
    totals: 'In short',
    agreed: 'agreed',
    underway: 'still going on',
    done: 'done',
    dropped: 'stopped',
    who: 'Who takes care of it',
    status: 'How it is going',
    result: 'What it changed',
    page: (p: number, n: number) => `page ${p} of ${n}`,
  },
} as const;

const colours = { text: '#1f2937', muted: '#4b5563', box: '#f1f5f9', accent: '#1d4ed8' };

export function summaryPdfDocument(model: ActionSummary): TDocumentDefinitions {
  const w = pdfWords[model.language];
  const totals: Content = {
    table: {
      widths: ['*', '*', '*', '*'],
      body: [
        (['agreed', 'underway', 'done', 'dropped'] as const).map((key) => ({
          stack: [
            { text: String(model.totals[key]), fontSize: 24, bold: true, color: colours.accent },
            { text: w[key], fontSize: 12 },
          ],
          alignment: 'center' as const,
          fillColor: colours.box,
          margin: [4, 6, 4, 6] as [number, number, number, number],
        })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 4,
      vLineColor: () => '#ffffff',
    },
    margin: [0, 4, 0, 8],
  };
  const actionBlock = (a: ActionSummary['groups'][number]['actions'][number]): Content => ({
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: a.summary, bold: true },
              {
                text: [{ text: `${w.who}: `, color: colours.muted }, a.organisation],
                fontSize: 12,
              },
              {
                text: [
                  { text: `${w.status}: `, color: colours.muted },
                  a.statusWords,
                  a.dueWords ? ` · ${a.dueWords}` : '',
                ],
                fontSize: 12,
              },
              ...(a.result
                ? [
                    {
                      text: [{ text: `${w.result}: `, color: colours.muted }, a.result],
                      fontSize: 12,
                    },
                  ]
                : []),
            ],
            margin: [8, 5, 6, 5] as [number, number, number, number],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => (a.status === 'dropped' ? '#9ca3af' : colours.accent),
    },
    margin: [0, 0, 0, 6],
    unbreakable: true,
  });
  // A group's heading and sentence stay on the page of its first action.
  const groups: Content[] = model.groups.flatMap((group): Content[] => [
    {
      stack: [
        { text: group.label, style: 'h2' },
        { text: group.sentence, margin: [0, 0, 0, 6] },
        ...group.actions.slice(0, 1).map(actionBlock),
      ],
      unbreakable: true,
    },
    ...group.actions.slice(1).map(actionBlock),
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `${model.title} · ${model.programmeName}` },
    language: model.language === 'nl' ? 'nl-NL' : 'en-GB',
    defaultStyle: { font: 'Roboto', fontSize: 13, lineHeight: 1.3, color: colours.text },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 16, bold: true, margin: [0, 12, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: `${model.title} · ${model.programmeName} · ${w.page(page, pages)}`,
      alignment: 'center',
      fontSize: 9,
      color: colours.muted,
    }),
    content: [
      { text: model.title, style: 'h1' },
      { text: model.programmeName, color: colours.muted, margin: [0, 0, 0, 8] },
      ...model.intro.map((p): Content => ({ text: p, margin: [0, 0, 0, 6] })),
      { text: w.totals, style: 'h2' },
      totals,
      ...groups,
      {
        text: words[model.language].generated(model.generatedOn),
        color: colours.muted,
        fontSize: 11,
        margin: [0, 10, 0, 0],
      },
    ],
  };
}

export async function renderSummaryPdf(model: ActionSummary): Promise<Buffer> {
  return pdfmake.createPdf(summaryPdfDocument(model)).getBuffer();
}
