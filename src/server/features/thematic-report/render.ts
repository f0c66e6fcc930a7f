// The thematic report as files: PDF (pdfmake; one infographic page per thread with its charts as
// SVG), DOCX (docx; the same content, charts as PNG via resvg) and the underlying counts as CSV
// and XLSX. Everything is rendered from the ThematicReport data object, whose counts are already
// suppressed: a hidden count reaches this module as null and is printed as the marker.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import * as echarts from 'echarts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import writeXlsxFile from 'write-excel-file/node';
import { pdfmake } from '../../documents/pdfmake';
import type {
  AggregateGroup,
  ProtectedCount,
  ReportLanguage,
  ReportThread,
  ThematicReport,
} from '../../../shared/contract/thematic-report';
import { suppressedMarker } from '../../../shared/domain/suppression';
import { chartMax, dateText, number, words, type Words } from './words';

const require = createRequire(import.meta.url);
const robotoFile = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf');

const colour = {
  ink: '#1f2937',
  muted: '#4b5563',
  band: '#1e3a8a',
  bandText: '#ffffff',
  tile: '#eef2ff',
  tileInk: '#1e3a8a',
  quote: '#fff7ed',
  quoteBar: '#c2410c',
  rule: '#d1d5db',
};
/** One colour per stakeholder group, in the programme's order (all AA on white text). */
const groupColours = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be123c', '#0f766e', '#4b5563'];
const barColour = '#2563eb';

/** A count for the export files: the plain number, or the marker. */
const count = (c: ProtectedCount) => (c.value === null ? suppressedMarker : String(c.value));
/** A count for people to read (PDF, DOCX): "20.000" in Dutch, "20,000" in English. */
const shown = (c: ProtectedCount, lang: ReportLanguage) =>
  c.value === null ? suppressedMarker : number(c.value, lang);

/**
 * The groups a chart draws: all of them when they fit, else the `chartMax` largest (hidden
 * counts last), largest first; `more` says how many are only in the export.
 */
export function chartGroups(groups: AggregateGroup[]): { drawn: AggregateGroup[]; more: number } {
  if (groups.length <= chartMax) return { drawn: groups, more: 0 };
  const drawn = [...groups]
    .sort((a, b) => (b.cases.value ?? -1) - (a.cases.value ?? -1))
    .slice(0, chartMax);
  return { drawn, more: groups.length - drawn.length };
}

function share(value: number | null, lang: 'nl' | 'en'): string {
  return value === null ? suppressedMarker : `${number(value, lang)}%`;
}

function periodText(report: ThematicReport, w: Words): string {
  const { periodStart, periodEnd } = report.programme;
  const lang = report.lang;
  return `${dateText(periodStart, lang)} – ${periodEnd ? dateText(periodEnd, lang) : w.periodOpen}`;
}

function perspectivesText(report: ThematicReport, w: Words): string {
  return report.perspectives.length
    ? report.perspectives.map((p) => w.perspectives[p]).join(', ')
    : '—';
}

/** The number of cases in a sentence: "fewer than 5" where the count itself is hidden. */
function casesPhrase(report: ThematicReport, w: Words): string {
  return report.cases.value === null
    ? w.fewerThan(report.threshold)
    : number(report.cases.value, report.lang);
}

function statusLine(report: ThematicReport, w: Words): string {
  return report.version === null ? w.draft : w.version(report.version);
}

// ---- Charts ----

