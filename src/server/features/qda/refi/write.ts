// REFI-QDA writer: the model (model.ts) → project.qde (QDA-XML 1.0, Project-mrt2019.xsd), a
// stand-alone codebook .qdc (Codebook.xsd), and a streamed .qdpx zip. Pure: no database, no
// files except the stream it is given.
//
// Output rules:
// - Elements come in the order of the XSD sequences (ProjectType: Users, CodeBook, Variables,
//   Cases, Sources, Notes, Description, NoteRef; CodeType: Description, NoteRef, Code; …), and
//   optional containers are left out when empty (the schema requires at least one child in each).
//   The tests validate the output against both XSDs with xmllint.
// - GUIDs: the schema's GUIDType pattern accepts lower case ([0-9a-fA-F]), so our lower-case
//   UUIDs are written as they are; a GUID that does not match the pattern is refused.
// - Escaping: & < > are escaped in text, & < > " in attributes; CR is written as &#13; (and tab,
//   LF, CR in attributes as &#9; &#10; &#13;) so that an XML parser's line-end and attribute
//   normalisation gives back exactly the string we had (a note with CRLF stays CRLF).
// - Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F)
//   cannot be written even as character references. Decision: they are STRIPPED from names,
//   descriptions and note texts (invisible control characters pasted from other programs should
//   not block an export; nothing visible is lost). Source texts are not XML: they go unchanged
//   into sources/<guid>.txt as UTF-8, so selection offsets stay valid (a lone surrogate becomes
//   U+FFFD, still one code point).
// - Values are checked against the schema's lexical rules (GUID, colour, xsd:dateTime, variable
//   value types) and references against the project (codings → codes, NoteRefs → notes, case
//   refs → sources/selections/variables); a violation throws RefiError naming the place, so we
//   never hand out a file another tool would reject.
// - Every source is written with plainTextPath="internal://<guid>.txt"; writeQdpx puts the text in
//   sources/<guid>.txt. A source's `text`/`textEntry` fields are not used by projectXml.
//
// writeQdpx streams: fflate's Zip with one ZipDeflate per file, texts fetched one at a time through
// the callback, each compressed and flushed to the output (respecting backpressure) before the
// next is fetched, so a project with 500 transcripts never holds them all in memory.
import { Zip, ZipDeflate } from 'fflate';
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
  quoteName,
  stripInvalidXmlChars,
} from './errors';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiVariable,
  RefiVariableValue,
} from './model';
import { checkSelections } from './read';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

// ---------------------------------------------------------------------------------------------
// Escaping

