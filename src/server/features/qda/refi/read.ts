// REFI-QDA reader: project.qde / .qdc XML → the model (model.ts), and .qdpx archives opened with
// random access (yauzl) so one transcript at a time is decompressed. Pure: no database.
//
// Positions (spec §10.2): PlainTextSelection startPosition/endPosition count Unicode code points,
// first code point 0. The spec's wording ("the first and the last character") reads as if the end
// were inclusive, but real tools write an EXCLUSIVE end (end = start + length), and so do we.
// Evidence, samples/qc_demo_interviews.qdpx (qc 1.3.2): all 158 selections in board_2017.txt are
// named "line:N"; every one starts exactly at the first character of line N (0-based) and ends
// exactly at the first character of line N+1, i.e. text[start..end) is the whole line including
// its "\n" (e.g. "line:6" 320..400 = "This district goal is engage every student in joyful,
// purposeful learning that \n"), and consecutive lines share a boundary ("line:24" ends at 1446
// where "line:25" starts). Read inclusively, each selection would swallow the first letter of
// the next line. QualCoder also slices Python strings (code points) with [start:end]. (That file
// is pure ASCII, so it cannot tell code points from UTF-16 units or bytes; the spec does.)
//
// Robustness (the file comes from a user's upload):
// - XML: no DOCTYPE is accepted at all, so no entity other than XML's five predefined ones and
//   character references is ever expanded (no billion laughs, no external entities). We decode
//   those ourselves (fast-xml-parser runs with processEntities off) and refuse anything else.
//   Line ends are normalised and attribute whitespace is normalised as XML 1.0 prescribes; text
//   (note text, descriptions) is otherwise kept exactly, whitespace included.
// - Well-formedness errors report the parser's line and column; structural errors (what the
//   schema requires of the parts we read: required attributes and elements, GUID and colour
//   patterns, integers, dates, boolean, variable types) name the element and attribute, with the
//   line and an XPath-like place, e.g. 'project.qde line 12, Sources/TextSource[3] (name
//   "Interview 2")/PlainTextSelection[guid …]'. We do not run a full XSD engine at runtime (the
//   tests do, with xmllint); element ORDER is not checked.
// - References: Coding → Code, NoteRef → Note, VariableRef → Variable, case SourceRef/
//   SelectionRef → a source/selection in the file, else UNKNOWN_REFERENCE. GUIDs must be unique
//   in the whole file (a repeated code GUID is CODE_LOOP, naming both places). creatingUser is
//   only checked for its GUID form, not against <Users>.
// - Zip: entries larger than a limit (default 50 MB per text, 200 MB for project.qde) are
//   refused (TOO_LARGE) before they are decompressed; yauzl checks that an entry does not inflate
//   beyond its declared size. Texts must be valid UTF-8 (a UTF-8 BOM is dropped: it is not
//   content and would shift every offset by one).
//
// Leniency for real exports (standards README §1): a lower- or upper-case sources/ folder; a bare
// plainTextPath="x.txt" (qc) taken as internal; upper-case or braced GUIDs (stored lower case,
// braces removed, so references compare case-insensitively); names that are GUIDs (NVivo) are
// just names. relative:// and absolute:// paths (§8.3) point outside the zip: the source is kept
// without text, a warning says so and readText throws MISSING_SOURCE. Parts we do not model
// (picture/PDF/audio/video sources, sets, links, graphs) are skipped with a warning.
// parseCodebookXml(xml, { lenientGuids: true }) accepts a .qdc with non-GUID ids (kept as given).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import {
  COLOR_PATTERN,
  DATE_PATTERN,
  DATE_TIME_PATTERN,
  DECIMAL_PATTERN,
  GUID_PATTERN,
  INTEGER_PATTERN,
  RefiError,
  VARIABLE_TYPES,
  canonicalGuid,
  firstInvalidXmlChar,
  isXmlChar,
  quoteName,
} from './errors';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiUser,
  RefiVariable,
  RefiVariableValue,
} from './model';
import { codePointLength } from './positions';

export { RefiError, type RefiErrorCode } from './errors';

const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export type RefiWarning = { where: string; message: string };

export type RefiReadOptions = {
  /** Accept ids that are not GUIDs (kept as given). Default false: SCHEMA error. */
  lenientGuids?: boolean;
  /** Name used in `where` strings; default 'project.qde' or 'codebook.qdc'. */
  fileName?: string;
  /** Told about parts that were skipped or cannot be resolved. */
  onWarning?: (warning: RefiWarning) => void;
};

export type QdpxOptions = {
  /** Largest uncompressed text entry (source or note text) in bytes; default 50 MB. */
  maxTextBytes?: number;
  /** Largest uncompressed project.qde in bytes; default 200 MB. */
  maxProjectBytes?: number;
  /** Largest number of entries in the zip; default 100,000. */
  maxEntries?: number;
  lenientGuids?: boolean;
};

export type QdpxArchive = {
  project: RefiProject;
  /** The plain text of a source of this project (decompresses just that entry). */
  readText(source: RefiSource): Promise<string>;
  close(): Promise<void>;
  /** Parts that were skipped or could not be resolved (e.g. a relative:// source), in Dutch. */
  warnings: RefiWarning[];
};

const MB = 1024 * 1024;

function fail(code: RefiError['code'], message: string, where: string): never {
  throw new RefiError(code, message, where);
}

// =============================================================================================
// XML layer: well-formedness, entity decoding, namespaces, a small element tree with places.

type XElement = {
  /** Local name (prefix removed). */
  name: string;
  namespace: string | null;
  attrs: Map<string, string>;
  children: XElement[];
  /** Direct character data (text and CDATA), decoded. */
  text: string;
  /** UTF-16 index of the '<' that opens the element. */
  index: number;
  /** XPath-like place below the root, e.g. 'Sources/TextSource[2] (name "x")'. */
  path: string;
};

