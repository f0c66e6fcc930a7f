// The import of registrations from CSV or XLSX. An upload is recognised by its content (a ZIP
// container is XLSX; otherwise it must be UTF-8 text without control characters, read as CSV with
// ; or , as separator), limited in size and rows, and kept server-side for a short while under an
// id (monitoring_imports). The mapping is suggested from Dutch and English headers; every row is
// then converted and checked with the same rules as the form, and each error names its row
// (as a spreadsheet counts, the header being row 1), its column and what is wrong.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../http/errors';
import {
  accessOutcomes,
  ageBands,
  importFields,
  importLimits,
  registrationInputSchema,
  requiredImportFields,
  type ImportField,
  type ImportMapping,
  type ImportRowError,
} from '../../../shared/contract/monitoring';
import { checkRegistration, type Lists, type RegionTable } from './rules';
import type { CheckedRegistration } from './save';

export type ParsedFile = { headers: string[]; rows: string[][] };

function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Reads an uploaded file into a header row and data rows of text. */
export async function parseUpload(buffer: Buffer): Promise<ParsedFile> {
  if (buffer.length === 0) throw new AppError('INVALID_INPUT', 'Het bestand is leeg.');
  if (buffer.length > importLimits.bytes)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Het bestand is groter dan 2 MB.');
  let table: string[][];
  if (isZip(buffer)) {
    try {
      const data = await readSheet(buffer);
      table = data.map((row) => row.map(cellString));
    } catch {
      throw new AppError('INVALID_INPUT', 'Dit Excel-bestand (XLSX) kan niet worden gelezen.');
    }
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
    } catch {
      throw new AppError('INVALID_INPUT', 'Dit is geen CSV-bestand in UTF-8 of een XLSX-bestand.');
    }
    // eslint-disable-next-line no-control-regex -- binary files are refused by what they contain
    if (/[\u0000-\u0008\u000E-\u001F]/.test(text))
      throw new AppError('INVALID_INPUT', 'Dit is geen CSV-bestand in UTF-8 of een XLSX-bestand.');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter =
      (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    try {
      table = parse(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        bom: true,
      }) as string[][];
    } catch {
      throw new AppError(
        'INVALID_INPUT',
        'Dit CSV-bestand kan niet worden gelezen (aanhalingstekens of scheidingstekens kloppen niet).',
      );
    }
    table = table.map((row) => row.map((c) => c.trim()));
  }
  table = table.filter((row) => row.some((c) => c.length > 0));
  const [headers, ...rows] = table;
  if (!headers || rows.length === 0)
    throw new AppError('INVALID_INPUT', 'Het bestand heeft geen kopregel met rijen eronder.');
  if (rows.length > importLimits.rows)
    throw new AppError(
      'INVALID_INPUT',
      `Het bestand heeft meer dan ${importLimits.rows} rijen. Splits het op.`,
    );
  if (headers.length > 100)
    throw new AppError('INVALID_INPUT', 'Het bestand heeft meer dan 100 kolommen.');
  return { headers, rows };
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** Headers that name each field, in Dutch and English (compared without case, spaces or accents). */
const synonyms: Record<ImportField, string[]> = {
  tableName: ['tafel', 'toegangstafel', 'table', 'accesstable'],
  discussedOn: ['datum', 'datumbespreking', 'besprokenop', 'date', 'discussedon', 'meetingdate'],
  reference: [
    'referentie',
    'kenmerk',
    'tafelnummer',
    'nummer',
    'reference',
    'ref',
    'tablereference',
  ],
  referringTeam: [
    'verwijzer',
    'verwijzendteam',
    'gebiedsteam',
    'referringteam',
    'referrer',
    'team',
  ],
  ageBand: ['leeftijd', 'leeftijdsgroep', 'leeftijdscategorie', 'age', 'ageband', 'agegroup'],
  problemAreas: [
    'probleemgebieden',
    'probleemgebied',
    'problematiek',
    'problemareas',
    'problemarea',
    'problems',
  ],
  questionType: ['soortvraag', 'vraag', 'typevraag', 'vraagtype', 'questiontype', 'question'],
  informationSufficient: [
    'informatievoldoende',
    'infovoldoende',
    'informatie',
    'informationsufficient',
    'information',
  ],
  informationMissing: [
    'ontbrekendeinformatie',
    'watontbrak',
    'informatieontbrak',
    'informationmissing',
    'missinginformation',
  ],
  outcome: ['uitkomst', 'resultaat', 'outcome', 'result'],
  missingHelp: [
    'ontbrekendehulp',
    'ontbrekendaanbod',
    'welkehulpontbreekt',
    'missinghelp',
    'missingoffer',
  ],
  daysWaiting: [
    'wachtdagen',
    'dagenwachten',
    'wachttijd',
    'wachttijddagen',
    'dayswaiting',
    'waitingdays',
    'waitingtime',
  ],
  hasExplanatoryAnalysis: [
    'verklarendeanalyse',
    'analyse',
    'verklarendeanalyseaanwezig',
    'explanatoryanalysis',
    'analysis',
  ],
  bottlenecks: ['knelpunten', 'knelpunt', 'bottlenecks', 'bottleneck'],
};

