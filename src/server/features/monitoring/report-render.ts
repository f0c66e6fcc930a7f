// The quarterly report as files: PDF (pdfmake, charts as SVG) and DOCX (docx, charts as PNG via
// resvg) for reading, CSV and XLSX of the figures for further work. Suppressed counts are printed
// as the marker in every format; the value never reaches this module (see shared/domain/suppression.ts).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
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
import {
  accessOutcomes,
  type CrossTable,
  type QuarterlyReport,
  type ReportCell,
} from '../../../shared/contract/monitoring';
import { suppressedMarker } from '../../../shared/domain/suppression';

const require = createRequire(import.meta.url);
const robotoFile = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf');

export type Lang = 'nl' | 'en';

const words = {
  nl: {
    title: 'Kwartaalrapportage toegangstafels',
    region: 'Regio',
    table: 'Tafel',
    allTables: 'alle tafels van de regio',
    period: 'Periode',
    threshold: (t: number) =>
      `Aantallen kleiner dan ${t} zijn niet getoond (${suppressedMarker}), en ook de aantallen waaruit ze te herleiden zouden zijn.`,
    registrations: 'Besproken aanmeldingen',
    trend: 'Aantallen per kwartaal, naar uitkomst',
    trendChart: 'Besproken aanmeldingen per kwartaal',
    noOfferLine: 'Geen passend aanbod',
    quarter: 'Kwartaal',
    total: 'Totaal',
    byProblemArea: 'Uitkomst per probleemgebied',
    byProblemAreaNote:
      'Een aanmelding kan bij meer probleemgebieden horen; de totalen tellen vermeldingen.',
    byProblemAreaChart: 'Vermeldingen per probleemgebied',
    byQuestionType: 'Uitkomst per soort vraag',
    problemArea: 'Probleemgebied',
    questionType: 'Soort vraag',
    information: 'Informatie van de verwijzer voldoende?',
    insufficientShare: 'Deel met onvoldoende of deels voldoende informatie',
    notShown: 'niet getoond (kleine aantallen)',
    waiting: 'Wachtdagen',
    waitingText: (w: NonNullable<QuarterlyReport['waiting']>) =>
      `Mediaan ${fmt(w.median)} dagen; middelste helft ${fmt(w.q1)}–${fmt(w.q3)} dagen; kortste ${w.min}, langste ${w.max} (${w.count} aanmeldingen).`,
    analysis: 'Verklarende analyse aanwezig',
    present: 'Ja',
    absent: 'Nee',
    bottlenecks: 'Terugkerende knelpunten (minstens twee keer genoemd)',
    missingHelp: 'Geen passend aanbod: welke hulp ontbreekt',
    help: 'Ontbrekende hulp',
    bottleneck: 'Knelpunt',
    count: 'Aantal',
    none: 'Geen.',
    level: { yes: 'Ja', partly: 'Deels', no: 'Nee' },
    outcome: {
      fitting_help: 'Passende hulp gevonden',
      no_fitting_offer: 'Geen passend aanbod',
      waiting: 'Wachten',
      other: 'Anders',
    },
    figure: 'Figuur',
    section: 'Onderdeel',
    row: 'Rij',
    column: 'Kolom',
    value: 'Waarde',
    generated: 'Gemaakt op',
  },
  en: {
    title: 'Access-table quarterly report',
    region: 'Region',
    table: 'Table',
    allTables: "all of the region's tables",
    period: 'Period',
    threshold: (t: number) =>
      `Counts below ${t} are not shown (${suppressedMarker}), nor the counts they could be derived from.`,
    registrations: 'Registrations discussed',
    trend: 'Counts per quarter, by outcome',
    trendChart: 'Registrations discussed per quarter',
    noOfferLine: 'No fitting offer',
    quarter: 'Quarter',
    total: 'Total',
    byProblemArea: 'Outcome by problem area',
    byProblemAreaNote: 'A registration can have several problem areas; totals count mentions.',
    byProblemAreaChart: 'Mentions per problem area',
    byQuestionType: 'Outcome by question type',
    problemArea: 'Problem area',
    questionType: 'Question type',
    information: "Was the referrer's information sufficient?",
    insufficientShare: 'Share with insufficient or partly sufficient information',
    notShown: 'not shown (small counts)',
    waiting: 'Days waiting',
    waitingText: (w: NonNullable<QuarterlyReport['waiting']>) =>
      `Median ${fmt(w.median)} days; middle half ${fmt(w.q1)}–${fmt(w.q3)} days; shortest ${w.min}, longest ${w.max} (${w.count} registrations).`,
    analysis: 'Explanatory analysis present',
    present: 'Yes',
    absent: 'No',
    bottlenecks: 'Recurring bottlenecks (mentioned at least twice)',
    missingHelp: 'No fitting offer: which help is missing',
    help: 'Missing help',
    bottleneck: 'Bottleneck',
    count: 'Count',
    none: 'None.',
    level: { yes: 'Yes', partly: 'Partly', no: 'No' },
    outcome: {
      fitting_help: 'Fitting help found',
      no_fitting_offer: 'No fitting offer exists',
      waiting: 'Waiting',
      other: 'Other',
    },
    figure: 'Figure',
    section: 'Section',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    generated: 'Generated on',
  },
} as const;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function cell(c: ReportCell): string {
  return c.suppressed ? suppressedMarker : String(c.value);
}

