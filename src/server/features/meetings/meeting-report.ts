// The meeting report that youth and parents can read: plain Dutch (B1), people by role or label
// (never a staff member's name), "what went well" first, every contribution with who said it,
// the reader's own contributions marked, and the alternative plan with what happened since.
// One model, two renderings: PDF (pdfmake) and DOCX (docx, document language nl-NL).
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from '../../documents/pdfmake';
import {
  reflectionParts,
  type Meeting,
  type PlanStepStatus,
  type ReflectionPart,
  type SpeakerRole,
} from '../../../shared/contract/meetings';

/** Who reads the report: a participant sees their own contributions marked as theirs. */
export type ReportReader = { participantId: string | null };

export type ReportEntry = { text: string; who: string; mine: boolean; about: string | null };

export type MeetingReportModel = {
  title: string;
  caseCode: string;
  when: string;
  intro: string[];
  attendees: string[];
  sections: { part: ReflectionPart; heading: string; explain: string; entries: ReportEntry[] }[];
  plan: {
    what: string;
    who: string;
    due: string;
    status: string;
    followUps: { on: string; lines: string[] }[];
  }[];
};

export const partHeadings: Record<ReflectionPart, { heading: string; explain: string }> = {
  went_well: { heading: 'Wat ging goed', explain: 'Wat goed ging en wat we willen houden.' },
  could_differ: {
    heading: 'Wat had anders gekund',
    explain: 'Wat anders had gekund of anders had gemoeten.',
  },
  helped: { heading: 'Wat hielp', explain: 'Wat jou of jullie echt verder hielp.' },
  hindered: { heading: 'Wat zat in de weg', explain: 'Wat het moeilijker maakte.' },
  cooperation: {
    heading: 'Hoe werkten de hulpverleners samen',
    explain: 'Hoe de mensen en organisaties rond jou samenwerkten en elkaar op de hoogte hielden.',
  },
  learning_point: {
    heading: 'Wat we hiervan leren',
    explain: 'Wat we de volgende keer anders willen doen, ook voor andere jongeren.',
  },
};

const roleWords: Record<SpeakerRole, string> = {
  youth: 'de jongere',
  parent: 'een ouder',
  network: 'iemand uit het netwerk',
  professional: 'een hulpverlener',
  researcher: 'een onderzoeker',
  expert_by_experience: 'een ervaringsdeskundige',
  guest: 'een gast',
};

const statusWords: Record<PlanStepStatus, string> = {
  open: 'nog niet begonnen',
  in_progress: 'bezig',
  done: 'gedaan',
  dropped: 'gestopt',
};

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
const dayOf = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));

export function meetingReportModel(meeting: Meeting, reader: ReportReader): MeetingReportModel {
  const attendeeById = new Map(meeting.attendees.map((a) => [a.id, a]));
  const readerAttendee = meeting.attendees.find(
    (a) => reader.participantId !== null && a.participantId === reader.participantId,
  );
  const isReaders = (c: Meeting['contributions'][number]) =>
    reader.participantId !== null &&
    (c.attendeeId !== null
      ? c.attendeeId === readerAttendee?.id
      : readerAttendee?.speakerRole === 'youth' && c.speakerRole === 'youth');
  const who = (c: Meeting['contributions'][number]) => {
    const attendee = c.attendeeId ? attendeeById.get(c.attendeeId) : undefined;
    // Participants by their label ("moeder", "mentor"), guests by their role; staff by role.
    if (attendee && (attendee.kind === 'participant' || attendee.kind === 'guest'))
      return attendee.kind === 'guest' ? (attendee.guestRole ?? roleWords.guest) : attendee.label;
    return roleWords[c.speakerRole];
  };
  const hours = Math.floor(meeting.durationMinutes / 60);
  const minutes = meeting.durationMinutes % 60;
  const length = [hours ? `${hours} uur` : '', minutes ? `${minutes} minuten` : '']
    .filter(Boolean)
    .join(' en ');
  const intro = [
    `Dit is het verslag van de casusreview: het gesprek waarin we samen terugkeken op de hulp. Het gesprek was op ${dateTime.format(new Date(meeting.plannedAt))} en duurde ${length}.`,
    'We begonnen met wat goed ging. Daarna keken we naar wat beter kon, wat hielp en wat in de weg zat. Bij alles staat wie het zei.',
    reader.participantId !== null
      ? 'Wat jij zei, staat erin met "Dit zei jij". Klopt er iets niet? Zeg het tegen de onderzoeker. Dan passen we het aan.'
      : 'Wat de jongere, ouders en andere deelnemers zeiden, staat erin met hun eigen woorden. Geef dit verslag aan hen: het is in gewone taal geschreven.',
  ];
  return {
    title: 'Verslag van de casusreview',
    caseCode: meeting.caseCode,
    when: dateTime.format(new Date(meeting.plannedAt)),
    intro,
    attendees: meeting.attendees.map((a) =>
      a.kind === 'participant'
        ? a.label
        : a.kind === 'guest'
          ? [a.guestRole, a.guestOrganisation].filter(Boolean).join(', ')
          : roleWords[a.speakerRole].replace(/^(de|een) /, ''),
    ),
    sections: reflectionParts.map((part) => ({
      part,
      ...partHeadings[part],
      entries: meeting.contributions
        .filter((c) => c.part === part)
        .map((c) => ({
          text: c.text,
          who: who(c),
          mine: isReaders(c),
          about: c.timelineItemTitle,
        })),
    })),
    plan: meeting.plan.map((step) => ({
      what: step.what,
      who: step.who,
      due: step.due ? dayOf(step.due) : 'geen datum',
      status: statusWords[step.status],
      followUps: step.followUps.map((f) => ({
        on: dayOf(f.on),
        lines: [
          `Geprobeerd: ${f.tried}`,
          f.result ? `Wat het opleverde: ${f.result}` : '',
          f.next ? `Volgende stap: ${f.next}` : '',
        ].filter(Boolean),
      })),
    })),
  };
}

