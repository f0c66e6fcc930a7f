// Reading an uploaded transcript file into plain text: .txt (UTF-8, or UTF-16 with a BOM),
// .docx (Word) and .odt (LibreOffice/OpenDocument). The type is decided by the CONTENT (magic
// bytes, zip entries), never by the file name or the browser's MIME type, which are easily
// wrong ("verslag.docx" that is really a PDF) and say nothing trustworthy.
//
// The result is the text a coder will code, so it is made predictable:
// - One LF between paragraphs. Mammoth's own raw-text output puts "\n\n" after every paragraph
//   and drops line breaks and table structure, so the .docx is converted to mammoth's HTML and
//   that is read here with the same rules as the .odt: every paragraph, heading and list item
//   is a line, an empty paragraph an empty line, a line break (Shift+Enter) an LF, a tab a tab,
//   a table row one line with its cells separated by tabs (paragraphs within a cell joined by a
//   space). Foot/endnotes and comments are left out with a warning: they are not part of what
//   was said. Tracked changes: the text as it now stands (deleted text left out), with a warning.
// - It ends in normaliseTranscript (NFC, LF, no control characters, no trailing whitespace), the
//   form in which transcripts are stored and in which code-point offsets are counted.
//
// Safety, since the file comes from a browser:
// - at most `maxBytes` (default 10 MB) input;
// - zip archives are read with a small central-directory reader here and node:zlib's inflate,
//   and only the entries needed are inflated: the declared sizes may add up to at most 50 MB
//   (checked before anything is inflated), and inflating an entry stops as soon as it produces
//   more than it declared (a zip bomb that lies about its size), so the 50 MB holds for what is
//   really unpacked too;
// - mammoth only sees a re-packed archive of the XML parts (never media, embedded objects or an
//   embedded style map), it reads no external files and no image is ever read;
// - XML with a DOCTYPE is refused (no entity expansion of any kind); only the five predefined
//   entities and character references are decoded, after the parse;
// - the text produced is capped too (text:s c="…" can multiply), at MAX_TEXT_LENGTH.

import { inflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { normaliseTranscript } from '../../../../shared/domain/text-offsets';

export type TranscriptFormat = 'txt' | 'docx' | 'odt';

export type TranscriptErrorCode =
  'UNSUPPORTED_TYPE' | 'BAD_ENCODING' | 'TOO_LARGE' | 'EMPTY' | 'CORRUPT';

/** Why a file could not be read as a transcript; `message` is Dutch, for the uploader. */
export class TranscriptError extends Error {
  override name = 'TranscriptError';
  constructor(
    readonly code: TranscriptErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ExtractedTranscript = {
  /** The text, normalised with normaliseTranscript. */
  text: string;
  format: TranscriptFormat;
  /** Dutch notes for the uploader about what was left out (notes, comments, …). */
  warnings: string[];
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** The most a zip may unpack to, declared and actual. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** The longest text produced from a document, in UTF-16 units. */
export const MAX_TEXT_LENGTH = 50 * 1024 * 1024;

const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
const ALLOWED = 'upload de tekst als .txt, .docx of .odt.';

/** Read an uploaded transcript. Throws TranscriptError when it cannot be used. */
export async function extractTranscript(
  bytes: Uint8Array,
  opts?: { maxBytes?: number },
): Promise<ExtractedTranscript> {
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new TranscriptError(
      'TOO_LARGE',
      `Het bestand is groter dan ${megabytes(maxBytes)} MB. Splits het transcript op of verklein het bestand (bijvoorbeeld zonder afbeeldingen).`,
    );
  }
  if (bytes.length === 0) throw new TranscriptError('EMPTY', 'Het bestand is leeg.');

  let raw: { text: string; format: TranscriptFormat; warnings: string[] };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    raw = await readZipDocument(bytes);
  } else {
    refuseKnownBinary(bytes);
    raw = { text: decodeText(bytes), format: 'txt', warnings: [] };
    refuseMarkup(raw.text);
  }

  const text = normaliseTranscript(raw.text);
  if (text.trim() === '') {
    throw new TranscriptError('EMPTY', 'Het bestand bevat geen tekst.');
  }
  return { text, format: raw.format, warnings: raw.warnings };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Files people upload by mistake, recognised by their first bytes, with a name for the message. */
const knownBinaries: { magic: number[]; at?: number; what: string }[] = [
  { magic: ascii('%PDF'), what: 'een PDF-bestand' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'een afbeelding (PNG)' },
  { magic: [0xff, 0xd8, 0xff], what: 'een afbeelding (JPEG)' },
  { magic: ascii('GIF87a'), what: 'een afbeelding (GIF)' },
  { magic: ascii('GIF89a'), what: 'een afbeelding (GIF)' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'een oud Word-bestand (.doc) of een met een wachtwoord beveiligd Office-bestand',
  },
  { magic: ascii('{\\rtf'), what: 'een RTF-bestand' },
  { magic: [0x1f, 0x8b], what: 'een gecomprimeerd bestand (gzip)' },
  { magic: ascii('ID3'), what: 'een geluidsopname (MP3)' },
  { magic: ascii('OggS'), what: 'een geluidsopname (Ogg)' },
  { magic: ascii('fLaC'), what: 'een geluidsopname (FLAC)' },
  { magic: ascii('ftyp'), at: 4, what: 'een geluids- of video-opname (MP4/M4A)' },
];

function refuseKnownBinary(bytes: Uint8Array): void {
  for (const known of knownBinaries) {
    if (startsWith(bytes, known.magic, known.at)) {
      throw new TranscriptError('UNSUPPORTED_TYPE', `Dit is ${known.what}; ${ALLOWED}`);
    }
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) {
    throw new TranscriptError('UNSUPPORTED_TYPE', `Dit is een geluidsopname (WAV); ${ALLOWED}`);
  }
}

const binaryMessage = `Dit bestand bevat binaire gegevens en is geen tekstbestand (of het is UTF-16 zonder byte-order mark); ${ALLOWED}`;

function decodeText(bytes: Uint8Array): string {
  // UTF-32 LE starts with FF FE 00 00, which would otherwise pass for UTF-16 LE.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new TranscriptError(
      'BAD_ENCODING',
      'Dit tekstbestand is in UTF-32 opgeslagen. Sla het op als UTF-8 en upload het opnieuw.',
    );
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const littleEndian = bytes[0] === 0xff;
    let units = bytes.subarray(2);
    if (!littleEndian) {
      // Swap to little-endian: Node's TextDecoder always knows 'utf-16le'.
      const swapped = new Uint8Array(units.length);
      for (let i = 0; i + 1 < units.length; i += 2) {
        swapped[i] = units[i + 1] as number;
        swapped[i + 1] = units[i] as number;
      }
      if (units.length % 2 === 1) swapped[units.length - 1] = units[units.length - 1] as number;
      units = swapped;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(units);
    } catch {
      throw new TranscriptError(
        'BAD_ENCODING',
        'Dit UTF-16-tekstbestand is beschadigd. Sla het op als UTF-8 en upload het opnieuw.',
      );
    }
    if (text.includes('\u0000')) throw new TranscriptError('UNSUPPORTED_TYPE', binaryMessage);
    return text;
  }
  if (bytes.includes(0)) throw new TranscriptError('UNSUPPORTED_TYPE', binaryMessage);
  try {
    // A UTF-8 BOM is removed by the decoder (ignoreBOM false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TranscriptError(
      'BAD_ENCODING',
      'Dit tekstbestand is niet in UTF-8 opgeslagen (misschien Windows-1252 of een ander oud formaat). Sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8) en upload het opnieuw.',
    );
  }
}