function chartSvg(
  groups: AggregateGroup[],
  title: string,
  width: number,
  lang: ReportLanguage,
): string {
  const rows = [...groups].reverse();
  const height = Math.max(120, 56 + rows.length * 26);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Roboto', fontSize: 12, color: colour.ink },
      title: {
        text: title,
        left: 0,
        top: 0,
        textStyle: { fontSize: 13, fontFamily: 'Roboto', fontWeight: 'bold', color: colour.ink },
      },
      grid: { left: 150, right: 30, top: 30, bottom: 20 },
      xAxis: {
        type: 'value',
        minInterval: 1,
        splitNumber: 3,
        axisLabel: { hideOverlap: true, formatter: (v: number) => number(v, lang) },
        splitLine: { lineStyle: { color: '#e5e7eb' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((g) => g.label),
        axisLabel: { width: 144, overflow: 'truncate', fontSize: 11 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: barColour },
          // A hidden count draws no bar: only the marker, where the bar would start.
          data: rows.map((g) =>
            g.cases.value === null
              ? {
                  value: 0,
                  label: {
                    show: true,
                    position: 'right',
                    formatter: suppressedMarker,
                    textBorderColor: 'transparent',
                  },
                }
              : { value: g.cases.value },
          ),
          // No text border: PDF's SVG renderer ignores paint-order and would paint it over the text.
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            textBorderColor: 'transparent',
            formatter: (p: { value: number }) => number(p.value, lang),
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function chartHeight(groups: AggregateGroup[]): number {
  return Math.max(120, 56 + groups.length * 26);
}

function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontFiles: [robotoFile], loadSystemFonts: false, defaultFontFamily: 'Roboto' },
  });
  return Buffer.from(resvg.render().asPng());
}

/** The indicator rows worth printing: at least one side shown. */
function indicatorRows(thread: ReportThread, report: ThematicReport, w: Words): string[][] {
  const side = (s: ReportThread['indicators'][number]['withThread']) =>
    s.median === null
      ? suppressedMarker
      : `${number(s.median, report.lang)} (n=${shown(s.n, report.lang)})`;
  return thread.indicators
    .filter((i) => i.withThread.median !== null || i.others.median !== null)
    .map((i) => [w.indicatorNames[i.key], side(i.withThread), side(i.others)]);
}

function bigNumbers(thread: ReportThread, report: ThematicReport, w: Words) {
  return [
    { value: shown(thread.total.cases, report.lang), label: w.bigCases },
    { value: share(thread.total.share, report.lang), label: w.bigShare },
    { value: String(thread.strength.perspectives), label: w.bigPerspectives },
    { value: String(thread.strength.institutionTypes), label: w.bigTypes },
  ];
}

/** A chart of nothing but markers says less than one plain sentence. */
const allHidden = (groups: AggregateGroup[]) => groups.every((g) => g.cases.value === null);

/** Whether the thread's page draws a chart at all (the note explains the charts' marker). */
const charted = (thread: ReportThread) =>
  [thread.byInstitutionType, thread.byRegion].some((g) => g.length > 0 && !allHidden(g));

const visibleGroups = (thread: ReportThread) =>
  thread.recommendations.filter((g) => g.recommendations.length > 0);

// ---- PDF ----

const chartWidthPx = 340;
const chartWidthPt = 250;

