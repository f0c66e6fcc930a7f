// The printable case timeline (PDF, A4 landscape, Dutch): a drawn overview with a row per lane,
// periods as bars and events as dots — uncertain dates shown as a pale stretch from the earliest
// to the latest possible day, valence as a symbol (+, −) and not by colour alone — followed by
// the numbered list of every item with its date as told, source, and the comments per
// perspective. pdfmake renders it with embedded Roboto, so Dutch characters (ĳ, ë) print right.
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dayNumber, formatFuzzyDate, midpoint } from '../../../shared/domain/fuzzy-date';
import {
  timelineLanes,
  type CaseIndicators,
  type Perspective,
  type TimelineLane,
  type Valence,
} from '../../../shared/domain/timeline';
import type { TimelineItem } from '../../../shared/contract/timeline';
import { pdfmake } from '../../documents/pdfmake';

export const laneLabels: Record<TimelineLane, string> = {
  living: 'Wonen',
  school: 'School',
  care: 'Hulp en zorg',
  diagnosis: 'Diagnoses',
  justice: 'Justitie en bescherming',
  family: 'Gezin en gebeurtenissen',
  people: 'Belangrijke mensen',
};
const perspectiveLabels: Record<Perspective, string> = {
  youth: 'jongere',
  parent: 'ouder',
  professional: 'professional',
  dossier: 'dossier',
};
const valenceSymbol: Record<Valence, string> = { positive: '+', neutral: '', negative: '−' };
const valenceText: Record<Valence, string> = {
  positive: 'positief',
  neutral: 'neutraal',
  negative: 'negatief',
};
const valenceColour: Record<Valence, string> = {
  positive: '#1a7f37',
  neutral: '#5a6472',
  negative: '#b42318',
};

export type TimelinePdfInput = {
  caseCode: string;
  birthYear: number;
  today: string;
  items: TimelineItem[];
  indicators: CaseIndicators;
  categoryLabel: (lane: TimelineLane, code: string) => string | undefined;
  participantLabel: (id: string) => string | undefined;
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Placed = { item: TimelineItem; number: number; from: number; to: number; row: number };

/** Greedy rows within a lane, so overlapping items do not hide each other. */
function placeInRows(
  entries: Omit<Placed, 'row'>[],
  gap: number,
): { placed: Placed[]; rows: number } {
  const rowEnds: number[] = [];
  const placed = entries.map((entry) => {
    let row = rowEnds.findIndex((end) => end + gap <= entry.from);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(entry.to);
    } else rowEnds[row] = entry.to;
    return { ...entry, row };
  });
  return { placed, rows: Math.max(1, rowEnds.length) };
}