type XmlDocument = { root: XElement; xml: string; fileName: string };

type FxpNode = Record<string | symbol, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 1000,
});

function lineColumn(xml: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function placeOf(doc: { xml: string; fileName: string }, index: number, path?: string): string {
  const { line } = lineColumn(doc.xml, index);
  return `${doc.fileName} line ${line}${path ? `, ${path}` : ''}`;
}

function notWellFormed(doc: { xml: string; fileName: string }, index: number, why: string): never {
  const { line, column } = lineColumn(doc.xml, index);
  fail(
    'NOT_WELL_FORMED',
    `Het XML-bestand ${doc.fileName} is niet goed gevormd (regel ${line}, kolom ${column}): ${why}`,
    `${doc.fileName} line ${line}, column ${column}`,
  );
}

/** Refuses a DOCTYPE: it is the only way in to custom (and exploding) entities. */
function refuseDoctype(doc: { xml: string; fileName: string }): void {
  const { xml } = doc;
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end === -1) return;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end === -1) return;
      i = end + 3;
    } else break;
  }
  if (/^<!DOCTYPE/i.test(xml.slice(i, i + 9))) {
    notWellFormed(
      doc,
      i,
      'een DOCTYPE-declaratie (met eigen entiteiten) is niet toegestaan in een REFI-QDA-bestand.',
    );
  }
}

const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes XML's own references (&amp; … and &#…;) and refuses every other '&'. */
function decodeReferences(
  raw: string,
  doc: { xml: string; fileName: string },
  index: number,
  inAttribute: boolean,
): string {
  if (inAttribute && raw.includes('<')) {
    notWellFormed(doc, index, 'een attribuutwaarde mag geen "<" bevatten.');
  }
  if (!raw.includes('&')) return raw;
  const pattern = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_:][\w.:-]*))?;?/g;
  return raw.replace(
    pattern,
    (match: string, hex?: string, dec?: string, name?: string): string => {
      if (!match.endsWith(';') || match === '&;') {
        notWellFormed(doc, index, `een losse "&" moet als &amp; geschreven worden.`);
      }
      if (typeof name === 'string') {
        const value = PREDEFINED.get(name);
        if (value === undefined) {
          notWellFormed(
            doc,
            index,
            `de entiteit &${name}; is onbekend (alleen &amp; &lt; &gt; &quot; &apos; zijn toegestaan).`,
          );
        }
        return value;
      }
      const codePoint = typeof hex === 'string' ? parseInt(hex, 16) : parseInt(String(dec), 10);
      if (!isXmlChar(codePoint)) {
        notWellFormed(
          doc,
          index,
          `de tekenverwijzing ${match} verwijst naar een teken dat XML niet toestaat.`,
        );
      }
      return String.fromCodePoint(codePoint);
    },
  );
}

function isObject(value: unknown): value is FxpNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementNameOf(node: FxpNode): string | null {
  for (const key of Object.keys(node)) {
    if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  }
  return null;
}

function segmentOf(name: string, position: number, attrs: Map<string, string>): string {
  const guid = attrs.get('guid');
  if ((name === 'PlainTextSelection' || name === 'Coding') && guid !== undefined) {
    return `${name}[guid ${guid}]`;
  }
  // position 0: the only <name> among its siblings, so no index is needed.
  const label = attrs.get('name');
  const indexed = position > 0 ? `${name}[${position}]` : name;
  return `${indexed}${label !== undefined ? ` (name ${quoteName(label)})` : ''}`;
}