function escapeText(value: string): string {
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttr(value: string): string {
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

type Attrs = [string, string | null | undefined][];

function attrs(list: Attrs): string {
  let out = '';
  for (const [name, value] of list) {
    if (value !== null && value !== undefined) out += ` ${name}="${escapeAttr(value)}"`;
  }
  return out;
}

/** A small indenting XML builder: element-only content is indented, text is written verbatim. */
class XmlOut {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private depth = 0;

  open(name: string, list: Attrs = []): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${attrs(list)}>\n`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>\n`);
  }
  empty(name: string, list: Attrs = []): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${attrs(list)}/>\n`);
  }
  text(name: string, value: string, list: Attrs = []): void {
    this.parts.push(
      `${'  '.repeat(this.depth)}<${name}${attrs(list)}>${escapeText(value)}</${name}>\n`,
    );
  }
  toString(): string {
    return this.parts.join('');
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

function fail(code: RefiError['code'], message: string, where: string): never {
  throw new RefiError(code, message, where);
}

function guid(value: string, where: string, attribute = 'guid'): string {
  if (!GUID_PATTERN.test(value)) {
    fail(
      'SCHEMA',
      `Het attribuut ${attribute} heeft de waarde "${value}", maar dat is geen GUID (zoals 0f8fad5b-d9cb-469f-a165-70867728950e).`,
      where,
    );
  }
  return value;
}

function optionalGuid(value: string | null, where: string, attribute: string): string | null {
  return value === null ? null : guid(value, where, attribute);
}

function dateTime(value: string | null, where: string, attribute: string): string | null {
  if (value !== null && !DATE_TIME_PATTERN.test(value)) {
    fail(
      'SCHEMA',
      `Het attribuut ${attribute} heeft de waarde "${value}", maar dat is geen datum-tijd (zoals 2026-03-01T12:00:00Z).`,
      where,
    );
  }
  return value;
}

function isoDecimal(value: number, where: string): string {
  if (!Number.isFinite(value))
    fail('SCHEMA', `Een Float-waarde moet een eindig getal zijn.`, where);
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  // xsd:decimal has no exponent: expand 1.5e-7 / 2e+21 by hand.
  const [mantissa = '0', exponentText = '0'] = plain.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + result;
}

/** Registry of every GUID written, to refuse duplicates and dangling references. */
class Guids {
  private readonly seen = new Map<string, { kind: string; where: string }>();

  add(kind: string, value: string, where: string): void {
    const key = canonicalGuid(value);
    const earlier = this.seen.get(key);
    if (earlier) {
      fail(
        kind === 'Code' && earlier.kind === 'Code' ? 'CODE_LOOP' : 'SCHEMA',
        `De GUID ${value} komt twee keer voor: bij ${earlier.where} en bij ${where}.`,
        `${earlier.where} and ${where}`,
      );
    }
    this.seen.set(key, { kind, where });
  }
  has(kind: string, value: string): boolean {
    return this.seen.get(canonicalGuid(value))?.kind === kind;
  }
}

// ---------------------------------------------------------------------------------------------
// project.qde

function codeWhere(parent: string, code: RefiCode, index: number): string {
  return `${parent}/Code[${index + 1}] (name ${quoteName(code.name)})`;
}

function registerCodes(codes: RefiCode[], parent: string, registry: Guids): void {
  codes.forEach((code, index) => {
    const where = codeWhere(parent, code, index);
    registry.add('Code', guid(code.guid, where), where);
    if (code.color !== null && !COLOR_PATTERN.test(code.color)) {
      fail(
        'SCHEMA',
        `Het attribuut color heeft de waarde "${code.color}", maar een kleur moet de vorm #RRGGBB hebben.`,
        where,
      );
    }
    registerCodes(code.children, where, registry);
  });
}

function noteRefs(out: XmlOut, noteGuids: string[] | undefined, where: string, registry: Guids) {
  for (const target of noteGuids ?? []) {
    if (!registry.has('Note', target)) {
      fail(
        'UNKNOWN_REFERENCE',
        `Een NoteRef verwijst naar notitie ${target}, die niet bestaat.`,
        where,
      );
    }
    out.empty('NoteRef', [['targetGUID', target]]);
  }
}

function writeCodes(out: XmlOut, codes: RefiCode[], parent: string, registry: Guids | null): void {
  codes.forEach((code, index) => {
    const where = codeWhere(parent, code, index);
    const list: Attrs = [
      ['guid', code.guid],
      ['name', code.name],
      ['isCodable', code.isCodable ? 'true' : 'false'],
      ['color', code.color],
    ];
    // A .qdc code (registry null) has no NoteRef in its schema.
    const notes = registry ? code.noteGuids : [];
    if (code.description === null && notes.length === 0 && code.children.length === 0) {
      out.empty('Code', list);
      return;
    }
    out.open('Code', list);
    if (code.description !== null) out.text('Description', code.description);
    if (registry) noteRefs(out, notes, where, registry);
    writeCodes(out, code.children, where, registry);
    out.close('Code');
  });
}

function valueElement(
  value: RefiVariableValue,
  variables: Map<string, RefiVariable>,
  where: string,
): [string, string] {
  const variable = variables.get(canonicalGuid(value.variableGuid));
  if (!variable) {
    fail(
      'UNKNOWN_REFERENCE',
      `Een waarde verwijst naar variabele ${value.variableGuid}, die niet bestaat.`,
      where,
    );
  }
  const v = value.value;
  const wrong = (): never =>
    fail(
      'SCHEMA',
      `De waarde ${JSON.stringify(v)} past niet bij variabele ${quoteName(variable.name)} van type ${variable.type}.`,
      where,
    );
  switch (variable.type) {
    case 'Text':
      return typeof v === 'string' ? ['TextValue', v] : wrong();
    case 'Boolean':
      return typeof v === 'boolean' ? ['BooleanValue', v ? 'true' : 'false'] : wrong();
    case 'Integer':
      if (typeof v === 'number' && Number.isSafeInteger(v)) return ['IntegerValue', String(v)];
      return typeof v === 'string' && INTEGER_PATTERN.test(v) ? ['IntegerValue', v] : wrong();
    case 'Float':
      if (typeof v === 'number') return ['FloatValue', isoDecimal(v, where)];
      return typeof v === 'string' && DECIMAL_PATTERN.test(v) ? ['FloatValue', v] : wrong();
    case 'Date':
      return typeof v === 'string' && DATE_PATTERN.test(v) ? ['DateValue', v] : wrong();
    case 'DateTime':
      return typeof v === 'string' && DATE_TIME_PATTERN.test(v) ? ['DateTimeValue', v] : wrong();
  }
}