const colours = { text: '#1f2937', muted: '#4b5563', mine: '#e8f1fb', rule: '#9ca3af' };

export function meetingReportPdfDocument(model: MeetingReportModel): TDocumentDefinitions {
  const entry = (e: ReportEntry): Content => ({
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: e.text, fontSize: 12 },
              {
                text: [
                  { text: e.mine ? 'Dit zei jij' : `Dit zei ${e.who}`, bold: e.mine },
                  e.about ? ` · over: ${e.about}` : '',
                ],
                fontSize: 11,
                color: colours.muted,
                margin: [0, 2, 0, 0],
              },
            ],
            fillColor: e.mine ? colours.mine : undefined,
            margin: [6, 4, 6, 4],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => (e.mine ? '#1d4ed8' : colours.rule),
    },
    margin: [0, 0, 0, 6],
  });
  const sections: Content[] = model.sections.flatMap((s): Content[] => [
    { text: s.heading, style: 'h2', headlineLevel: 1 },
    { text: s.explain, color: colours.muted, margin: [0, 0, 0, 6] },
    ...(s.entries.length
      ? s.entries.map(entry)
      : [
          {
            text: 'Hierover is niets opgeschreven.',
            italics: true,
            margin: [0, 0, 0, 6],
          } as Content,
        ]),
  ]);
  const plan: Content[] = [
    { text: 'Wat we nu anders zouden doen', style: 'h2', headlineLevel: 1 },
    {
      text: 'Dit is het plan: wat we nu anders zouden doen, wie dat doet en wanneer. Bij een volgende bijeenkomst kijken we wat ervan terechtkwam.',
      color: colours.muted,
      margin: [0, 0, 0, 6],
    },
    ...(model.plan.length
      ? model.plan.map((step, index): Content => ({
          stack: [
            { text: `${index + 1}. ${step.what}`, bold: true },
            {
              text: `Wie: ${step.who} · Klaar op: ${step.due} · Hoe staat het: ${step.status}`,
              color: colours.muted,
              fontSize: 11,
            },
            ...step.followUps.map((f): Content => ({
              stack: [{ text: f.on, bold: true }, ...f.lines],
              margin: [12, 4, 0, 0],
              fontSize: 11,
              unbreakable: true,
            })),
          ],
          margin: [0, 0, 0, 8],
        }))
      : [{ text: 'Er is nog geen plan opgeschreven.', italics: true } as Content]),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `${model.title} ${model.caseCode}`, subject: 'Casusreview' },
    language: 'nl-NL',
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3, color: colours.text },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 16, bold: true, margin: [0, 14, 0, 2] },
    },
    // A heading low on a page moves to the next one, so it stays with what it introduces.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.82,
    footer: (page: number, pages: number) => ({
      text: `${model.title} · ${model.caseCode} · vertrouwelijk · bladzijde ${page} van ${pages}`,
      alignment: 'center',
      fontSize: 9,
      color: colours.muted,
    }),
    content: [
      { text: model.title, style: 'h1' },
      {
        text: `Casus ${model.caseCode} · ${model.when}`,
        color: colours.muted,
        margin: [0, 0, 0, 10],
      },
      ...model.intro.map((p): Content => ({ text: p, margin: [0, 0, 0, 6] })),
      { text: 'Wie waren erbij', style: 'h2' },
      {
        ul: model.attendees.length ? model.attendees : ['Niet opgeschreven'],
        margin: [0, 0, 0, 4],
      },
      ...sections,
      ...plan,
    ],
  };
}