/** Every figure as rows of text: the one source of the CSV, the XLSX and the tables. */
function crossRows(table: CrossTable, lang: Lang): string[][] {
  const w = words[lang];
  const rows = table.rows.map((r) => [r.label, ...r.cells.map(cell), cell(r.total)]);
  if (!table.total) return rows;
  return [...rows, [w.total, ...table.totals.map(cell), cell(table.total)]];
}

function outcomeHeader(first: string, lang: Lang): string[] {
  return [first, ...accessOutcomes.map((o) => words[lang].outcome[o]), words[lang].total];
}

// ---- Charts ----

const palette = ['#1d4ed8', '#b45309', '#047857', '#6b7280', '#7c3aed'];

function chartSvg(option: echarts.EChartsCoreOption, width = 640, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'Roboto', fontSize: 12, color: '#1f2937' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function trendChartSvg(report: QuarterlyReport, lang: Lang): string {
  const w = words[lang];
  const noOffer = accessOutcomes.indexOf('no_fitting_offer');
  return chartSvg({
    title: { text: w.trendChart, left: 0, textStyle: { fontSize: 14, fontFamily: 'Roboto' } },
    legend: { bottom: 0, textStyle: { fontFamily: 'Roboto' } },
    grid: { left: 48, right: 16, top: 56, bottom: 56 },
    xAxis: { type: 'category', data: report.trend.rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: w.registrations,
        type: 'bar',
        data: report.trend.rows.map((r) =>
          r.total.value === null ? { value: 0, suppressed: true } : { value: r.total.value },
        ),
        label: {
          show: true,
          position: 'top',
          textBorderColor: 'transparent',
          textBorderWidth: 0,
          formatter: (p: { value: unknown; data: unknown }) =>
            (p.data as { suppressed?: boolean }).suppressed ? suppressedMarker : String(p.value),
        },
      },
      {
        name: w.noOfferLine,
        type: 'line',
        connectNulls: false,
        data: report.trend.rows.map((r) => r.cells[noOffer]?.value ?? null),
      },
    ],
  });
}

export function problemAreaChartSvg(report: QuarterlyReport, lang: Lang): string {
  const w = words[lang];
  const rows = [...report.byProblemArea.rows].reverse();
  return chartSvg(
    {
      title: {
        text: w.byProblemAreaChart,
        left: 0,
        textStyle: { fontSize: 14, fontFamily: 'Roboto' },
      },
      grid: { left: 200, right: 40, top: 40, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          // A suppressed total is drawn as an empty bar labelled with the marker (echarts draws
          // no label for a missing value). No text border: the PDF's SVG renderer ignores
          // paint-order and would paint the white border over the text.
          data: rows.map((r) =>
            r.total.value === null ? { value: 0, suppressed: true } : { value: r.total.value },
          ),
          label: {
            show: true,
            position: 'right',
            textBorderColor: 'transparent',
            textBorderWidth: 0,
            formatter: (p: { value: unknown; data: unknown }) =>
              (p.data as { suppressed?: boolean }).suppressed ? suppressedMarker : String(p.value),
          },
        },
      ],
    },
    640,
    Math.max(160, 60 + rows.length * 28),
  );
}

function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontFiles: [robotoFile], loadSystemFonts: false, defaultFontFamily: 'Roboto' },
  });
  return Buffer.from(resvg.render().asPng());
}

// ---- PDF ----

function heading(report: QuarterlyReport, lang: Lang): string[] {
  const w = words[lang];
  return [
    `${w.region}: ${report.regionName} (${report.regionCode})`,
    `${w.table}: ${report.tableName ?? w.allTables}`,
    `${w.period}: ${report.quarter} (${report.from} – ${report.to})`,
  ];
}