/** The overview as SVG: a row per lane, a calendar axis with the youth's age beneath it. */
export function timelineChartSvg(input: TimelinePdfInput, width: number): string {
  const labelWidth = 120;
  const rowHeight = 13;
  const axisHeight = 30;
  const start = dayNumber(`${input.birthYear}-01-01`);
  const end = Math.max(dayNumber(input.today), start + 365);
  const plotWidth = width - labelWidth - 10;
  const x = (day: number) => labelWidth + ((day - start) / (end - start)) * plotWidth;
  const numbers = new Map(input.items.map((item, index) => [item.id, index + 1]));
  const parts: string[] = [];
  let y = axisHeight;
  for (const lane of timelineLanes) {
    const entries = input.items
      .filter((item) => item.lane === lane)
      .map((item) => {
        const from = x(dayNumber(item.startRange.earliest));
        const to =
          item.kind === 'period'
            ? x(dayNumber(item.endRange?.latest ?? input.today))
            : x(dayNumber(item.startRange.latest));
        return {
          item,
          number: numbers.get(item.id) ?? 0,
          from,
          to: Math.max(to + (item.kind === 'period' ? 12 : 0), from + 16),
        };
      });
    const { placed, rows } = placeInRows(entries, 2);
    const laneHeight = rows * rowHeight + 8;
    parts.push(
      `<rect x="0" y="${y}" width="${width}" height="${laneHeight}" fill="${
        timelineLanes.indexOf(lane) % 2 ? '#ffffff' : '#f3f5f8'
      }"/>`,
      `<text x="4" y="${y + 12}" font-size="8" font-weight="bold" fill="#1c2833">${laneLabels[lane]}</text>`,
    );
    for (const p of placed) {
      const top = y + 4 + p.row * rowHeight;
      const colour = valenceColour[p.item.valence];
      const sure = {
        from: x(dayNumber(p.item.startRange.latest)),
        to:
          p.item.kind === 'period'
            ? x(dayNumber(p.item.endRange?.earliest ?? input.today))
            : x(dayNumber(p.item.startRange.latest)),
      };
      if (p.item.kind === 'period') {
        // Pale: the days it may have started or ended; solid: the days it certainly ran.
        parts.push(
          `<rect x="${x(dayNumber(p.item.startRange.earliest))}" y="${top + 2}" width="${Math.max(1, x(dayNumber(p.item.endRange?.latest ?? input.today)) - x(dayNumber(p.item.startRange.earliest)))}" height="8" fill="${colour}" fill-opacity="0.25"/>`,
          `<rect x="${sure.from}" y="${top + 2}" width="${Math.max(1.5, sure.to - sure.from)}" height="8" fill="${colour}" fill-opacity="0.8"/>`,
        );
      } else {
        const from = x(dayNumber(p.item.startRange.earliest));
        const to = x(dayNumber(p.item.startRange.latest));
        if (to - from > 2)
          parts.push(
            `<rect x="${from}" y="${top + 4}" width="${to - from}" height="4" fill="${colour}" fill-opacity="0.25"/>`,
          );
        parts.push(
          `<circle cx="${x(dayNumber(midpoint(p.item.startRange)))}" cy="${top + 6}" r="3.2" fill="${colour}"/>`,
        );
      }
      // The number (and valence sign): white inside a bar wide enough, dark beside it otherwise.
      const label = `${p.number}${escapeXml(valenceSymbol[p.item.valence])}`;
      const inside = p.item.kind === 'period' && sure.to - sure.from >= 8 + label.length * 4;
      const labelX = inside
        ? sure.from + 2
        : p.item.kind === 'period'
          ? x(dayNumber(p.item.endRange?.latest ?? input.today)) + 2
          : x(dayNumber(midpoint(p.item.startRange))) + 5;
      parts.push(
        `<text x="${labelX}" y="${top + 9}" font-size="6.5" fill="${inside ? '#ffffff' : '#1c2833'}" font-weight="bold">${label}</text>`,
      );
    }
    y += laneHeight;
  }
  // Axis: calendar years, and the youth's age (counted from the birth year) beneath.
  const years = Math.ceil((end - start) / 365.25);
  const step = years > 24 ? 5 : years > 12 ? 2 : 1;
  const axis: string[] = [];
  for (let age = 0; age <= years; age += step) {
    const year = input.birthYear + age;
    const tick = x(dayNumber(`${year}-01-01`));
    if (tick > width - 24) break;
    axis.push(
      `<line x1="${tick}" y1="${axisHeight - 4}" x2="${tick}" y2="${y}" stroke="#c5ccd6" stroke-width="0.4"/>`,
      `<text x="${tick + 1}" y="10" font-size="7" fill="#1c2833">${year}</text>`,
      `<text x="${tick + 1}" y="21" font-size="6.5" fill="#5a6472">${age} jr</text>`,
    );
  }
  const todayX = x(dayNumber(input.today));
  axis.push(
    `<line x1="${todayX}" y1="${axisHeight - 4}" x2="${todayX}" y2="${y}" stroke="#1c2833" stroke-width="0.6" stroke-dasharray="2,2"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 2}" viewBox="0 0 ${width} ${y + 2}" font-family="Roboto">${parts.join('')}${axis.join('')}</svg>`;
}

function indicatorRows(indicators: CaseIndicators): [string, string][] {
  const years = (v: number | null) =>
    v === null ? 'onbekend' : `${v.toLocaleString('nl-NL')} jaar`;
  return [
    ['Plaatsingen buiten huis', String(indicators.placements)],
    ['Wisselingen van woonplek', String(indicators.placementChanges)],
    ['Schoolwisselingen', String(indicators.schoolChanges)],
    ['Maanden zonder school', indicators.monthsWithoutSchool.toLocaleString('nl-NL')],
    ['Hulpverlenende organisaties', String(indicators.careProviders)],
    ['Leeftijd bij eerste signaal', years(indicators.ageAtFirstSignal)],
    ['Leeftijd bij eerste specialistische hulp', years(indicators.ageAtFirstSpecialistHelp)],
    ['Tijd tussen signaal en specialistische hulp', years(indicators.earlySignalGap)],
    ['Herziene diagnoses', String(indicators.diagnosesRevised)],
  ];
}

function itemDate(item: TimelineItem): string {
  const from = formatFuzzyDate(item.start, 'nl');
  if (item.kind === 'event') return from;
  return `${from} – ${item.end ? formatFuzzyDate(item.end, 'nl') : 'nu'}`;
}

export function timelineDocument(input: TimelinePdfInput): TDocumentDefinitions {
  const width = 842 - 2 * 32;
  const list: Content[] = timelineLanes.flatMap((lane): Content[] => {
    const inLane = input.items
      .map((item, index) => ({ item, number: index + 1 }))
      .filter(({ item }) => item.lane === lane);
    if (inLane.length === 0) return [];
    const table: ContentTable = {
      table: {
        // The lane's name is part of the repeated header, and stays with at least one row.
        headerRows: 2,
        keepWithHeaderRows: 1,
        widths: [18, 110, '*', 58, 80],
        body: [
          [
            {
              text: laneLabels[lane],
              style: 'lane',
              colSpan: 5,
              border: [false, false, false, false],
            },
            {},
            {},
            {},
            {},
          ],
          ['Nr.', 'Wanneer', 'Wat', 'Beleving', 'Verteld door'].map((text) => ({
            text,
            style: 'th',
          })),
          ...inLane.map(({ item, number }) => {
            const category = item.categoryCode
              ? input.categoryLabel(item.lane, item.categoryCode)
              : undefined;
            const details = [
              category,
              item.reference,
              item.waitingDays !== null ? `${item.waitingDays} dagen wachttijd` : undefined,
            ]
              .filter(Boolean)
              .join(' · ');
            const teller = item.sourceParticipantId
              ? input.participantLabel(item.sourceParticipantId)
              : undefined;
            return [
              String(number),
              itemDate(item),
              {
                stack: [
                  { text: item.title, bold: true },
                  ...(details ? [{ text: details, color: '#3d4652' }] : []),
                  ...(item.description ? [{ text: item.description }] : []),
                  ...item.comments.map((c) => ({
                    text: [
                      {
                        text: `${c.participantLabel ?? perspectiveLabels[c.perspective]}: `,
                        italics: true,
                      },
                      c.text,
                    ],
                    margin: [6, 2, 0, 0] as [number, number, number, number],
                  })),
                ],
              },
              `${valenceSymbol[item.valence]} ${valenceText[item.valence]}`.trim(),
              teller && teller !== perspectiveLabels[item.source]
                ? `${teller} (${perspectiveLabels[item.source]})`
                : perspectiveLabels[item.source],
            ];
          }),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    };
    return [table];
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [32, 40, 32, 40],
    language: 'nl-NL',
    info: { title: `Tijdlijn ${input.caseCode}`, creator: 'Ketenlens' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#1c2833' },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      lane: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fontSize: 8.5 },
      muted: { color: '#5a6472', fontSize: 8 },
    },
    header: (page, pages) => ({
      text: `Tijdlijn ${input.caseCode} · vertrouwelijk · pagina ${page} van ${pages}`,
      style: 'muted',
      margin: [32, 16, 32, 0],
    }),
    content: [
      { text: `Tijdlijn ${input.caseCode}`, style: 'title' },
      {
        text: `Geboortejaar ${input.birthYear} · ${input.items.length} gebeurtenissen en periodes · gemaakt op ${formatFuzzyDate({ precision: 'day', date: input.today }, 'nl')}`,
        style: 'muted',
        margin: [0, 0, 0, 8],
      },
      { svg: timelineChartSvg(input, width), width },
      {
        text: 'Balk: periode; stip: gebeurtenis. Licht gekleurd: de datum is niet precies bekend. + is positief beleefd, − negatief. De nummers verwijzen naar de lijst hierna.',
        style: 'muted',
        margin: [0, 4, 0, 8],
      },
      {
        table: {
          widths: ['auto', 'auto'],
          body: indicatorRows(input.indicators).map(([label, value]) => [
            label,
            { text: value, bold: true },
          ]),
        },
        layout: 'noBorders',
        fontSize: 8.5,
      },
      { text: '', pageBreak: 'after' },
      ...list,
    ],
  };
}

export async function renderTimelinePdf(input: TimelinePdfInput): Promise<Buffer> {
  return pdfmake.createPdf(timelineDocument(input)).getBuffer();
}