function writeValues(
  out: XmlOut,
  values: RefiVariableValue[] | undefined,
  variables: Map<string, RefiVariable>,
  where: string,
): void {
  for (const value of values ?? []) {
    const [element, text] = valueElement(value, variables, where);
    out.open('VariableValue');
    out.empty('VariableRef', [['targetGUID', value.variableGuid]]);
    out.text(element, text);
    out.close('VariableValue');
  }
}

function writeCoding(out: XmlOut, coding: RefiCoding, where: string, registry: Guids): void {
  const here = `${where}/Coding[guid ${coding.guid}]`;
  if (!registry.has('Code', coding.codeGuid)) {
    fail(
      'UNKNOWN_REFERENCE',
      `Een codering verwijst naar code ${coding.codeGuid}, die niet in het codeboek staat.`,
      here,
    );
  }
  out.open('Coding', [
    ['guid', coding.guid],
    ['creatingUser', optionalGuid(coding.creatingUser, here, 'creatingUser')],
    ['creationDateTime', dateTime(coding.creationDateTime, here, 'creationDateTime')],
  ]);
  out.empty('CodeRef', [['targetGUID', coding.codeGuid]]);
  noteRefs(out, coding.noteGuids, here, registry);
  out.close('Coding');
}

function writeSelection(
  out: XmlOut,
  selection: RefiSelection,
  where: string,
  registry: Guids,
): void {
  const here = `${where}/PlainTextSelection[guid ${selection.guid}]`;
  const { start, end } = selection;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) {
    fail(
      'OFFSET_OUT_OF_RANGE',
      `De selectie loopt van ${start} tot ${end}; dat moeten hele getallen zijn met 0 ≤ begin ≤ eind.`,
      here,
    );
  }
  out.open('PlainTextSelection', [
    ['guid', selection.guid],
    ['name', selection.name],
    ['startPosition', String(start)],
    ['endPosition', String(end)],
    ['creatingUser', optionalGuid(selection.creatingUser, here, 'creatingUser')],
    ['creationDateTime', dateTime(selection.creationDateTime, here, 'creationDateTime')],
  ]);
  if (selection.description !== undefined) out.text('Description', selection.description);
  for (const coding of selection.codings) writeCoding(out, coding, here, registry);
  noteRefs(out, selection.noteGuids, here, registry);
  out.close('PlainTextSelection');
}

function sourceWhere(source: RefiSource, index: number): string {
  return `Sources/TextSource[${index + 1}] (name ${quoteName(source.name)})`;
}

/** The zip entry writeQdpx stores a source's text in. */
export function sourceEntryName(source: RefiSource): string {
  return `sources/${canonicalGuid(source.guid)}.txt`;
}