function convert(
  node: FxpNode,
  name: string,
  scope: Map<string, string>,
  parentPath: string | null,
  position: number,
  doc: { xml: string; fileName: string },
): XElement {
  const meta = node[META];
  const index = isObject(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : 0;
  const rawAttrs = isObject(node[':@']) ? node[':@'] : {};
  let namespaces = scope;
  const attrs = new Map<string, string>();
  for (const [key, value] of Object.entries(rawAttrs)) {
    // Attribute-value normalisation (XML 1.0 §3.3.3): literal tab/LF become spaces, references
    // keep what they encode.
    const decoded = decodeReferences(String(value).replace(/[\t\n]/g, ' '), doc, index, true);
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (namespaces === scope) namespaces = new Map(scope);
      namespaces.set(key === 'xmlns' ? '' : key.slice(6), decoded);
    } else {
      attrs.set(key, decoded);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const namespace = namespaces.get(prefix) ?? null;
  if (prefix !== '' && namespace === null) {
    notWellFormed(doc, index, `het voorvoegsel "${prefix}" van <${name}> is niet gedeclareerd.`);
  }
  const path =
    parentPath === null
      ? local
      : `${parentPath === '' ? '' : `${parentPath}/`}${segmentOf(local, position, attrs)}`;
  const element: XElement = {
    name: local,
    namespace: namespace === '' ? null : namespace,
    attrs,
    children: [],
    text: '',
    index,
    path,
  };
  const body = node[name];
  const totals = new Map<string, number>();
  const counts = new Map<string, number>();
  const childBase = parentPath === null ? '' : path;
  const localOf = (child: FxpNode): string | null => {
    const childName = elementNameOf(child);
    return childName === null ? null : childName.slice(childName.indexOf(':') + 1);
  };
  let text = '';
  if (Array.isArray(body)) {
    for (const child of body) {
      const localName = isObject(child) ? localOf(child) : null;
      if (localName !== null) totals.set(localName, (totals.get(localName) ?? 0) + 1);
    }
    for (const child of body) {
      if (!isObject(child)) continue;
      if (typeof child['#text'] === 'string') {
        text += decodeReferences(child['#text'], doc, index, false);
        continue;
      }
      if (Array.isArray(child['#cdata'])) {
        for (const part of child['#cdata']) {
          if (isObject(part) && typeof part['#text'] === 'string') text += part['#text'];
        }
        continue;
      }
      const childName = elementNameOf(child);
      if (childName === null) continue;
      const localName = childName.slice(childName.indexOf(':') + 1);
      const n = (counts.get(localName) ?? 0) + 1;
      counts.set(localName, n);
      const position = totals.get(localName) === 1 ? 0 : n;
      element.children.push(convert(child, childName, namespaces, childBase, position, doc));
    }
  }
  element.text = text;
  return element;
}

function parseXml(input: string, fileName: string): XmlDocument {
  // XML 1.0 §2.11: CRLF and lone CR are read as LF. A leading BOM is not content.
  const xml = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const doc = { xml, fileName };
  refuseDoctype(doc);
  const bad = firstInvalidXmlChar(xml);
  if (bad !== -1) {
    const codePoint = xml.codePointAt(bad) ?? 0;
    notWellFormed(
      doc,
      bad,
      `het teken U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} is in XML niet toegestaan.`,
    );
  }
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    const { line, col, msg } = result.err;
    fail(
      'NOT_WELL_FORMED',
      `Het XML-bestand ${fileName} is niet goed gevormd (regel ${line}, kolom ${col}): ${msg}`,
      `${fileName} line ${line}, column ${col}`,
    );
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(xml);
  } catch (error) {
    notWellFormed(doc, 0, error instanceof Error ? error.message : String(error));
  }
  const top = Array.isArray(nodes) ? nodes.filter(isObject) : [];
  const elements: FxpNode[] = [];
  for (const node of top) {
    if (typeof node['#text'] === 'string') {
      if (node['#text'].trim() !== '')
        notWellFormed(doc, 0, 'er staat tekst buiten het hoofdelement.');
      continue;
    }
    if (elementNameOf(node) !== null) elements.push(node);
  }
  if (elements.length !== 1) {
    notWellFormed(
      doc,
      0,
      elements.length === 0
        ? 'het bestand bevat geen XML-element.'
        : 'het bestand heeft meer dan één hoofdelement.',
    );
  }
  const rootNode = elements[0]!;
  const root = convert(rootNode, elementNameOf(rootNode)!, new Map(), null, 1, doc);
  return { root, xml, fileName };
}

// =============================================================================================
// Structural reading helpers

type ReadContext = {
  doc: XmlDocument;
  namespace: string;
  lenientGuids: boolean;
  warn: (warning: RefiWarning) => void;
};

function where(ctx: ReadContext, el: XElement): string {
  return placeOf(ctx.doc, el.index, el.path);
}

function schemaError(ctx: ReadContext, el: XElement, message: string): never {
  fail('SCHEMA', message, where(ctx, el));
}

function childrenOf(ctx: ReadContext, el: XElement, name: string): XElement[] {
  return el.children.filter((c) => c.name === name && c.namespace === ctx.namespace);
}

function childOf(ctx: ReadContext, el: XElement, name: string): XElement | undefined {
  return el.children.find((c) => c.name === name && c.namespace === ctx.namespace);
}

/** The <item> children of the <list> child of `el` (e.g. Variables/Variable). */
function listOf(ctx: ReadContext, el: XElement, list: string, item: string): XElement[] {
  return childrenOf(ctx, el, list).flatMap((l) => childrenOf(ctx, l, item));
}

function childText(ctx: ReadContext, el: XElement, name: string): string | null {
  const child = childOf(ctx, el, name);
  return child === undefined ? null : child.text;
}

function requiredAttr(ctx: ReadContext, el: XElement, name: string): string {
  const value = el.attrs.get(name);
  if (value === undefined) {
    schemaError(ctx, el, `Bij <${el.name}> ontbreekt het verplichte attribuut ${name}.`);
  }
  return value;
}

function guidValue(ctx: ReadContext, el: XElement, attribute: string, value: string): string {
  const trimmed = value.trim();
  if (GUID_PATTERN.test(trimmed)) return canonicalGuid(trimmed);
  if (ctx.lenientGuids) return value;
  schemaError(
    ctx,
    el,
    `Bij <${el.name}> is ${attribute}="${value}" geen GUID (verwacht zoiets als 0f8fad5b-d9cb-469f-a165-70867728950e).`,
  );
}

function guidAttr(ctx: ReadContext, el: XElement, name = 'guid'): string {
  return guidValue(ctx, el, name, requiredAttr(ctx, el, name));
}

function optionalGuidAttr(ctx: ReadContext, el: XElement, name: string): string | null {
  const value = el.attrs.get(name);
  return value === undefined ? null : guidValue(ctx, el, name, value);
}

function dateTimeAttr(ctx: ReadContext, el: XElement, name: string): string | null {
  const value = el.attrs.get(name)?.trim();
  if (value === undefined) return null;
  if (!DATE_TIME_PATTERN.test(value)) {
    schemaError(
      ctx,
      el,
      `Bij <${el.name}> is ${name}="${value}" geen geldige datum-tijd (zoals 2026-03-01T12:00:00Z).`,
    );
  }
  return value;
}

function integerAttr(ctx: ReadContext, el: XElement, name: string): number {
  const value = requiredAttr(ctx, el, name).trim();
  if (!INTEGER_PATTERN.test(value)) {
    schemaError(ctx, el, `Bij <${el.name}> is ${name}="${value}" geen geheel getal.`);
  }
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    fail('OFFSET_OUT_OF_RANGE', `Bij <${el.name}> is ${name}="${value}" te groot.`, where(ctx, el));
  }
  return number;
}