export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping = {} as ImportMapping;
  const taken = new Set<number>();
  for (const field of importFields) {
    const index = headers.findIndex((h, i) => !taken.has(i) && synonyms[field].includes(normal(h)));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}

const yes = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'waar']);
const no = new Set(['nee', 'n', 'no', 'false', '0', 'onwaar']);
const partly = new Set(['deels', 'gedeeltelijk', 'partly', 'partial', 'partially']);

const outcomeWords: Record<string, (typeof accessOutcomes)[number]> = {
  passendehulpgevonden: 'fitting_help',
  passendehulp: 'fitting_help',
  fittinghelpfound: 'fitting_help',
  geenpassendaanbod: 'no_fitting_offer',
  geenpassendaanbodbeschikbaar: 'no_fitting_offer',
  nofittingofferexists: 'no_fitting_offer',
  nofittingoffer: 'no_fitting_offer',
  wachten: 'waiting',
  wachtend: 'waiting',
  wachtlijst: 'waiting',
  waiting: 'waiting',
  anders: 'other',
  overig: 'other',
  other: 'other',
};

function listCode(entries: Lists[keyof Lists], value: string): string {
  const key = normal(value);
  const entry = entries.find((e) => normal(e.code) === key || normal(e.label) === key);
  return entry ? entry.code : value;
}

type Converted = {
  input: Record<string, unknown>;
  errors: { field: ImportField; message: string }[];
};