/** Text files that are really markup documents, which would be stored with all their tags. */
function refuseMarkup(text: string): void {
  const start = text
    .replace(/^\ufeff?\s*/, '')
    .slice(0, 200)
    .toLowerCase();
  if (start.startsWith('<?xml')) {
    const what = start.includes('office:document')
      ? 'een plat OpenDocument-bestand (.fodt); sla het op als .odt of'
      : 'een XML-bestand;';
    throw new TranscriptError('UNSUPPORTED_TYPE', `Dit is ${what} ${ALLOWED}`);
  }
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new TranscriptError('UNSUPPORTED_TYPE', `Dit is een webpagina (HTML); ${ALLOWED}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Zip archives

type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const corruptZip = () =>
  new TranscriptError(
    'CORRUPT',
    'Het bestand is beschadigd en kan niet worden gelezen. Sla het opnieuw op en probeer het nog eens.',
  );

/** The central directory of a zip: every entry with its declared sizes, first name wins. */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  const inBounds = (at: number, length: number) => at >= 0 && at + length <= bytes.length;

  // End of central directory record: 22 bytes plus a comment of at most 65535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corruptZip();
  let count = u16(eocd + 10);
  let directoryOffset = u32(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    // Zip64: the locator sits just before the record and points to the zip64 record.
    const locator = eocd - 20;
    if (!inBounds(locator, 20) || u32(locator) !== 0x07064b50) throw corruptZip();
    const record = u64(locator + 8);
    if (!inBounds(record, 56) || u32(record) !== 0x06064b50) throw corruptZip();
    count = u64(record + 32);
    directoryOffset = u64(record + 48);
  }

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (!inBounds(at, 46) || u32(at) !== 0x02014b50) throw corruptZip();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!inBounds(at + 46, nameLength + extraLength + commentLength)) throw corruptZip();
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    };
    // Zip64 extended information (header id 1) holds the fields that are 0xFFFFFFFF, in order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = (): number => {
          if (field + 8 > extra + 4 + length) throw corruptZip();
          const value = u64(field);
          field += 8;
          return value;
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      }
      extra += 4 + length;
    }
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates the entries it is asked for, keeping a running total against MAX_UNZIPPED_BYTES and
 * never producing more of an entry than its declared size.
 */
class ZipReader {
  private inflatedTotal = 0;
  readonly entries: Map<string, ZipEntry>;

  constructor(private readonly bytes: Uint8Array) {
    this.entries = readZipDirectory(bytes);
    let declared = 0;
    for (const entry of this.entries.values()) declared += entry.size;
    if (declared > MAX_UNZIPPED_BYTES) throw tooLargeUnzipped();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw corruptZip();
    if (entry.flags & 0x0001) {
      throw new TranscriptError(
        'UNSUPPORTED_TYPE',
        'Dit document is met een wachtwoord beveiligd. Haal de beveiliging eraf en upload het opnieuw.',
      );
    }
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const local = entry.localHeaderOffset;
    if (local + 30 > this.bytes.length || view.getUint32(local, true) !== 0x04034b50) {
      throw corruptZip();
    }
    const dataStart =
      local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.bytes.length) throw corruptZip();
    const data = this.bytes.subarray(dataStart, dataEnd);
    if (this.inflatedTotal + entry.size > MAX_UNZIPPED_BYTES) throw tooLargeUnzipped();

    let result: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw corruptZip();
      result = data;
    } else if (entry.method === 8) {
      result = inflateCapped(data, entry.size);
    } else {
      throw corruptZip(); // only stored and deflate exist in documents
    }
    this.inflatedTotal += result.length;
    return result;
  }

  readText(name: string): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.read(name));
    } catch (error) {
      if (error instanceof TranscriptError) throw error;
      throw corruptZip();
    }
  }
}

const tooLargeUnzipped = () =>
  new TranscriptError(
    'TOO_LARGE',
    `Het document pakt uit tot meer dan ${megabytes(MAX_UNZIPPED_BYTES)} MB en wordt daarom niet gelezen.`,
  );

/**
 * Inflate one entry with node:zlib, which stops (ERR_BUFFER_TOO_LARGE) as soon as the output
 * would pass `maxOutputLength`, set to the entry's declared size: a lying entry costs a few
 * kilobytes of work, not its real size. (fflate's streaming inflate was measured at about
 * 60 ms per megabyte of a zero bomb and cannot stop inside one pushed chunk.)
 */
function inflateCapped(data: Uint8Array, declaredSize: number): Uint8Array {
  let result: Uint8Array;
  try {
    // maxOutputLength must be at least 1.
    result = inflateRawSync(data, { maxOutputLength: Math.max(declaredSize, 1) });
  } catch {
    throw corruptZip(); // too long for its declared size, truncated, or not deflate at all
  }
  if (result.length !== declaredSize) throw corruptZip();
  return result;
}

async function readZipDocument(
  bytes: Uint8Array,
): Promise<{ text: string; format: TranscriptFormat; warnings: string[] }> {
  const zip = new ZipReader(bytes);

  if (zip.has('mimetype')) {
    const entry = zip.entries.get('mimetype') as ZipEntry;
    const mimetype = entry.size <= 200 ? zip.readText('mimetype').trim() : '';
    if (mimetype === ODT_MIMETYPE) return readOdt(zip);
    throw new TranscriptError(
      'UNSUPPORTED_TYPE',
      `Dit is ${nameOpenDocument(mimetype)}; ${ALLOWED}`,
    );
  }
  if (zip.has('[Content_Types].xml') && zip.has('word/document.xml')) return readDocx(zip);
  throw new TranscriptError('UNSUPPORTED_TYPE', `Dit is ${nameOtherZip(zip)}; ${ALLOWED}`);
}

function nameOpenDocument(mimetype: string): string {
  const kind = mimetype.replace('application/vnd.oasis.opendocument.', '');
  if (kind.startsWith('spreadsheet')) return 'een rekenblad (OpenDocument, .ods)';
  if (kind.startsWith('presentation')) return 'een presentatie (OpenDocument, .odp)';
  if (kind.startsWith('graphics')) return 'een tekening (OpenDocument, .odg)';
  if (kind.startsWith('text')) return 'een OpenDocument-sjabloon of -hoofddocument';
  if (mimetype.startsWith('application/epub')) return 'een e-boek (EPUB)';
  return 'een ZIP-archief dat geen tekstdocument is';
}

function nameOtherZip(zip: ZipReader): string {
  if (zip.has('xl/workbook.xml')) return 'een Excel-bestand';
  if (zip.has('ppt/presentation.xml')) return 'een PowerPoint-bestand';
  return 'een ZIP-archief dat geen tekstdocument is';
}

// ---------------------------------------------------------------------------------------------
// XML to lines: one walker, with element rules for ODF content.xml and for mammoth's HTML.

/** A node of fast-xml-parser's preserveOrder output. */
type XmlNode = { [key: string]: unknown };

type Kind =
  | 'paragraph' // p, h, li: one line (an empty one when it has no text)
  | 'row' // a table row: one line, cells separated by tabs
  | 'cell'
  | 'lineBreak'
  | 'tab'
  | 'spaces' // text:s, count in text:c
  | 'note' // foot/endnote: left out, counted
  | 'comment' // annotation: left out, counted
  | 'trackedChanges' // ODF change-tracking store (holds deleted text): left out, flagged
  | 'drop' // left out silently
  | 'descend'; // anything else: its children, in the same context

type Rules = {
  kind(name: string, attributes: Record<string, string>): Kind;
  /** ODF: runs of white space in text collapse to one space (ODF 1.2 §6.1.2); HTML: kept. */
  collapseWhitespace: boolean;
};

const odtRules: Rules = {
  collapseWhitespace: true,
  kind(name) {
    switch (name) {
      case 'text:p':
      case 'text:h':
        return 'paragraph';
      case 'table:table-row':
        return 'row';
      case 'table:table-cell':
      case 'table:covered-table-cell':
        return 'cell';
      case 'text:line-break':
        return 'lineBreak';
      case 'text:tab':
        return 'tab';
      case 'text:s':
        return 'spaces';
      case 'text:note':
        return 'note';
      case 'office:annotation':
        return 'comment';
      case 'text:tracked-changes':
        return 'trackedChanges';
      case 'svg:title':
      case 'svg:desc':
      case 'office:forms':
        return 'drop';
      default:
        return 'descend';
    }
  },
};

const noteId = /^(?:footnote|endnote)-/;
const noteHref = /^#(?:footnote|endnote)-/;

const mammothHtmlRules: Rules = {
  collapseWhitespace: false,
  kind(name, attributes) {
    switch (name) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return 'paragraph';
      case 'li':
        return noteId.test(attributes.id ?? '') ? 'note' : 'paragraph';
      case 'tr':
        return 'row';
      case 'td':
      case 'th':
        return 'cell';
      case 'br':
        return 'lineBreak';
      case 'a':
        return noteHref.test(attributes.href ?? '') ? 'drop' : 'descend';
      default:
        return 'descend';
    }
  },
};

type Counts = { notes: number; comments: number; trackedChanges: boolean; length: number };

class LineBuilder {
  readonly lines: string[] = [];
  private current: string | null = null;
  private paragraphDepth = 0;
  /** The current line ends in a space that came from collapsed white space. */
  private collapsedSpace = false;

  constructor(
    private readonly rules: Rules,
    readonly counts: Counts,
  ) {}

  walk(nodes: readonly XmlNode[]): void {
    for (const node of nodes) this.visit(node);
  }

  private visit(node: XmlNode): void {
    if ('#text' in node) {
      this.text(decodeEntities(String(node['#text'])));
      return;
    }
    const name = elementName(node);
    if (name === undefined) return;
    const children = childrenOf(node, name);
    if (name === '#cdata') {
      // CDATA content is literal: no entity decoding.
      for (const child of children) if ('#text' in child) this.text(String(child['#text']));
      return;
    }
    switch (this.rules.kind(name, attributesOf(node))) {
      case 'paragraph':
        this.paragraph(children);
        return;
      case 'row':
        this.row(children);
        return;
      case 'lineBreak':
        this.literal('\n');
        return;
      case 'tab':
        this.literal('\t');
        return;
      case 'spaces': {
        const count = Number.parseInt(attributesOf(node)['text:c'] ?? '1', 10);
        this.literal(' '.repeat(Number.isFinite(count) ? Math.min(Math.max(count, 1), 1000) : 1));
        return;
      }
      case 'note':
        this.counts.notes++;
        return;
      case 'comment':
        this.counts.comments++;
        return;
      case 'trackedChanges':
        this.counts.trackedChanges = true;
        return;
      case 'drop':
        return;
      case 'cell':
      case 'descend':
        this.walk(children);
        return;
    }
  }

  /** Text outside any paragraph is the indentation between elements: ignored. */
  private text(value: string): void {
    if (this.paragraphDepth === 0) return;
    let text = value;
    if (this.rules.collapseWhitespace) {
      text = text.replace(/[ \t\r\n]+/g, ' ');
      // A space at the start of a paragraph, or after collapsed space, is dropped.
      if (
        text.startsWith(' ') &&
        (this.current === null || this.current === '' || this.collapsedSpace)
      ) {
        text = text.slice(1);
      }
      if (text === '') return;
      this.collapsedSpace = text.endsWith(' ');
    }
    this.append(text);
  }

  /** Characters from elements (tab, line break, text:s): never collapsed. */
  private literal(value: string): void {
    if (this.paragraphDepth === 0) return;
    this.collapsedSpace = false;
    this.append(value);
  }

  private append(value: string): void {
    this.counts.length += value.length;
    if (this.counts.length > MAX_TEXT_LENGTH) {
      throw new TranscriptError(
        'TOO_LARGE',
        'De tekst in dit document is te lang om als één transcript te bewaren. Splits het op.',
      );
    }
    this.current = (this.current ?? '') + value;
  }

  private endLine(): void {
    if (this.current !== null) this.lines.push(this.current);
    this.current = null;
    this.collapsedSpace = false;
  }

  private paragraph(children: readonly XmlNode[]): void {
    // A paragraph inside a paragraph (a text frame, a nested list in an HTML li) gets lines of
    // its own; the outer paragraph goes on after it on a new line.
    this.endLine();
    const before = this.lines.length;
    this.paragraphDepth++;
    this.current = '';
    this.walk(children);
    this.paragraphDepth--;
    if (this.current !== null && (this.current !== '' || this.lines.length === before)) {
      this.lines.push(this.current);
    }
    this.current = null;
    this.collapsedSpace = false;
    if (this.paragraphDepth > 0) this.current = '';
  }

  private row(children: readonly XmlNode[]): void {
    this.endLine();
    const cells: string[] = [];
    for (const child of children) {
      const name = elementName(child);
      if (name === undefined || this.rules.kind(name, attributesOf(child)) !== 'cell') continue;
      const cell = new LineBuilder(this.rules, this.counts);
      cell.walk(childrenOf(child, name));
      cells.push(cell.lines.join(' '));
    }
    this.lines.push(cells.join('\t'));
    if (this.paragraphDepth > 0) this.current = '';
  }
}

function elementName(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

function childrenOf(node: XmlNode, name: string): XmlNode[] {
  const children = node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function attributesOf(node: XmlNode): Record<string, string> {
  const attributes = node[':@'];
  if (typeof attributes !== 'object' || attributes === null) return {};
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes))
    result[key] = decodeEntities(String(value));
  return result;
}

/** The five predefined XML entities and character references; anything else is left as is. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g,
    (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named !== undefined) return namedEntities[named] ?? whole;
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    },
  );
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function parseXml(xml: string, validate: boolean): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new TranscriptError(
      'CORRUPT',
      'Het document bevat een DOCTYPE-declaratie; die wordt om veiligheidsredenen niet gelezen. Sla het opnieuw op als .docx of .odt.',
    );
  }
  if (validate && XMLValidator.validate(xml) !== true) throw corruptZip();
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  try {
    return parser.parse(xml) as XmlNode[];
  } catch {
    throw corruptZip();
  }
}

/** The first element called `name` among the nodes, and its children. */
function child(nodes: readonly XmlNode[], name: string): XmlNode[] | undefined {
  for (const node of nodes) if (elementName(node) === name) return childrenOf(node, name);
  return undefined;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

function warningsFor(counts: Counts): string[] {
  const warnings: string[] = [];
  if (counts.notes > 0) {
    warnings.push(
      `Het document bevat ${plural(counts.notes, 'voet- of eindnoot', 'voet- of eindnoten')}; ${counts.notes === 1 ? 'die is' : 'die zijn'} niet in de tekst overgenomen.`,
    );
  }
  if (counts.comments > 0) {
    warnings.push(
      `Het document bevat ${plural(counts.comments, 'opmerking', 'opmerkingen')}; ${counts.comments === 1 ? 'die is' : 'die zijn'} niet in de tekst overgenomen.`,
    );
  }
  if (counts.trackedChanges) {
    warnings.push(
      'Het document bevat bijgehouden wijzigingen; de tekst is gelezen zoals die nu is, zonder de verwijderde tekst.',
    );
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// OpenDocument text

function readOdt(zip: ZipReader): { text: string; format: 'odt'; warnings: string[] } {
  if (!zip.has('content.xml')) throw corruptZip();
  const document = parseXml(zip.readText('content.xml'), true);
  const body = child(
    child(child(document, 'office:document-content') ?? [], 'office:body') ?? [],
    'office:text',
  );
  if (!body) throw corruptZip();
  const counts: Counts = { notes: 0, comments: 0, trackedChanges: false, length: 0 };
  const builder = new LineBuilder(odtRules, counts);
  builder.walk(body);
  return { text: builder.lines.join('\n'), format: 'odt', warnings: warningsFor(counts) };
}

// ---------------------------------------------------------------------------------------------
// Word (.docx)

async function readDocx(
  zip: ZipReader,
): Promise<{ text: string; format: 'docx'; warnings: string[] }> {
  // Only the XML parts go to mammoth: no media, embedded objects or embedded style map.
  const parts: Record<string, Uint8Array> = {};
  for (const name of zip.entries.keys()) {
    if (/\.(?:xml|rels)$/i.test(name)) parts[name] = zip.read(name);
  }
  // Mammoth's XML parser is not ours to configure: refuse a DOCTYPE in any part up front.
  const decoder = new TextDecoder('utf-8');
  for (const data of Object.values(parts)) {
    const xml = decoder.decode(data);
    if (/<!DOCTYPE/i.test(xml)) parseXml(xml, false); // throws the DOCTYPE error
  }
  const documentXml = decoder.decode(parts['word/document.xml']);

  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const repacked = zipSync(parts, { level: 0 });
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        ignoreEmptyParagraphs: false,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch {
    throw corruptZip();
  }

  const counts: Counts = { notes: 0, comments: 0, trackedChanges: false, length: 0 };
  const builder = new LineBuilder(mammothHtmlRules, counts);
  builder.walk(child(parseXml(`<root>${html}</root>`, false), 'root') ?? []);

  // Mammoth leaves comments and deleted text out by itself; count them for the warnings.
  counts.comments += (documentXml.match(/<w:commentReference\b/g) ?? []).length;
  counts.trackedChanges = /<w:(?:del|ins|moveFrom|moveTo)\b/.test(documentXml);
  const warnings = warningsFor(counts);
  for (const message of messages) {
    if (message.type === 'error')
      warnings.push(`Bij het lezen van het Word-bestand: ${message.message}`);
  }
  return { text: builder.lines.join('\n'), format: 'docx', warnings };
}