export async function renderReportPdf(report: QuarterlyReport, lang: Lang): Promise<Buffer> {
  const w = words[lang];
  const tableBlock = (
    header: string[],
    rows: string[][],
    widths?: (string | number)[],
  ): Content => ({
    table: {
      headerRows: 1,
      widths: widths ?? header.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [
        header.map((h) => ({ text: h, bold: true, fillColor: '#e5e7eb' })),
        ...rows.map((r, ri) =>
          r.map((c, i) => ({
            text: c,
            alignment: i === 0 ? ('left' as const) : ('right' as const),
            bold: ri === rows.length - 1 && r[0] === w.total,
          })),
        ),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9.5,
    margin: [0, 4, 0, 12],
  });
  const h2 = (text: string): Content => ({ text, style: 'h2' });
  const keep = (...stack: Content[]): Content => ({ stack, unbreakable: true });
  const textList = (list: QuarterlyReport['bottlenecks'], label: string): Content =>
    list.length === 0
      ? { text: w.none, margin: [0, 0, 0, 12] }
      : tableBlock(
          [label, w.count],
          list.map((g) => [g.text, cell(g.count)]),
          ['*', 50],
        );

  const doc: TDocumentDefinitions = {
    info: { title: `${w.title} ${report.regionName} ${report.quarter}` },
    language: lang === 'nl' ? 'nl-NL' : 'en-GB',
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25, color: '#1f2937' },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
      muted: { color: '#4b5563', fontSize: 10 },
    },
    footer: (page: number, pages: number) => ({
      text: `${w.title} · ${report.regionName} · ${report.quarter} · ${page}/${pages}`,
      style: 'muted',
      fontSize: 8.5,
      margin: [48, 20, 48, 0],
    }),
    // A heading stays with what follows it: each section (or its first part) is unbreakable.
    content: [
      { text: w.title, style: 'h1' },
      ...heading(report, lang).map((text) => ({ text, style: 'muted' })),
      { text: w.threshold(report.threshold), style: 'muted', margin: [0, 6, 0, 8] },
      { text: `${w.registrations}: ${cell(report.registrations)}`, bold: true, fontSize: 13 },
      keep(h2(w.trend), { svg: trendChartSvg(report, lang), width: 480 }),
      tableBlock(outcomeHeader(w.quarter, lang), crossRows(report.trend, lang)),
      keep(
        h2(w.byProblemArea),
        { text: w.byProblemAreaNote, style: 'muted' },
        ...(report.byProblemArea.rows.length
          ? [{ svg: problemAreaChartSvg(report, lang), width: 480 } as Content]
          : []),
      ),
      tableBlock(outcomeHeader(w.problemArea, lang), crossRows(report.byProblemArea, lang)),
      keep(
        h2(w.byQuestionType),
        tableBlock(outcomeHeader(w.questionType, lang), crossRows(report.byQuestionType, lang)),
      ),
      keep(
        h2(w.information),
        tableBlock(
          [w.information, w.count],
          report.information.cells.map((c) => [w.level[c.level], cell(c.count)]),
          ['*', 50],
        ),
        {
          text: `${w.insufficientShare}: ${report.information.insufficientShare === null ? w.notShown : `${fmt(report.information.insufficientShare)}%`}`,
        },
      ),
      keep(h2(w.waiting), { text: report.waiting ? w.waitingText(report.waiting) : w.notShown }),
      keep(
        h2(w.analysis),
        tableBlock(
          [w.analysis, w.count],
          [
            [w.present, cell(report.explanatoryAnalysis.present)],
            [w.absent, cell(report.explanatoryAnalysis.absent)],
          ],
          ['*', 50],
        ),
      ),
      keep(h2(w.missingHelp), textList(report.missingHelp, w.help)),
      keep(h2(w.bottlenecks), textList(report.bottlenecks, w.bottleneck)),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

// ---- DOCX ----

export async function renderReportDocx(report: QuarterlyReport, lang: Lang): Promise<Buffer> {
  const w = words[lang];
  const para = (text: string, bold = false) =>
    new Paragraph({ spacing: { after: 100 }, children: [new TextRun({ text, bold })] });
  const h = (
    text: string,
    level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
  ) =>
    new Paragraph({
      heading: level,
      spacing: { before: 240, after: 80 },
      children: [new TextRun(text)],
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
  const image = (svg: string, alt: string, height: number) =>
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: svgToPng(svg, 1280),
          transformation: { width: 600, height },
          altText: { name: alt, title: alt, description: alt },
        }),
      ],
    });
  const textList = (list: QuarterlyReport['bottlenecks'], label: string) =>
    list.length === 0
      ? [para(w.none)]
      : [
          table(
            [label, w.count],
            list.map((g) => [g.text, cell(g.count)]),
          ),
        ];
  const areaHeight = Math.max(160, 60 + report.byProblemArea.rows.length * 28);

  const document = new Document({
    title: `${w.title} ${report.regionName} ${report.quarter}`,
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22, language: { value: lang === 'nl' ? 'nl-NL' : 'en-GB' } },
        },
      },
    },
    sections: [
      {
        children: [
          h(w.title, HeadingLevel.HEADING_1),
          ...heading(report, lang).map((t) => para(t)),
          para(w.threshold(report.threshold)),
          para(`${w.registrations}: ${cell(report.registrations)}`, true),
          h(w.trend),
          image(trendChartSvg(report, lang), w.trendChart, 281),
          table(outcomeHeader(w.quarter, lang), crossRows(report.trend, lang)),
          h(w.byProblemArea),
          para(w.byProblemAreaNote),
          ...(report.byProblemArea.rows.length
            ? [
                image(
                  problemAreaChartSvg(report, lang),
                  w.byProblemAreaChart,
                  Math.round((areaHeight / 640) * 600),
                ),
              ]
            : []),
          table(outcomeHeader(w.problemArea, lang), crossRows(report.byProblemArea, lang)),
          h(w.byQuestionType),
          table(outcomeHeader(w.questionType, lang), crossRows(report.byQuestionType, lang)),
          h(w.information),
          table(
            [w.information, w.count],
            report.information.cells.map((c) => [w.level[c.level], cell(c.count)]),
          ),
          para(
            `${w.insufficientShare}: ${report.information.insufficientShare === null ? w.notShown : `${fmt(report.information.insufficientShare)}%`}`,
          ),
          h(w.waiting),
          para(report.waiting ? w.waitingText(report.waiting) : w.notShown),
          h(w.analysis),
          table(
            [w.analysis, w.count],
            [
              [w.present, cell(report.explanatoryAnalysis.present)],
              [w.absent, cell(report.explanatoryAnalysis.absent)],
            ],
          ),
          h(w.missingHelp),
          ...textList(report.missingHelp, w.help),
          h(w.bottlenecks),
          ...textList(report.bottlenecks, w.bottleneck),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---- CSV and XLSX of the figures ----

/** The figures as long rows: section, row, column, value (the marker where suppressed). */
export function reportFigures(report: QuarterlyReport, lang: Lang): string[][] {
  const w = words[lang];
  const out: string[][] = [[w.section, w.row, w.column, w.value]];
  out.push([w.registrations, report.quarter, w.total, cell(report.registrations)]);
  const cross = (section: string, table: CrossTable) => {
    for (const r of table.rows) {
      accessOutcomes.forEach((o, i) =>
        out.push([section, r.label, w.outcome[o], cell(r.cells[i]!)]),
      );
      out.push([section, r.label, w.total, cell(r.total)]);
    }
    if (!table.total) return;
    accessOutcomes.forEach((o, i) =>
      out.push([section, w.total, w.outcome[o], cell(table.totals[i]!)]),
    );
    out.push([section, w.total, w.total, cell(table.total)]);
  };
  cross(w.trend, report.trend);
  cross(w.byProblemArea, report.byProblemArea);
  cross(w.byQuestionType, report.byQuestionType);
  for (const c of report.information.cells)
    out.push([w.information, w.level[c.level], w.count, cell(c.count)]);
  out.push([
    w.information,
    w.insufficientShare,
    '%',
    report.information.insufficientShare === null
      ? suppressedMarker
      : fmt(report.information.insufficientShare),
  ]);
  const waiting = report.waiting;
  for (const key of ['count', 'median', 'q1', 'q3', 'min', 'max'] as const)
    out.push([w.waiting, key, w.value, waiting ? fmt(waiting[key]) : suppressedMarker]);
  out.push([w.analysis, w.present, w.count, cell(report.explanatoryAnalysis.present)]);
  out.push([w.analysis, w.absent, w.count, cell(report.explanatoryAnalysis.absent)]);
  for (const g of report.missingHelp) out.push([w.missingHelp, g.text, w.count, cell(g.count)]);
  for (const g of report.bottlenecks) out.push([w.bottlenecks, g.text, w.count, cell(g.count)]);
  return out;
}

/** CSV with ; (what Dutch spreadsheet settings expect), a BOM for Excel, every field quoted. */
export function renderReportCsv(report: QuarterlyReport, lang: Lang): Buffer {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const text = reportFigures(report, lang)
    .map((row) => row.map(quote).join(';'))
    .join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function renderReportXlsx(report: QuarterlyReport, lang: Lang): Promise<Buffer> {
  const [header, ...rows] = reportFigures(report, lang);
  const data = [
    header!.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((r) =>
      r.map((value, i) =>
        i === 3 && /^\d+(\.\d+)?$/.test(value) ? { value: Number(value), type: Number } : { value },
      ),
    ),
  ];
  const file = writeXlsxFile(data, {
    columns: [{ width: 40 }, { width: 40 }, { width: 28 }, { width: 10 }],
  });
  return Buffer.from(await file.toBuffer());
}