function booleanValue(ctx: ReadContext, el: XElement, what: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === 'true' || trimmed === '1') return true;
  if (trimmed === 'false' || trimmed === '0') return false;
  schemaError(ctx, el, `Bij <${el.name}> is ${what} "${value}" geen true of false.`);
}

/** Remembers every GUID in the file, to find duplicates and resolve references. */
class Registry {
  private readonly entries = new Map<string, { element: XElement }>();

  constructor(private readonly ctx: ReadContext) {}

  collect(el: XElement): void {
    const raw = el.attrs.get('guid');
    if (raw !== undefined && el.namespace === this.ctx.namespace) {
      const key = GUID_PATTERN.test(raw.trim()) ? canonicalGuid(raw.trim()) : raw;
      const earlier = this.entries.get(key);
      if (earlier) {
        const first = where(this.ctx, earlier.element);
        const second = where(this.ctx, el);
        const bothCodes = earlier.element.name === 'Code' && el.name === 'Code';
        fail(
          bothCodes ? 'CODE_LOOP' : 'SCHEMA',
          bothCodes
            ? `De code-GUID ${raw} komt twee keer voor in het codeboek (${first} en ${second}); een code kan maar op één plaats in de boom staan.`
            : `De GUID ${raw} komt twee keer voor (${first} en ${second}); een GUID moet uniek zijn.`,
          `${first} and ${second}`,
        );
      }
      this.entries.set(key, { element: el });
    }
    for (const child of el.children) this.collect(child);
  }

  kindOf(guid: string): string | null {
    return this.entries.get(guid)?.element.name ?? null;
  }
}

/** Where each parsed selection came from, for checkSelections' messages. */
const selectionPlaces = new WeakMap<RefiSelection, string>();
const sourcePlaces = new WeakMap<RefiSource, string>();

// =============================================================================================
// Codes

function readCode(
  ctx: ReadContext,
  el: XElement,
  withNotes: boolean,
  noteRef: (ref: XElement) => string,
): RefiCode {
  const guid = guidAttr(ctx, el);
  const name = requiredAttr(ctx, el, 'name');
  const isCodable = booleanValue(ctx, el, 'isCodable', requiredAttr(ctx, el, 'isCodable'));
  let color = el.attrs.get('color')?.trim() ?? null;
  if (color !== null) {
    if (!COLOR_PATTERN.test(color)) {
      schemaError(
        ctx,
        el,
        `Bij <Code> is color="${color}" geen kleur van de vorm #RRGGBB (of #RGB).`,
      );
    }
    if (color.length === 4) color = `#${[...color.slice(1)].map((c) => c + c).join('')}`;
  }
  return {
    guid,
    name,
    color,
    description: childText(ctx, el, 'Description'),
    isCodable,
    children: childrenOf(ctx, el, 'Code').map((c) => readCode(ctx, c, withNotes, noteRef)),
    noteGuids: withNotes ? childrenOf(ctx, el, 'NoteRef').map(noteRef) : [],
  };
}

function readCodes(ctx: ReadContext, codeBook: XElement, noteRef: (ref: XElement) => string) {
  const codes = childOf(ctx, codeBook, 'Codes');
  if (!codes) schemaError(ctx, codeBook, `In <${codeBook.name}> ontbreekt het element <Codes>.`);
  const list = childrenOf(ctx, codes, 'Code');
  if (list.length === 0) schemaError(ctx, codes, '<Codes> moet minstens één <Code> bevatten.');
  return list.map((c) => readCode(ctx, c, ctx.namespace === PROJECT_NAMESPACE, noteRef));
}

function checkRoot(ctx: ReadContext, name: string, what: string): void {
  const { root } = ctx.doc;
  if (root.name !== name || root.namespace !== ctx.namespace) {
    fail(
      'SCHEMA',
      `Dit is geen ${what}: het hoofdelement is <${root.name}>${root.namespace ? ` in namespace ${root.namespace}` : ' zonder namespace'}, verwacht <${name}> in namespace ${ctx.namespace}.`,
      placeOf(ctx.doc, root.index, root.path),
    );
  }
}

/** A stand-alone codebook (.qdc, urn:QDA-XML:codebook:1.0) → its code tree. Throws RefiError. */
export function parseCodebookXml(xml: string, options: RefiReadOptions = {}): RefiCode[] {
  const doc = parseXml(xml, options.fileName ?? 'codebook.qdc');
  const ctx: ReadContext = {
    doc,
    namespace: CODEBOOK_NAMESPACE,
    lenientGuids: options.lenientGuids ?? false,
    warn: options.onWarning ?? (() => {}),
  };
  checkRoot(ctx, 'CodeBook', 'REFI-QDA-codeboek (.qdc)');
  new Registry(ctx).collect(doc.root);
  const sets = childOf(ctx, doc.root, 'Sets');
  if (sets)
    ctx.warn({ where: where(ctx, sets), message: 'Codesets (<Sets>) worden niet ingelezen.' });
  return readCodes(ctx, doc.root, () => '');
}

// =============================================================================================
// Project

type ParsedProject = {
  project: RefiProject;
  /** Per source GUID: the plainTextPath as written (null when inline or absent). */
  sourcePaths: Map<string, { path: string | null; richPath: string | null; where: string }>;
  /** Per note GUID whose text is a file: the plainTextPath. */
  notePaths: Map<string, { path: string; where: string; note: RefiNote }>;
};

const SOURCE_ELEMENTS = ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