export async function renderThematicPdf(report: ThematicReport): Promise<Buffer> {
  const w = words[report.lang];
  const band = (label: string, title: string, breakBefore = true): Content => ({
    ...(breakBefore ? { pageBreak: 'before' as const } : {}),
    table: {
      widths: ['*'],
      body: [
        [
          {
            fillColor: colour.band,
            margin: [16, 12, 16, 14],
            stack: [
              { text: label.toUpperCase(), color: '#c7d2fe', fontSize: 10, bold: true },
              { text: title, color: colour.bandText, fontSize: 22, bold: true, lineHeight: 1.1 },
            ],
          },
        ],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  });
  const tiles = (thread: ReportThread): Content => ({
    table: {
      widths: ['*', '*', '*', '*'],
      body: [
        bigNumbers(thread, report, w).map((t) => ({
          fillColor: colour.tile,
          margin: [8, 8, 8, 8],
          stack: [
            { text: t.value, fontSize: 26, bold: true, color: colour.tileInk },
            { text: t.label, fontSize: 9.5, color: colour.ink },
          ],
        })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 || i === 4 ? 0 : 6),
      vLineColor: () => '#ffffff',
    },
    margin: [0, 4, 0, 12],
  });
  const quote = (text: string, who: string): Content => ({
    table: {
      widths: ['*'],
      body: [
        [
          {
            fillColor: colour.quote,
            margin: [10, 6, 10, 6],
            stack: [
              { text: `“${text}”`, italics: true, fontSize: 10.5, color: colour.ink },
              { text: `— ${who}`, fontSize: 9.5, color: colour.muted, margin: [0, 3, 0, 0] },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 4 : 0),
      vLineColor: () => colour.quoteBar,
    },
    margin: [0, 0, 0, 6],
    unbreakable: true,
  });
  const h3 = (text: string): Content => ({
    text,
    fontSize: 12.5,
    bold: true,
    color: colour.band,
    margin: [0, 8, 0, 4],
  });

  const indicatorTable = (rows: string[][]): Content => ({
    stack: [
      h3(w.indicators),
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            [w.indicator, w.withThread, w.others].map((text) => ({
              text,
              bold: true,
              fontSize: 8.5,
            })),
            ...rows.map((r) =>
              r.map((text, i) => ({
                text,
                fontSize: 9,
                alignment: i === 0 ? ('left' as const) : ('right' as const),
              })),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: w.indicatorsNote, fontSize: 8, color: colour.muted, margin: [0, 2, 0, 0] },
    ],
    unbreakable: true,
  });
  const groupBlock = (
    thread: ReportThread,
    g: ReportThread['recommendations'][number],
  ): Content => {
    const index = thread.recommendations.findIndex((x) => x.code === g.code);
    const tint = groupColours[index % groupColours.length]!;
    return {
      stack: [
        {
          table: {
            body: [
              [
                {
                  text: g.label,
                  color: '#ffffff',
                  bold: true,
                  fontSize: 9.5,
                  fillColor: tint,
                  margin: [6, 1, 6, 1],
                },
              ],
            ],
          },
          layout: 'noBorders',
          margin: [0, 2, 0, 3],
        },
        ...g.recommendations.map((r): Content => ({
          stack: [
            {
              text: [
                { text: `${r.number}. `, bold: true, color: tint },
                { text: r.title, bold: true },
                ...(r.state === 'approved'
                  ? [{ text: ` (${w.approvedMark})`, italics: true, color: colour.muted }]
                  : []),
              ],
              fontSize: 10,
            },
            ...(r.body ? [{ text: r.body, fontSize: 9, color: colour.muted }] : []),
          ],
          margin: [0, 0, 0, 4],
        })),
      ],
      margin: [0, 0, 0, 6],
      unbreakable: true,
    };
  };
  /** Groups over two columns, each group whole, the columns about as long as each other. */
  const twoColumns = (thread: ReportThread, groups: ReportThread['recommendations']): Content => {
    const weight = (g: ReportThread['recommendations'][number]) =>
      2 + g.recommendations.reduce((a, r) => a + 2 + r.body.length / 70, 0);
    const left: Content[] = [];
    const right: Content[] = [];
    let l = 0;
    let r = 0;
    for (const g of groups) {
      if (l <= r) {
        left.push(groupBlock(thread, g));
        l += weight(g);
      } else {
        right.push(groupBlock(thread, g));
        r += weight(g);
      }
    }
    return { columns: [{ stack: left }, { stack: right }], columnGap: 16 };
  };

  const chartStack = (all: AggregateGroup[], title: string): Content => {
    const { drawn, more } = chartGroups(all);
    const svg: Content = {
      svg: chartSvg(drawn, title, chartWidthPx, report.lang),
      width: chartWidthPt,
    };
    return more > 0
      ? {
          stack: [
            svg,
            { text: w.moreInExport(more), fontSize: 8, color: colour.muted, margin: [0, 2, 0, 0] },
          ],
        }
      : svg;
  };

  const threadPage = (thread: ReportThread): Content[] => {
    const indicators = indicatorRows(thread, report, w);
    const groups = visibleGroups(thread);
    const chartCell = (groupsOf: AggregateGroup[], title: string): Content =>
      !groupsOf.length
        ? { text: '' }
        : allHidden(groupsOf)
          ? {
              stack: [
                { text: title, bold: true, fontSize: 10 },
                { text: w.allHidden, fontSize: 9, color: colour.muted, margin: [0, 4, 0, 0] },
              ],
            }
          : chartStack(groupsOf, title);
    const quotes: Content[] = thread.quotes.length
      ? [h3(w.quotes), ...thread.quotes.map((q) => quote(q.text, w.perspectives[q.perspective]))]
      : [];
    // Measures and voices side by side where there are both; one full width otherwise.
    const middle: Content[] =
      indicators.length && quotes.length
        ? [
            {
              columns: [
                { width: '46%', stack: [indicatorTable(indicators)] },
                { width: '*', stack: quotes },
              ],
              columnGap: 16,
            },
          ]
        : indicators.length
          ? [indicatorTable(indicators)]
          : quotes;
    return [
      band(w.threadLabel(thread.number), thread.title),
      ...(thread.description
        ? [{ text: thread.description, fontSize: 11, margin: [0, 0, 0, 2] } as Content]
        : []),
      tiles(thread),
      {
        columns: [
          chartCell(thread.byInstitutionType, w.byInstitutionType),
          chartCell(thread.byRegion, w.byRegion),
        ],
        columnGap: 15,
      },
      ...(charted(thread)
        ? [{ text: w.chartNote(suppressedMarker), fontSize: 8, color: colour.muted } as Content]
        : []),
      ...middle,
      h3(w.recommendations),
      groups.length === 0
        ? { text: w.noRecommendations, color: colour.muted }
        : twoColumns(thread, groups),
    ];
  };

  const links = report.links;
  const doc: TDocumentDefinitions = {
    info: { title: `${w.title} ${report.programme.name}` },
    language: report.lang === 'nl' ? 'nl-NL' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25, color: colour.ink },
    footer: (page: number, pages: number) =>
      page === 1
        ? { text: '' }
        : {
            text: `${w.title} · ${report.programme.name} · ${w.page} ${page}/${pages}`,
            fontSize: 8.5,
            color: colour.muted,
            margin: [40, 20, 40, 0],
          },
    content: [
      // Title page
      {
        table: {
          widths: ['*'],
          heights: [300],
          body: [
            [
              {
                fillColor: colour.band,
                margin: [28, 90, 28, 28],
                stack: [
                  { text: w.title.toUpperCase(), color: '#c7d2fe', bold: true, fontSize: 14 },
                  {
                    text: report.programme.name,
                    color: '#ffffff',
                    bold: true,
                    fontSize: 30,
                    lineHeight: 1.1,
                    margin: [0, 6, 0, 10],
                  },
                  { text: w.subtitle, color: '#e0e7ff', fontSize: 14 },
                ],
              },
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 40, 0, 24],
      },
      {
        table: {
          widths: ['*', '*'],
          body: [
            [
              {
                fillColor: colour.tile,
                margin: [12, 10, 12, 10],
                stack: [
                  {
                    text: shown(report.cases, report.lang),
                    fontSize: 34,
                    bold: true,
                    color: colour.tileInk,
                  },
                  { text: w.cases.toLowerCase(), fontSize: 11 },
                ],
              },
              {
                fillColor: colour.tile,
                margin: [12, 10, 12, 10],
                stack: [
                  {
                    text: String(report.threads.length),
                    fontSize: 34,
                    bold: true,
                    color: colour.tileInk,
                  },
                  { text: w.threadsInReport.toLowerCase(), fontSize: 11 },
                ],
              },
            ],
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 1 ? 8 : 0),
          vLineColor: () => '#ffffff',
        },
        margin: [0, 0, 0, 20],
      },
      { text: `${w.period}: ${periodText(report, w)}` },
      { text: `${w.generated}: ${dateText(report.generatedAt, report.lang)}` },
      { text: statusLine(report, w), bold: true, margin: [0, 6, 0, 0] },
      // How we learned
      band(w.title, w.method),
      {
        text: w.methodText(casesPhrase(report, w), perspectivesText(report, w)),
        margin: [0, 0, 0, 8],
      },
      { text: w.methodStrength, margin: [0, 0, 0, 8] },
      { text: w.methodThreshold(report.threshold), margin: [0, 0, 0, 8] },
      { text: w.methodQuotes, margin: [0, 0, 0, 8] },
      { text: w.methodRecommendations, margin: [0, 0, 0, 8] },
      h3(w.threadsInReport),
      {
        ol: report.threads.map((t) => ({
          text: [
            { text: t.title, bold: true },
            ` — ${shown(t.total.cases, report.lang)} ${w.bigCases}`,
          ],
        })),
      },
      ...report.threads.flatMap(threadPage),
      // Samenhang
      band(w.title, w.coherence),
      { text: links.length ? w.coherenceIntro : w.noCoherence, margin: [0, 0, 0, 8] },
      ...(links.length
        ? [
            {
              ul: links.map((l) => ({
                stack: [
                  {
                    text: w.coherenceLine(
                      `${w.recommendationNumber(l.from.number)} (${l.from.group}: ${l.from.title})`,
                      `${w.recommendationNumber(l.to.number)} (${l.to.group}: ${l.to.title})`,
                    ),
                  },
                  ...(l.note ? [{ text: l.note, italics: true, color: colour.muted }] : []),
                ],
                margin: [0, 0, 0, 6],
              })),
            } as Content,
          ]
        : []),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

// ---- DOCX ----

export async function renderThematicDocx(report: ThematicReport): Promise<Buffer> {
  const w = words[report.lang];
  const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...options })] });
  type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];
  const h = (text: string, level: Level, pageBreakBefore = false) =>
    new Paragraph({
      heading: level,
      pageBreakBefore,
      spacing: { before: 240, after: 120 },
      children: [new TextRun(text)],
    });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  const tilesTable = (items: { value: string; label: string }[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          children: items.map(
            (t) =>
              new TableCell({
                shading: { type: ShadingType.CLEAR, fill: 'EEF2FF', color: 'auto' },
                margins: { top: 120, bottom: 120, left: 120, right: 120 },
                children: [
                  new Paragraph({
                    children: [
                      new TextRun({ text: t.value, bold: true, size: 44, color: '1E3A8A' }),
                    ],
                  }),
                  new Paragraph({ children: [new TextRun({ text: t.label, size: 18 })] }),
                ],
              }),
          ),
        }),
      ],
    });
  const table = (header: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: header.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
              }),
          ),
        }),
        ...rows.map(
          (r) =>
            new TableRow({
              children: r.map(
                (text, i) =>
                  new TableCell({
                    children: [
                      new Paragraph({
                        alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
                        children: [new TextRun(text)],
                      }),
                    ],
                  }),
              ),
            }),
        ),
      ],
    });
  const chart = (all: AggregateGroup[], title: string) => {
    const widthPx = 640;
    const { drawn: groups, more } = chartGroups(all);
    const svg = chartSvg(groups, title, widthPx, report.lang);
    const alt = `${title}: ${groups.map((g) => `${g.label} ${shown(g.cases, report.lang)}`).join('; ')}`;
    const image = new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: svgToPng(svg, widthPx * 2),
          transformation: { width: 560, height: Math.round((chartHeight(groups) / widthPx) * 560) },
          altText: { name: title, title, description: alt },
        }),
      ],
    });
    return more > 0 ? [image, para(w.moreInExport(more), { italics: true })] : [image];
  };
  const quote = (text: string, who: string) =>
    new Paragraph({
      indent: { left: 360 },
      spacing: { after: 160 },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'C2410C', space: 8 } },
      shading: { type: ShadingType.CLEAR, fill: 'FFF7ED', color: 'auto' },
      children: [
        new TextRun({ text: `“${text}”`, italics: true }),
        new TextRun({ text: `— ${who}`, break: 1, size: 18, color: '4B5563' }),
      ],
    });

  const threadBlocks = (thread: ReportThread) => {
    const indicators = indicatorRows(thread, report, w);
    const groups = visibleGroups(thread);
    return [
      h(`${w.threadLabel(thread.number)}: ${thread.title}`, HeadingLevel.HEADING_1, true),
      ...(thread.description ? [para(thread.description)] : []),
      tilesTable(bigNumbers(thread, report, w)),
      para(''),
      ...[
        [thread.byInstitutionType, w.byInstitutionType] as const,
        [thread.byRegion, w.byRegion] as const,
      ].flatMap(([groupsOf, title]) =>
        !groupsOf.length
          ? []
          : allHidden(groupsOf)
            ? [para(`${title}: ${w.allHidden}`)]
            : chart(groupsOf, title),
      ),
      ...(charted(thread) ? [para(w.chartNote(suppressedMarker), { italics: true })] : []),
      ...(indicators.length
        ? [
            h(w.indicators, HeadingLevel.HEADING_2),
            table([w.indicator, w.withThread, w.others], indicators),
            para(w.indicatorsNote, { italics: true }),
          ]
        : []),
      ...(thread.quotes.length
        ? [
            h(w.quotes, HeadingLevel.HEADING_2),
            ...thread.quotes.map((q) => quote(q.text, w.perspectives[q.perspective])),
          ]
        : []),
      h(w.recommendations, HeadingLevel.HEADING_2),
      ...(groups.length === 0
        ? [para(w.noRecommendations)]
        : groups.flatMap((g) => [
            h(g.label, HeadingLevel.HEADING_3),
            ...g.recommendations.flatMap((r) => [
              new Paragraph({
                spacing: { after: 40 },
                children: [
                  new TextRun({
                    text: `${w.recommendationNumber(r.number)}: ${r.title}`,
                    bold: true,
                  }),
                  ...(r.state === 'approved'
                    ? [new TextRun({ text: ` (${w.approvedMark})`, italics: true })]
                    : []),
                ],
              }),
              ...(r.body ? [para(r.body)] : []),
            ]),
          ])),
    ];
  };

  const document = new Document({
    title: `${w.title} ${report.programme.name}`,
    styles: {
      default: {
        document: {
          run: {
            font: 'Arial',
            size: 22,
            language: { value: report.lang === 'nl' ? 'nl-NL' : 'en-GB' },
          },
        },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: w.title.toUpperCase(), bold: true, color: '1E3A8A' })],
          }),
          h(report.programme.name, HeadingLevel.TITLE),
          para(w.subtitle),
          tilesTable([
            { value: shown(report.cases, report.lang), label: w.cases.toLowerCase() },
            { value: String(report.threads.length), label: w.threadsInReport.toLowerCase() },
          ]),
          para(''),
          para(`${w.period}: ${periodText(report, w)}`),
          para(`${w.generated}: ${dateText(report.generatedAt, report.lang)}`),
          para(statusLine(report, w), { bold: true }),
          h(w.method, HeadingLevel.HEADING_1, true),
          para(w.methodText(casesPhrase(report, w), perspectivesText(report, w))),
          para(w.methodStrength),
          para(w.methodThreshold(report.threshold)),
          para(w.methodQuotes),
          para(w.methodRecommendations),
          h(w.threadsInReport, HeadingLevel.HEADING_2),
          ...report.threads.map((t, i) =>
            para(`${i + 1}. ${t.title} — ${shown(t.total.cases, report.lang)} ${w.bigCases}`),
          ),
          ...report.threads.flatMap(threadBlocks),
          h(w.coherence, HeadingLevel.HEADING_1, true),
          para(report.links.length ? w.coherenceIntro : w.noCoherence),
          ...report.links.flatMap((l) => [
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun(
                  w.coherenceLine(
                    `${w.recommendationNumber(l.from.number)} (${l.from.group}: ${l.from.title})`,
                    `${w.recommendationNumber(l.to.number)} (${l.to.group}: ${l.to.title})`,
                  ),
                ),
                ...(l.note ? [new TextRun({ text: l.note, italics: true, break: 1 })] : []),
              ],
            }),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---- CSV and XLSX of the counts ----