function registerAll(project: RefiProject): Guids {
  const registry = new Guids();
  project.users.forEach((user, i) => {
    const where = `Users/User[${i + 1}] (name ${quoteName(user.name)})`;
    registry.add('User', guid(user.guid, where), where);
  });
  registerCodes(project.codes, 'CodeBook/Codes', registry);
  project.variables.forEach((variable, i) => {
    const where = `Variables/Variable[${i + 1}] (name ${quoteName(variable.name)})`;
    registry.add('Variable', guid(variable.guid, where), where);
    if (!VARIABLE_TYPES.includes(variable.type)) {
      fail(
        'SCHEMA',
        `Variabele ${quoteName(variable.name)} heeft type "${String(variable.type)}"; toegestaan zijn ${VARIABLE_TYPES.join(', ')}.`,
        where,
      );
    }
  });
  project.cases.forEach((c, i) => {
    const where = `Cases/Case[${i + 1}] (name ${quoteName(c.name)})`;
    registry.add('Case', guid(c.guid, where), where);
  });
  project.sources.forEach((source, i) => {
    const where = sourceWhere(source, i);
    registry.add('Source', guid(source.guid, where), where);
    for (const selection of source.selections) {
      const here = `${where}/PlainTextSelection[guid ${selection.guid}]`;
      registry.add('Selection', guid(selection.guid, here), here);
      for (const coding of selection.codings) {
        const c = `${here}/Coding[guid ${coding.guid}]`;
        registry.add('Coding', guid(coding.guid, c), c);
        guid(coding.codeGuid, c, 'CodeRef targetGUID');
      }
    }
    for (const coding of source.codings ?? []) {
      const c = `${where}/Coding[guid ${coding.guid}]`;
      registry.add('Coding', guid(coding.guid, c), c);
    }
  });
  project.notes.forEach((note, i) => {
    const where = `Notes/Note[${i + 1}] (name ${quoteName(note.name)})`;
    registry.add('Note', guid(note.guid, where), where);
  });
  return registry;
}

function writeCase(
  out: XmlOut,
  c: RefiCase,
  index: number,
  variables: Map<string, RefiVariable>,
  registry: Guids,
): void {
  const where = `Cases/Case[${index + 1}] (name ${quoteName(c.name)})`;
  const ref = (kind: string, element: string, target: string) => {
    if (!registry.has(kind, target)) {
      fail(
        'UNKNOWN_REFERENCE',
        `Een ${element} van de casus verwijst naar ${target}, dat niet in het project staat.`,
        where,
      );
    }
    out.empty(element, [['targetGUID', target]]);
  };
  out.open('Case', [
    ['guid', c.guid],
    ['name', c.name],
  ]);
  if (c.description !== null) out.text('Description', c.description);
  for (const target of c.codeGuids ?? []) ref('Code', 'CodeRef', target);
  writeValues(out, c.values, variables, where);
  for (const target of c.sourceGuids) ref('Source', 'SourceRef', target);
  for (const target of c.selectionGuids ?? []) ref('Selection', 'SelectionRef', target);
  out.close('Case');
}

function writeNote(out: XmlOut, note: RefiNote, index: number): void {
  const where = `Notes/Note[${index + 1}] (name ${quoteName(note.name)})`;
  out.open('Note', [
    ['guid', note.guid],
    ['name', note.name],
    ['creatingUser', optionalGuid(note.creatingUser, where, 'creatingUser')],
    ['creationDateTime', dateTime(note.creationDateTime, where, 'creationDateTime')],
  ]);
  if (note.description !== undefined) out.text('Description', note.description);
  out.text('PlainTextContent', note.text);
  out.close('Note');
}

/** project.qde for `project`; validates against Project-mrt2019.xsd. Throws RefiError. */
export function projectXml(project: RefiProject): string {
  const registry = registerAll(project);
  const variables = new Map(project.variables.map((v) => [canonicalGuid(v.guid), v]));
  const out = new XmlOut();
  out.open('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', project.name],
    ['origin', project.origin],
    ['creatingUserGUID', optionalGuid(project.creatingUser, 'Project', 'creatingUserGUID')],
    ['creationDateTime', dateTime(project.creationDateTime, 'Project', 'creationDateTime')],
  ]);
  if (project.users.length > 0) {
    out.open('Users');
    for (const user of project.users) {
      out.empty('User', [
        ['guid', user.guid],
        ['name', user.name],
      ]);
    }
    out.close('Users');
  }
  if (project.codes.length > 0) {
    out.open('CodeBook');
    out.open('Codes');
    writeCodes(out, project.codes, 'CodeBook/Codes', registry);
    out.close('Codes');
    out.close('CodeBook');
  }
  if (project.variables.length > 0) {
    out.open('Variables');
    for (const variable of project.variables) {
      const list: Attrs = [
        ['guid', variable.guid],
        ['name', variable.name],
        ['typeOfVariable', variable.type],
      ];
      if (variable.description === null) {
        out.empty('Variable', list);
      } else {
        out.open('Variable', list);
        out.text('Description', variable.description);
        out.close('Variable');
      }
    }
    out.close('Variables');
  }
  if (project.cases.length > 0) {
    out.open('Cases');
    project.cases.forEach((c, i) => writeCase(out, c, i, variables, registry));
    out.close('Cases');
  }
  if (project.sources.length > 0) {
    out.open('Sources');
    project.sources.forEach((source, index) => {
      const where = sourceWhere(source, index);
      out.open('TextSource', [
        ['guid', source.guid],
        ['name', source.name],
        ['plainTextPath', `internal://${canonicalGuid(source.guid)}.txt`],
        ['creatingUser', optionalGuid(source.creatingUser, where, 'creatingUser')],
        ['creationDateTime', dateTime(source.creationDateTime, where, 'creationDateTime')],
      ]);
      if (source.description !== null) out.text('Description', source.description);
      for (const selection of source.selections) writeSelection(out, selection, where, registry);
      for (const coding of source.codings ?? []) writeCoding(out, coding, where, registry);
      noteRefs(out, source.noteGuids, where, registry);
      writeValues(out, source.values, variables, where);
      out.close('TextSource');
    });
    out.close('Sources');
  }
  if (project.notes.length > 0) {
    out.open('Notes');
    project.notes.forEach((note, i) => writeNote(out, note, i));
    out.close('Notes');
  }
  if (project.description !== undefined) out.text('Description', project.description);
  noteRefs(out, project.noteGuids, 'Project', registry);
  out.close('Project');
  return out.toString();
}