function internalEntry(path: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(path);
  if (match) {
    return match[1]!.toLowerCase() === 'internal'
      ? `sources/${match[2]!.replace(/^\/+/, '')}`
      : null;
  }
  // A bare name (qc writes plainTextPath="board_2017.txt"): taken as an internal file.
  return `sources/${path.replace(/^\/+/, '')}`;
}

function parseProject(xml: string, options: RefiReadOptions): ParsedProject {
  const doc = parseXml(xml, options.fileName ?? 'project.qde');
  const ctx: ReadContext = {
    doc,
    namespace: PROJECT_NAMESPACE,
    lenientGuids: options.lenientGuids ?? false,
    warn: options.onWarning ?? (() => {}),
  };
  checkRoot(ctx, 'Project', 'REFI-QDA-project (project.qde)');
  const registry = new Registry(ctx);
  registry.collect(doc.root);
  const { root } = doc;

  const reference = (ref: XElement, kinds: string[], what: string): string => {
    const target = guidAttr(ctx, ref, 'targetGUID');
    const kind = registry.kindOf(target);
    if (kind === null || !kinds.includes(kind)) {
      fail(
        'UNKNOWN_REFERENCE',
        `<${ref.name}> verwijst naar ${what} ${ref.attrs.get('targetGUID')}, maar die staat niet in het project${kind ? ` (die GUID hoort bij een <${kind}>)` : ''}.`,
        where(ctx, ref),
      );
    }
    return target;
  };
  const noteRef = (ref: XElement) => reference(ref, ['Note'], 'notitie');
  const noteRefs = (el: XElement) => childrenOf(ctx, el, 'NoteRef').map(noteRef);

  const users: RefiUser[] = [];
  for (const el of listOf(ctx, root, 'Users', 'User')) {
    users.push({ guid: guidAttr(ctx, el), name: el.attrs.get('name') ?? '' });
  }

  const codeBook = childOf(ctx, root, 'CodeBook');
  const codes = codeBook ? readCodes(ctx, codeBook, noteRef) : [];

  const variables: RefiVariable[] = [];
  for (const el of listOf(ctx, root, 'Variables', 'Variable')) {
    const type = requiredAttr(ctx, el, 'typeOfVariable').trim();
    if (!(VARIABLE_TYPES as readonly string[]).includes(type)) {
      schemaError(
        ctx,
        el,
        `Bij <Variable> is typeOfVariable="${type}" onbekend; toegestaan zijn ${VARIABLE_TYPES.join(', ')}.`,
      );
    }
    variables.push({
      guid: guidAttr(ctx, el),
      name: requiredAttr(ctx, el, 'name'),
      type: type as RefiVariable['type'],
      description: childText(ctx, el, 'Description'),
    });
  }
  const variableTypes = new Map(variables.map((v) => [v.guid, v.type]));

  const readValue = (el: XElement): RefiVariableValue | null => {
    const ref = childOf(ctx, el, 'VariableRef');
    if (!ref) schemaError(ctx, el, 'In <VariableValue> ontbreekt het element <VariableRef>.');
    const variableGuid = reference(ref, ['Variable'], 'variabele');
    const valueEl = el.children.find(
      (c) => c.namespace === ctx.namespace && c.name !== 'VariableRef',
    );
    if (!valueEl) return null; // the schema allows a VariableValue without a value
    const type = variableTypes.get(variableGuid);
    const expected = `${type}Value`;
    if (valueEl.name !== expected) {
      schemaError(
        ctx,
        valueEl,
        `Variabele ${variableGuid} is van type ${type}, maar de waarde staat in <${valueEl.name}> (verwacht <${expected}>).`,
      );
    }
    const text = valueEl.text;
    const trimmed = text.trim();
    const bad = (what: string): never =>
      schemaError(ctx, valueEl, `<${valueEl.name}> bevat "${text}", maar dat is geen ${what}.`);
    switch (type) {
      case 'Boolean':
        return { variableGuid, value: booleanValue(ctx, valueEl, 'de waarde', text) };
      case 'Integer': {
        if (!INTEGER_PATTERN.test(trimmed)) bad('geheel getal');
        const number = Number(trimmed);
        return { variableGuid, value: Number.isSafeInteger(number) ? number : trimmed };
      }
      case 'Float':
        if (!DECIMAL_PATTERN.test(trimmed)) bad('decimaal getal');
        return { variableGuid, value: Number(trimmed) };
      case 'Date':
        if (!DATE_PATTERN.test(trimmed)) bad('datum (JJJJ-MM-DD)');
        return { variableGuid, value: trimmed };
      case 'DateTime':
        if (!DATE_TIME_PATTERN.test(trimmed)) bad('datum-tijd');
        return { variableGuid, value: trimmed };
      default:
        return { variableGuid, value: text };
    }
  };
  const readValues = (el: XElement): RefiVariableValue[] =>
    childrenOf(ctx, el, 'VariableValue')
      .map(readValue)
      .filter((v): v is RefiVariableValue => v !== null);

  const readCoding = (el: XElement): RefiCoding => {
    const guid = guidAttr(ctx, el);
    const codeRef = childOf(ctx, el, 'CodeRef');
    if (!codeRef) schemaError(ctx, el, 'In <Coding> ontbreekt het element <CodeRef>.');
    const coding: RefiCoding = {
      guid,
      codeGuid: reference(codeRef, ['Code'], 'code'),
      creatingUser: optionalGuidAttr(ctx, el, 'creatingUser'),
      creationDateTime: dateTimeAttr(ctx, el, 'creationDateTime'),
    };
    const notes = noteRefs(el);
    if (notes.length > 0) coding.noteGuids = notes;
    return coding;
  };

  const sources: RefiSource[] = [];
  const sourcePaths: ParsedProject['sourcePaths'] = new Map();
  const readSelections = new Set<string>();
  for (const sourcesEl of childrenOf(ctx, root, 'Sources')) {
    for (const el of sourcesEl.children) {
      if (el.namespace !== ctx.namespace) continue;
      if (el.name !== 'TextSource') {
        if (SOURCE_ELEMENTS.includes(el.name)) {
          ctx.warn({
            where: where(ctx, el),
            message: `Een bron van het soort <${el.name}> wordt niet ingelezen; alleen tekstbronnen.`,
          });
        }
        continue;
      }
      const guid = guidAttr(ctx, el);
      const selections: RefiSelection[] = [];
      for (const selEl of childrenOf(ctx, el, 'PlainTextSelection')) {
        const start = integerAttr(ctx, selEl, 'startPosition');
        const end = integerAttr(ctx, selEl, 'endPosition');
        if (start < 0 || start > end) {
          fail(
            'OFFSET_OUT_OF_RANGE',
            `De selectie loopt van positie ${start} tot ${end}; het begin moet tussen 0 en het eind liggen.`,
            where(ctx, selEl),
          );
        }
        const selection: RefiSelection = {
          guid: guidAttr(ctx, selEl),
          name: selEl.attrs.get('name') ?? null,
          start,
          end,
          creatingUser: optionalGuidAttr(ctx, selEl, 'creatingUser'),
          creationDateTime: dateTimeAttr(ctx, selEl, 'creationDateTime'),
          codings: childrenOf(ctx, selEl, 'Coding').map(readCoding),
          noteGuids: noteRefs(selEl),
        };
        const description = childText(ctx, selEl, 'Description');
        if (description !== null) selection.description = description;
        selectionPlaces.set(selection, where(ctx, selEl));
        readSelections.add(selection.guid);
        selections.push(selection);
      }
      const source: RefiSource = {
        guid,
        name: el.attrs.get('name') ?? '',
        description: childText(ctx, el, 'Description'),
        creatingUser: optionalGuidAttr(ctx, el, 'creatingUser'),
        creationDateTime: dateTimeAttr(ctx, el, 'creationDateTime'),
        selections,
        noteGuids: noteRefs(el),
        textEntry: null,
      };
      const codings = childrenOf(ctx, el, 'Coding').map(readCoding);
      if (codings.length > 0) source.codings = codings;
      const values = readValues(el);
      if (values.length > 0) source.values = values;
      const inline = childText(ctx, el, 'PlainTextContent');
      const textPath = el.attrs.get('plainTextPath')?.trim() || null;
      const here = where(ctx, el);
      const richPath = el.attrs.get('richTextPath')?.trim() || null;
      if (inline !== null) {
        source.text = inline;
        if (textPath !== null) {
          ctx.warn({
            where: here,
            message:
              'De bron heeft zowel PlainTextContent als plainTextPath; de tekst in het XML-bestand is gebruikt.',
          });
        }
        sourcePaths.set(guid, { path: null, richPath, where: here });
      } else if (textPath !== null) {
        source.textEntry = internalEntry(textPath);
        if (source.textEntry === null) {
          ctx.warn({
            where: here,
            message: `De tekst van bron ${quoteName(source.name)} staat buiten het archief (${textPath}) en kan niet worden ingelezen.`,
          });
        }
        sourcePaths.set(guid, { path: textPath, richPath, where: here });
      } else {
        ctx.warn({
          where: here,
          message: `Bron ${quoteName(source.name)} heeft geen platte tekst.`,
        });
        sourcePaths.set(guid, { path: null, richPath, where: here });
      }
      sourcePlaces.set(source, here);
      sources.push(source);
    }
  }

  const notes: RefiNote[] = [];
  const notePaths: ParsedProject['notePaths'] = new Map();
  for (const el of listOf(ctx, root, 'Notes', 'Note')) {
    const note: RefiNote = {
      guid: guidAttr(ctx, el),
      name: el.attrs.get('name') ?? '',
      text: childText(ctx, el, 'PlainTextContent') ?? '',
      creatingUser: optionalGuidAttr(ctx, el, 'creatingUser'),
      creationDateTime: dateTimeAttr(ctx, el, 'creationDateTime'),
    };
    const description = childText(ctx, el, 'Description');
    if (description !== null) note.description = description;
    const textPath = el.attrs.get('plainTextPath')?.trim();
    if (childOf(ctx, el, 'PlainTextContent') === undefined && textPath) {
      notePaths.set(note.guid, { path: textPath, where: where(ctx, el), note });
    }
    notes.push(note);
  }

  const cases: RefiCase[] = [];
  for (const el of listOf(ctx, root, 'Cases', 'Case')) {
    const c: RefiCase = {
      guid: guidAttr(ctx, el),
      name: el.attrs.get('name') ?? '',
      description: childText(ctx, el, 'Description'),
      values: readValues(el),
      sourceGuids: [],
    };
    for (const ref of childrenOf(ctx, el, 'SourceRef')) {
      const target = reference(ref, SOURCE_ELEMENTS, 'bron');
      if (registry.kindOf(target) === 'TextSource') c.sourceGuids.push(target);
      else
        ctx.warn({
          where: where(ctx, ref),
          message: 'De casus verwijst naar een bron die niet is ingelezen (geen tekstbron).',
        });
    }
    const codeGuids = childrenOf(ctx, el, 'CodeRef').map((ref) => reference(ref, ['Code'], 'code'));
    if (codeGuids.length > 0) c.codeGuids = codeGuids;
    const selectionGuids: string[] = [];
    for (const ref of childrenOf(ctx, el, 'SelectionRef')) {
      const kinds = [
        'PlainTextSelection',
        'PictureSelection',
        'PDFSelection',
        'AudioSelection',
        'VideoSelection',
        'TranscriptSelection',
      ];
      const target = reference(ref, kinds, 'selectie');
      if (readSelections.has(target)) selectionGuids.push(target);
      else
        ctx.warn({
          where: where(ctx, ref),
          message: 'De casus verwijst naar een selectie die niet is ingelezen.',
        });
    }
    if (selectionGuids.length > 0) c.selectionGuids = selectionGuids;
    cases.push(c);
  }

  for (const name of ['Links', 'Sets', 'Graphs']) {
    const el = childOf(ctx, root, name);
    if (el) ctx.warn({ where: where(ctx, el), message: `<${name}> wordt niet ingelezen.` });
  }

  const project: RefiProject = {
    name: requiredAttr(ctx, root, 'name'),
    origin: root.attrs.get('origin') ?? null,
    creatingUser: optionalGuidAttr(ctx, root, 'creatingUserGUID'),
    creationDateTime: dateTimeAttr(ctx, root, 'creationDateTime'),
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
  };
  const description = childText(ctx, root, 'Description');
  if (description !== null) project.description = description;
  const projectNotes = noteRefs(root);
  if (projectNotes.length > 0) project.noteGuids = projectNotes;
  return { project, sourcePaths, notePaths };
}