export async function renderMeetingReportPdf(model: MeetingReportModel): Promise<Buffer> {
  return pdfmake.createPdf(meetingReportPdfDocument(model)).getBuffer();
}

export async function renderMeetingReportDocx(model: MeetingReportModel): Promise<Buffer> {
  const para = (text: string, options: { muted?: boolean; italics?: boolean } = {}) =>
    new Paragraph({
      spacing: { after: 120 },
      children: [
        new TextRun({
          text,
          italics: options.italics,
          color: options.muted ? '4B5563' : undefined,
        }),
      ],
    });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({
      heading: level,
      spacing: { before: 240, after: 80 },
      children: [new TextRun(text)],
    });
  const entry = (e: ReportEntry) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        left: { style: BorderStyle.SINGLE, size: 18, color: e.mine ? '1D4ED8' : '9CA3AF' },
        insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
      rows: [
        new TableRow({
          children: [
            new TableCell({
              shading: e.mine
                ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F1FB' }
                : undefined,
              margins: { left: 120, right: 120, top: 60, bottom: 60 },
              children: [
                new Paragraph({ children: [new TextRun(e.text)] }),
                new Paragraph({
                  children: [
                    new TextRun({
                      text: e.mine ? 'Dit zei jij' : `Dit zei ${e.who}`,
                      bold: e.mine,
                      color: '4B5563',
                      size: 20,
                    }),
                    ...(e.about
                      ? [new TextRun({ text: ` · over: ${e.about}`, color: '4B5563', size: 20 })]
                      : []),
                  ],
                }),
              ],
            }),
          ],
        }),
      ],
    });
  const spacer = () => new Paragraph({ spacing: { after: 80 }, children: [] });
  const document = new Document({
    title: `${model.title} ${model.caseCode}`,
    subject: 'Casusreview',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 24, language: { value: 'nl-NL' } } },
      },
    },
    sections: [
      {
        children: [
          heading(model.title, HeadingLevel.HEADING_1),
          para(`Casus ${model.caseCode} · ${model.when}`, { muted: true }),
          ...model.intro.map((p) => para(p)),
          heading('Wie waren erbij', HeadingLevel.HEADING_2),
          ...(model.attendees.length ? model.attendees : ['Niet opgeschreven']).map(
            (a) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(a)] }),
          ),
          ...model.sections.flatMap((s) => [
            heading(s.heading, HeadingLevel.HEADING_2),
            para(s.explain, { muted: true }),
            ...(s.entries.length
              ? s.entries.flatMap((e) => [entry(e), spacer()])
              : [para('Hierover is niets opgeschreven.', { italics: true })]),
          ]),
          heading('Wat we nu anders zouden doen', HeadingLevel.HEADING_2),
          para(
            'Dit is het plan: wat we nu anders zouden doen, wie dat doet en wanneer. Bij een volgende bijeenkomst kijken we wat ervan terechtkwam.',
            { muted: true },
          ),
          ...(model.plan.length
            ? model.plan.flatMap((step, index) => [
                new Paragraph({
                  spacing: { before: 120 },
                  children: [new TextRun({ text: `${index + 1}. ${step.what}`, bold: true })],
                }),
                para(`Wie: ${step.who} · Klaar op: ${step.due} · Hoe staat het: ${step.status}`, {
                  muted: true,
                }),
                ...step.followUps.flatMap((f) => [
                  new Paragraph({
                    indent: { left: 360 },
                    spacing: { before: 80 },
                    children: [new TextRun({ text: f.on, bold: true })],
                  }),
                  ...f.lines.map(
                    (line) =>
                      new Paragraph({ indent: { left: 360 }, children: [new TextRun(line)] }),
                  ),
                ]),
              ])
            : [para('Er is nog geen plan opgeschreven.', { italics: true })]),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 360 },
            children: [
              new TextRun({
                text: `${model.title} · ${model.caseCode} · vertrouwelijk`,
                color: '4B5563',
                size: 18,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