// ---------------------------------------------------------------------------------------------
// .qdc

/**
 * A stand-alone codebook (.qdc) that validates against Codebook.xsd. The codebook schema has no
 * notes, so the codes' noteGuids are not written. Throws RefiError (SCHEMA when `codes` is
 * empty: <Codes> needs at least one <Code>).
 */
export function codebookXml(codes: RefiCode[], origin: string): string {
  if (codes.length === 0) {
    fail('SCHEMA', 'Een codeboek zonder codes kan niet worden geëxporteerd.', 'CodeBook/Codes');
  }
  registerCodes(codes, 'CodeBook/Codes', new Guids());
  const out = new XmlOut();
  out.open('CodeBook', [
    ['xmlns', CODEBOOK_NAMESPACE],
    ['origin', origin],
  ]);
  out.open('Codes');
  writeCodes(out, codes, 'CodeBook/Codes', null);
  out.close('Codes');
  out.close('CodeBook');
  return out.toString();
}

// ---------------------------------------------------------------------------------------------
// .qdpx

/**
 * Streams a .qdpx (zip) to `out`: project.qde first, then sources/<guid>.txt (UTF-8) for each
 * source, fetching one text at a time via `texts`. Each text's selections are checked against it
 * (checkSelections) before it is written. Ends `out` and resolves, with the number of bytes
 * written, once it has finished. Throws RefiError for an invalid project.
 */
export async function writeQdpx(
  project: RefiProject,
  texts: (source: RefiSource) => Promise<string>,
  out: NodeJS.WritableStream,
): Promise<{ bytes: number }> {
  const xml = projectXml(project); // validates everything before a byte is written
  const encoder = new TextEncoder();
  let bytes = 0;
  let zipError: Error | null = null;
  let streamError: Error | null = null;
  const pending: Uint8Array[] = [];
  const onError = (error: Error) => {
    streamError = error;
  };
  out.on('error', onError);

  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else pending.push(chunk);
  });

  const flush = async () => {
    while (pending.length > 0) {
      if (zipError) throw zipError;
      if (streamError) throw streamError;
      const chunk = pending.shift()!;
      bytes += chunk.length;
      if (!out.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            out.off('drain', done);
            out.off('error', failed);
            resolve();
          };
          const failed = (error: Error) => {
            out.off('drain', done);
            out.off('error', failed);
            reject(error);
          };
          out.on('drain', done);
          out.on('error', failed);
        });
      }
    }
    if (zipError) throw zipError;
    if (streamError) throw streamError;
  };

  const addFile = async (name: string, data: Uint8Array) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
    await flush();
  };

  try {
    await addFile('project.qde', encoder.encode(xml));
    for (const source of project.sources) {
      const text = await texts(source);
      checkSelections(source, text);
      await addFile(sourceEntryName(source), encoder.encode(text));
    }
    zip.end();
    await flush();
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
  } finally {
    out.off('error', onError);
  }
  return { bytes };
}