/**
 * project.qde (urn:QDA-XML:project:1.0) → the model. Texts in files are not read here: a source's
 * `textEntry` is its expected zip entry ('sources/<name>'), which openQdpx resolves; an inline
 * <PlainTextContent> is returned in `text`. Throws RefiError.
 */
export function parseProjectXml(xml: string, options: RefiReadOptions = {}): RefiProject {
  return parseProject(xml, options).project;
}

// =============================================================================================
// Selections against their text

/**
 * Checks that every selection of `source` lies inside `text` (code points, end exclusive):
 * 0 <= start <= end <= length. Throws RefiError OFFSET_OUT_OF_RANGE naming the selection.
 */
export function checkSelections(source: RefiSource, text: string): void {
  const length = codePointLength(text);
  for (const selection of source.selections) {
    const { start, end } = selection;
    if (
      Number.isSafeInteger(start) &&
      Number.isSafeInteger(end) &&
      start >= 0 &&
      start <= end &&
      end <= length
    ) {
      continue;
    }
    const place =
      selectionPlaces.get(selection) ??
      `${sourcePlaces.get(source) ?? `Sources/TextSource[guid ${source.guid}] (name ${quoteName(source.name)})`}/PlainTextSelection[guid ${selection.guid}]`;
    fail(
      'OFFSET_OUT_OF_RANGE',
      end > length && start >= 0 && start <= end
        ? `Een selectie in bron ${quoteName(source.name)} loopt tot positie ${end}, maar de tekst is maar ${length} tekens lang.`
        : `Een selectie in bron ${quoteName(source.name)} loopt van positie ${start} tot ${end}; dat kan niet.`,
      place,
    );
  }
}