/** Every count as a long row: section, thread, group, measure, value (the marker where hidden). */
export function reportFigures(report: ThematicReport): string[][] {
  const w = words[report.lang];
  const lang = report.lang;
  const out: string[][] = [[w.section, w.thread, w.group, w.measure, w.value]];
  const pct = (v: number | null) => (v === null ? suppressedMarker : number(v, lang));
  out.push([w.cases, '', w.total, w.count, count(report.cases)]);
  for (const t of report.threads) {
    const name = `${t.number}. ${t.title}`;
    out.push([w.total, name, w.total, w.count, count(t.total.cases)]);
    out.push([w.total, name, w.total, w.of, count(t.total.of)]);
    out.push([w.total, name, w.total, w.share, pct(t.total.share)]);
    for (const [section, groups] of [
      [w.byInstitutionType, t.byInstitutionType],
      [w.byRegion, t.byRegion],
    ] as const)
      for (const g of groups) {
        out.push([section, name, g.label, w.count, count(g.cases)]);
        out.push([section, name, g.label, w.of, count(g.of)]);
        out.push([section, name, g.label, w.share, pct(g.share)]);
      }
    for (const p of t.byPerspective)
      out.push([w.byPerspective, name, w.perspectives[p.perspective], w.count, count(p.cases)]);
    for (const i of t.indicators)
      for (const [label, s] of [
        [w.withThread, i.withThread],
        [w.others, i.others],
      ] as const) {
        out.push([w.indicatorNames[i.key], name, label, w.n, count(s.n)]);
        out.push([w.indicatorNames[i.key], name, label, w.median, pct(s.median)]);
      }
  }
  return out;
}