/** One row of text into the shape of the form, noting what cannot be read. */
function convertRow(
  row: readonly string[],
  mapping: ImportMapping,
  context: { lists: Lists; tables: readonly RegionTable[]; defaultTableId: string | null },
): Converted {
  const errors: Converted['errors'] = [];
  const get = (field: ImportField) => {
    const index = mapping[field];
    return index === null || index === undefined ? '' : (row[index] ?? '').trim();
  };
  const input: Record<string, unknown> = {};

  const tableName = get('tableName');
  if (mapping.tableName !== null && mapping.tableName !== undefined && tableName) {
    const table = context.tables.find((t) => normal(t.name) === normal(tableName));
    if (table) input.tableId = table.id;
    else
      errors.push({ field: 'tableName', message: `Onbekende tafel in deze regio: ${tableName}` });
  } else if (context.defaultTableId) input.tableId = context.defaultTableId;
  else
    errors.push({
      field: 'tableName',
      message: 'Geen tafel: vul de kolom in of kies een tafel voor het hele bestand',
    });

  const date = get('discussedOn');
  const dutch = date.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  input.discussedOn = dutch
    ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`
    : date;
  input.reference = get('reference');
  input.referringTeam = get('referringTeam');
  const age = get('ageBand').replace(/\s/g, '').replace(/[–—]/g, '-');
  input.ageBand = (ageBands as readonly string[]).includes(age) ? age : get('ageBand');
  input.problemAreas = get('problemAreas')
    .split(/[;|,]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => listCode(context.lists.problem_area, p));
  input.questionType = listCode(context.lists.question_type, get('questionType'));
  const info = normal(get('informationSufficient'));
  input.informationSufficient = yes.has(info)
    ? 'yes'
    : no.has(info)
      ? 'no'
      : partly.has(info)
        ? 'partly'
        : get('informationSufficient');
  input.informationMissing = get('informationMissing');
  const outcome = normal(get('outcome'));
  input.outcome = (accessOutcomes as readonly string[]).includes(get('outcome'))
    ? get('outcome')
    : (outcomeWords[outcome] ?? get('outcome'));
  input.missingHelp = get('missingHelp');
  const days = get('daysWaiting');
  if (/^-?\d+$/.test(days)) input.daysWaiting = Number(days);
  else
    errors.push({
      field: 'daysWaiting',
      message: days ? `Geen heel aantal dagen: ${days}` : 'Vul het aantal wachtdagen in',
    });
  const analysis = normal(get('hasExplanatoryAnalysis'));
  if (yes.has(analysis)) input.hasExplanatoryAnalysis = true;
  else if (no.has(analysis)) input.hasExplanatoryAnalysis = false;
  else errors.push({ field: 'hasExplanatoryAnalysis', message: 'Vul ja of nee in' });
  input.bottlenecks = get('bottlenecks');
  return { input, errors };
}

/** Which field a zod issue path or a rule's path is about. */
function fieldOf(path: string): ImportField {
  if (path === 'tableId') return 'tableName';
  return (importFields as readonly string[]).includes(path) ? (path as ImportField) : 'reference';
}

const friendly: Partial<Record<ImportField, string>> = {
  discussedOn: 'Geen geldige datum (gebruik 2026-03-31 of 31-03-2026)',
  ageBand: `Onbekende leeftijdsgroep (kies uit ${ageBands.join(', ')})`,
  informationSufficient: 'Vul ja, deels of nee in',
  outcome: 'Onbekende uitkomst (passende hulp gevonden, geen passend aanbod, wachten, anders)',
};

export type RowCheck = {
  rowCount: number;
  good: CheckedRegistration[];
  errors: ImportRowError[];
  invalidRows: number;
};

/** Converts and checks every row; the good rows and a list of errors by row and column. */
export function checkRows(
  file: ParsedFile,
  mapping: ImportMapping,
  context: {
    lists: Lists;
    tables: readonly RegionTable[];
    defaultTableId: string | null;
    today: string;
  },
): RowCheck {
  const missing = requiredImportFields.filter(
    (f) => mapping[f] === null || mapping[f] === undefined,
  );
  if (missing.length > 0)
    throw new AppError('INVALID_INPUT', `Koppel eerst een kolom aan: ${missing.join(', ')}`, {
      fields: missing.map((f) => ({ path: `mapping.${f}`, message: 'Kies een kolom' })),
    });
  for (const index of Object.values(mapping))
    if (index !== null && index >= file.headers.length)
      throw new AppError('INVALID_INPUT', 'Een gekozen kolom bestaat niet in het bestand.');
  const columnOf = (field: ImportField) => {
    const index = mapping[field];
    return index === null || index === undefined ? field : (file.headers[index] ?? field);
  };
  const good: CheckedRegistration[] = [];
  const errors: ImportRowError[] = [];
  let invalidRows = 0;
  file.rows.forEach((row, i) => {
    const rowNumber = i + 2;
    const rowErrors: { field: ImportField; message: string }[] = [];
    const converted = convertRow(row, mapping, context);
    rowErrors.push(...converted.errors);
    const parsed = registrationInputSchema.safeParse(converted.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(String(issue.path[0] ?? ''));
        if (rowErrors.some((e) => e.field === field)) continue;
        rowErrors.push({ field, message: friendly[field] ?? issue.message });
      }
    }
    // The rules also run on a row whose shape is wrong elsewhere, so one pass names every error.
    const raw = converted.input;
    const ruleErrors = checkRegistration(
      {
        tableId: typeof raw.tableId === 'string' ? raw.tableId : '',
        discussedOn: typeof raw.discussedOn === 'string' ? raw.discussedOn : '',
        problemAreas: Array.isArray(raw.problemAreas) ? (raw.problemAreas as string[]) : [],
        questionType: typeof raw.questionType === 'string' ? raw.questionType : '',
      },
      context,
    );
    for (const error of ruleErrors) {
      const field = fieldOf(error.path);
      if (!rowErrors.some((e) => e.field === field))
        rowErrors.push({ field, message: error.message });
    }
    if (parsed.success && rowErrors.length === 0) good.push(parsed.data as CheckedRegistration);
    if (rowErrors.length > 0) {
      invalidRows += 1;
      for (const e of rowErrors)
        errors.push({
          row: rowNumber,
          column: columnOf(e.field),
          field: e.field,
          message: e.message,
        });
    }
  });
  return { rowCount: file.rows.length, good, errors, invalidRows };
}