// =============================================================================================
// .qdpx archive

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zipfile) => {
        if (error) {
          if ((error as NodeJS.ErrnoException).code !== undefined) reject(error);
          else {
            reject(
              new RefiError(
                'NOT_A_ZIP',
                'Dit bestand is geen .qdpx: het is geen zip-archief.',
                path.basename(filePath),
              ),
            );
          }
        } else resolve(zipfile);
      },
    );
  });
}

function readEntries(zip: yauzl.ZipFile, fileName: string, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    if (zip.entryCount > max) {
      reject(
        new RefiError(
          'TOO_LARGE',
          `Het archief bevat ${zip.entryCount} bestanden; meer dan ${max} wordt niet ingelezen.`,
          fileName,
        ),
      );
      return;
    }
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) =>
      reject(
        new RefiError(
          'NOT_A_ZIP',
          `Dit .qdpx-bestand is beschadigd: de inhoudsopgave van het zip-archief is niet leesbaar (${error.message}).`,
          fileName,
        ),
      ),
    );
    zip.readEntry();
  });
}

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limit: number,
  archiveName: string,
): Promise<Uint8Array> {
  const place = `${archiveName}: ${entry.fileName}`;
  if (entry.uncompressedSize > limit) {
    fail(
      'TOO_LARGE',
      `${entry.fileName} is uitgepakt ${Math.ceil(entry.uncompressedSize / MB)} MB; de grens is ${Math.floor(limit / MB)} MB.`,
      place,
    );
  }
  const broken = (error: unknown): RefiError =>
    error instanceof RefiError
      ? error
      : new RefiError(
          'NOT_A_ZIP',
          `${entry.fileName} in het .qdpx-bestand is beschadigd of op een niet-ondersteunde manier ingepakt (${error instanceof Error ? error.message : String(error)}).`,
          place,
        );
  let stream: Readable;
  try {
    stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
    );
  } catch (error) {
    throw broken(error);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) {
        stream.destroy();
        fail(
          'TOO_LARGE',
          `${entry.fileName} is uitgepakt groter dan de grens van ${Math.floor(limit / MB)} MB.`,
          place,
        );
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw broken(error);
  }
  return Buffer.concat(chunks, total);
}

function decodeUtf8(bytes: Uint8Array, place: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('BAD_ENCODING', `${what} is geen geldige UTF-8-tekst.`, place);
  }
}

function decodeXmlBytes(bytes: Uint8Array, place: string): string {
  // UTF-16 with a byte-order mark is legal XML; everything else must be UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  }
  return decodeUtf8(bytes, place, place);
}