/** CSV with ; (what Dutch spreadsheet settings expect), a BOM for Excel, every field quoted. */
export function renderThematicCsv(report: ThematicReport): Buffer {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const text = reportFigures(report)
    .map((row) => row.map(quote).join(';'))
    .join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function renderThematicXlsx(report: ThematicReport): Promise<Buffer> {
  const [header, ...rows] = reportFigures(report);
  // Numbers go in as numbers (the figures were formatted in the report's language for the CSV).
  const asNumber = (value: string) => {
    const plain = report.lang === 'nl' ? value.replace(/\./g, '').replace(',', '.') : value;
    return /^-?\d+(\.\d+)?$/.test(plain.replace(/,/g, '')) ? Number(plain.replace(/,/g, '')) : null;
  };
  const data = [
    header!.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((r) =>
      r.map((value, i) => {
        const n = i === 4 ? asNumber(value) : null;
        return n === null ? { value } : { value: n, type: Number };
      }),
    ),
  ];
  const file = writeXlsxFile(data, {
    columns: [{ width: 36 }, { width: 40 }, { width: 36 }, { width: 28 }, { width: 10 }],
  });
  return Buffer.from(await file.toBuffer());
}

export const reportFileTypes = {
  pdf: { type: 'application/pdf', render: renderThematicPdf },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderThematicDocx,
  },
  csv: {
    type: 'text/csv; charset=utf-8',
    render: async (report: ThematicReport) => renderThematicCsv(report),
  },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: renderThematicXlsx,
  },
} as const;