type Resolved =
  | { kind: 'inline'; text: string }
  | { kind: 'entry'; entry: yauzl.Entry }
  | { kind: 'none'; why: string; where: string };

/**
 * Opens a .qdpx on disk with random access: reads the zip directory and project.qde, checks that
 * every source's text entry exists (MISSING_SOURCE otherwise) and is not too large, and returns
 * the project with a readText(source) that decompresses one text when asked. Call close().
 */
export async function openQdpx(filePath: string, options: QdpxOptions = {}): Promise<QdpxArchive> {
  const maxText = options.maxTextBytes ?? 50 * MB;
  const maxProject = options.maxProjectBytes ?? 200 * MB;
  const archiveName = path.basename(filePath);
  const zip = await openZip(filePath);
  const close = async () => {
    if (zip.isOpen) zip.close();
  };
  try {
    const entries = (await readEntries(zip, archiveName, options.maxEntries ?? 100_000)).filter(
      (e) => !e.fileName.endsWith('/'),
    );
    zip.on('error', () => {}); // later reader errors surface through the read streams
    const byName = new Map<string, yauzl.Entry>();
    const byLowerName = new Map<string, yauzl.Entry>();
    for (const entry of entries) {
      if (!byName.has(entry.fileName)) byName.set(entry.fileName, entry);
      const key = entry.fileName.toLowerCase();
      if (!byLowerName.has(key)) byLowerName.set(key, entry);
    }
    const projectEntry = byName.get('project.qde') ?? byLowerName.get('project.qde');
    if (!projectEntry) {
      fail('NO_PROJECT', 'In dit .qdpx-bestand staat geen project.qde.', archiveName);
    }
    const projectBytes = await readEntry(zip, projectEntry, maxProject, archiveName);
    const warnings: RefiWarning[] = [];
    const parsed = parseProject(decodeXmlBytes(projectBytes, projectEntry.fileName), {
      fileName: projectEntry.fileName,
      lenientGuids: options.lenientGuids ?? false,
      onWarning: (w) => warnings.push(w),
    });

    const find = (internal: string): yauzl.Entry | undefined => {
      const exact = byName.get(internal);
      if (exact) return exact;
      const lower = internal.toLowerCase();
      // The sources folder in any case, or (rarely) the file at the root of the zip.
      return byLowerName.get(lower) ?? byLowerName.get(lower.slice('sources/'.length));
    };

    const resolved = new Map<string, Resolved>();
    for (const source of parsed.project.sources) {
      const info = parsed.sourcePaths.get(source.guid);
      const place = info?.where ?? source.guid;
      if (source.text !== undefined) {
        resolved.set(source.guid, { kind: 'inline', text: source.text });
      } else if (source.textEntry !== null) {
        const entry = find(source.textEntry);
        if (!entry) {
          fail(
            'MISSING_SOURCE',
            `De tekst van bron ${quoteName(source.name)} (${info?.path ?? source.textEntry}) ontbreekt in het .qdpx-bestand.`,
            `${place} → ${source.textEntry}`,
          );
        }
        if (entry.uncompressedSize > maxText) {
          fail(
            'TOO_LARGE',
            `De tekst van bron ${quoteName(source.name)} is uitgepakt ${Math.ceil(entry.uncompressedSize / MB)} MB; de grens is ${Math.floor(maxText / MB)} MB.`,
            `${archiveName}: ${entry.fileName}`,
          );
        }
        source.textEntry = entry.fileName;
        resolved.set(source.guid, { kind: 'entry', entry });
        if (entry.uncompressedSize <= 1 && info?.richPath) {
          // NVivo exports a one-byte plain text (a newline) next to the .docx that holds the
          // content. The plain text is what it is; the importer should tell the user.
          warnings.push({
            where: place,
            message: `De platte tekst van bron ${quoteName(source.name)} is leeg (${entry.uncompressedSize} byte); de inhoud staat alleen in het opgemaakte bestand (${info.richPath}), dat niet wordt ingelezen.`,
          });
        }
      } else {
        resolved.set(source.guid, {
          kind: 'none',
          why: info?.path
            ? `De tekst van bron ${quoteName(source.name)} staat buiten het .qdpx-bestand (${info.path}).`
            : `Bron ${quoteName(source.name)} heeft geen platte tekst.`,
          where: place,
        });
      }
    }

    for (const { path: notePath, where: place, note } of parsed.notePaths.values()) {
      const internal = internalEntry(notePath);
      const entry = internal === null ? undefined : find(internal);
      if (!entry) {
        warnings.push({
          where: place,
          message: `De tekst van notitie ${quoteName(note.name)} (${notePath}) staat niet in het .qdpx-bestand.`,
        });
        continue;
      }
      note.text = decodeUtf8(
        await readEntry(zip, entry, maxText, archiveName),
        `${archiveName}: ${entry.fileName}`,
        entry.fileName,
      );
    }

    return {
      project: parsed.project,
      warnings,
      close,
      async readText(source: RefiSource): Promise<string> {
        const found = resolved.get(canonicalGuid(source.guid));
        if (!found) {
          fail(
            'MISSING_SOURCE',
            `Bron ${quoteName(source.name)} hoort niet bij dit .qdpx-bestand.`,
            `${archiveName}: ${source.guid}`,
          );
        }
        if (found.kind === 'inline') return found.text;
        if (found.kind === 'none') fail('MISSING_SOURCE', found.why, found.where);
        const place = `${archiveName}: ${found.entry.fileName}`;
        const bytes = await readEntry(zip, found.entry, maxText, archiveName);
        return decodeUtf8(
          bytes,
          place,
          `De tekst van bron ${quoteName(source.name)} (${found.entry.fileName})`,
        );
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
