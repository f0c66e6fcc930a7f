// Tests of the REFI-QDA reader/writer: a hand-built project with Dutch accents, emoji, CRLF and
// markup characters (validated against the official XSDs with xmllint-wasm, positions checked on
// the exact substrings, written to a .qdpx and read back), every bad-input case with its error
// code and place, the real exports in ../shared/standards/refi-qda/samples, and a 500-source
// archive written and read one source at a time. Tests that need the standards folder skip with
// a visible warning when it is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { RefiCode, RefiProject, RefiSelection, RefiSource } from './model';
import { codePointLength, codePointToUtf16, sliceCodePoints } from './positions';
import {
  RefiError,
  checkSelections,
  openQdpx,
  parseCodebookXml,
  parseProjectXml,
  type QdpxArchive,
} from './read';
import { codebookXml, projectXml, writeQdpx } from './write';

const standardsDir = path.resolve('../shared/standards/refi-qda');
const schemaDir = path.join(standardsDir, 'schema');
const samplesDir = path.join(standardsDir, 'samples');

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'refi-test-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Skips the test (visibly) when a file of the standards folder is absent. */
function requireFile(context: TestContext, file: string, what: string): string {
  if (!fs.existsSync(file)) {
    console.warn(`[skip] ${file} is absent: ${what}`);
    context.skip();
  }
  return file;
}

async function validate(xml: string, xsdFile: string) {
  const result = await validateXML({
    xml: [{ fileName: 'instance.xml', contents: xml }],
    schema: [{ fileName: path.basename(xsdFile), contents: fs.readFileSync(xsdFile, 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Deterministic lower-case GUIDs. */
const g = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Code-point range of the `occurrence`-th `part` in `text`. */
function range(text: string, part: string, occurrence = 1): { start: number; end: number } {
  let index = -1;
  for (let k = 0; k < occurrence; k++) index = text.indexOf(part, index + 1);
  if (index === -1) throw new Error(`"${part}" not in text`);
  const start = codePointLength(text.slice(0, index));
  return { start, end: start + codePointLength(part) };
}

async function expectRefiError(
  promise: Promise<unknown> | (() => unknown),
  code: RefiError['code'],
  where?: RegExp,
): Promise<RefiError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected RefiError ${code}`).toBeInstanceOf(RefiError);
  const error = caught as RefiError;
  expect({ code: error.code, where: error.where }).toMatchObject({ code });
  if (where) expect(error.where).toMatch(where);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

// ---------------------------------------------------------------------------------------------
// The hand-built project

const TEXT_1 =
  'Interview één — café in Ĳsselstein\r\n' +
  'Jongere: Ik ben 😀 blij met de hulp.\r\n' +
  'Moeder: Ons gezin 👨‍👩‍👧 woont nu samen; "fijn" & <rustig>, zei ze \'eindelijk\'.\r\n' +
  'Vlag: 🇳🇱 en reünie, coöperatie, ëxtra.\r\n';
const TEXT_2 = 'Tweede gesprek 😀😀\r\nHij zei: "Het gaat goed" & <prima> \'ja\'.\r\nEinde 🇳🇱';

const U1 = g(1);
const U2 = g(2);
const C_FEELINGS = g(10);
const C_HAPPY = g(11);
const C_SAD = g(12);
const C_GRIEF = g(13);
const C_FAMILY = g(14);
const V_PLACE = g(20);
const V_AGE = g(21);
const V_CONSENT = g(22);
const V_START = g(23);
const V_SCORE = g(24);
const S1 = g(30);
const S2 = g(31);
const N_PROJECT = g(40);
const N_SELECTION = g(41);
const N_SOURCE = g(42);
const N_CODE = g(43);
const N_CODING = g(44);

/** Selections with the exact text each must cover. */
const intended: Record<
  string,
  { source: string; text: string; part: string; occurrence?: number }
> = {
  [g(100)]: { source: S1, text: TEXT_1, part: '😀 blij' },
  [g(101)]: { source: S1, text: TEXT_1, part: ' blij met de hulp.' },
  [g(102)]: { source: S1, text: TEXT_1, part: 'Ik ben 😀' },
  [g(103)]: { source: S1, text: TEXT_1, part: '👨‍👩‍👧' },
  [g(104)]: { source: S1, text: TEXT_1, part: '🇳🇱' },
  [g(105)]: { source: S1, text: TEXT_1, part: 'hulp.\r\nMoeder' },
  [g(106)]: { source: S1, text: TEXT_1, part: '"fijn" & <rustig>' },
  [g(107)]: { source: S1, text: TEXT_1, part: 'Ĳsselstein' },
  [g(108)]: { source: S2, text: TEXT_2, part: '😀😀' },
  [g(109)]: { source: S2, text: TEXT_2, part: 'Tweede' },
  [g(110)]: { source: S2, text: TEXT_2, part: 'Einde 🇳🇱' },
  [g(111)]: { source: S2, text: TEXT_2, part: '"Het gaat goed" & <prima> \'ja\'' },
};

function selectionsOf(source: string): RefiSelection[] {
  return Object.entries(intended)
    .filter(([, s]) => s.source === source)
    .map(([guid, s], i) => ({
      guid,
      name: i % 2 === 0 ? `Fragment ${i} — "${s.part.slice(0, 4)}" & co` : null,
      ...range(s.text, s.part, s.occurrence),
      creatingUser: i % 2 === 0 ? U1 : U2,
      creationDateTime: i % 3 === 0 ? '2026-03-02T10:15:00.123Z' : null,
      codings: [
        {
          guid: g(200 + Number.parseInt(guid.slice(-3), 16)),
          codeGuid: i % 2 === 0 ? C_HAPPY : C_FAMILY,
          creatingUser: U1,
          creationDateTime: '2026-03-02T10:16:00+01:00',
        },
      ],
      noteGuids: [],
    }));
}

function handBuiltProject(): RefiProject {
  const codes: RefiCode[] = [
    {
      guid: C_FEELINGS,
      name: 'Gevoelens & <emoties>',
      color: '#FF8800',
      description: 'Alles over "gevoel" & \'emotie\'\n  tweede regel, met één ë en ĳ.',
      isCodable: false,
      noteGuids: [N_CODE],
      children: [
        {
          guid: C_HAPPY,
          name: 'Blij 😀',
          color: '#00aa00',
          description: null,
          isCodable: true,
          children: [],
          noteGuids: [],
        },
        {
          guid: C_SAD,
          name: 'Verdriet',
          color: null,
          description: 'Verdriet en verlies',
          isCodable: true,
          noteGuids: [],
          children: [
            {
              guid: C_GRIEF,
              name: 'Rouw',
              color: '#123456',
              description: null,
              isCodable: true,
              children: [],
              noteGuids: [],
            },
          ],
        },
      ],
    },
    {
      guid: C_FAMILY,
      name: 'Gezin 👨‍👩‍👧',
      color: null,
      description: null,
      isCodable: true,
      children: [],
      noteGuids: [],
    },
  ];
  const s1Selections = selectionsOf(S1);
  s1Selections[0]!.noteGuids = [N_SELECTION];
  s1Selections[1]!.codings[0]!.noteGuids = [N_CODING];
  const s1 = {
    ...s1Selections[2]!,
    description: 'Beschrijving van de selectie: "x" & <y>',
  };
  s1Selections[2] = s1;
  return {
    name: 'Ketenlens — onderzoek "A&B" <test> \'x\'',
    origin: 'Ketenlens 0.1.0',
    creatingUser: U1,
    creationDateTime: '2026-03-01T09:30:00Z',
    description: 'Projectbeschrijving met ĳ en 😀',
    noteGuids: [N_PROJECT],
    users: [
      { guid: U1, name: 'Anna de Vries' },
      { guid: U2, name: 'Bram "B" van \'t Ĳsselmeer & <co>' },
    ],
    codes,
    variables: [
      { guid: V_PLACE, name: 'Woonplaats', type: 'Text', description: 'Waar de jongere woont' },
      { guid: V_AGE, name: 'Leeftijd', type: 'Integer', description: null },
      { guid: V_CONSENT, name: 'Toestemming', type: 'Boolean', description: null },
      { guid: V_START, name: 'Startdatum', type: 'Date', description: 'Begin van de hulp' },
      { guid: V_SCORE, name: 'Score', type: 'Float', description: null },
    ],
    cases: [
      {
        guid: g(50),
        name: 'Casus A',
        description: 'Eerste casus & <meer>',
        values: [
          { variableGuid: V_PLACE, value: 'Utrecht' },
          { variableGuid: V_AGE, value: 15 },
          { variableGuid: V_CONSENT, value: true },
          { variableGuid: V_START, value: '2025-09-01' },
        ],
        sourceGuids: [S1],
        codeGuids: [C_FAMILY],
        selectionGuids: [g(100)],
      },
      {
        guid: g(51),
        name: 'Casus B & <C>',
        description: null,
        values: [
          { variableGuid: V_PLACE, value: 'Zoë\'s "huis" in \'s-Hertogenbosch' },
          { variableGuid: V_AGE, value: 17 },
          { variableGuid: V_CONSENT, value: false },
          { variableGuid: V_START, value: '2026-01-15' },
          { variableGuid: V_SCORE, value: 7.25 },
        ],
        sourceGuids: [S1, S2],
      },
    ],
    sources: [
      {
        guid: S1,
        name: 'Interview 1 — "één" & <ĳ>',
        description: 'Eerste interview\r\nmet CRLF',
        creatingUser: U1,
        creationDateTime: '2026-03-01T09:31:00Z',
        selections: s1Selections,
        noteGuids: [N_SOURCE],
        textEntry: `sources/${S1}.txt`,
        values: [{ variableGuid: V_PLACE, value: 'Utrecht' }],
      },
      {
        guid: S2,
        name: 'Interview 2',
        description: null,
        creatingUser: null,
        creationDateTime: null,
        selections: selectionsOf(S2),
        noteGuids: [],
        textEntry: `sources/${S2}.txt`,
        codings: [{ guid: g(400), codeGuid: C_SAD, creatingUser: U2, creationDateTime: null }],
      },
    ],
    notes: [
      {
        guid: N_PROJECT,
        name: 'Projectnotitie',
        text: '  Projectnotitie\r\nmet "aanhalingstekens" & <tags> \'apos\' 😀 en ĳ.\n\n  ',
        creatingUser: U1,
        creationDateTime: '2026-03-01T09:40:00Z',
        description: 'Logboek & <meer>',
      },
      {
        guid: N_SELECTION,
        name: 'Bij de selectie',
        text: 'Deze passage gaat over blijdschap 😀.',
        creatingUser: U2,
        creationDateTime: null,
      },
      {
        guid: N_SOURCE,
        name: 'Bij de bron',
        text: 'Opname was slecht verstaanbaar]]> (CDATA-einde in tekst).',
        creatingUser: null,
        creationDateTime: null,
      },
      {
        guid: N_CODE,
        name: 'Bij de code',
        text: 'Definitie: gevoelens die de jongere benoemt.\tMet tab.',
        creatingUser: U1,
        creationDateTime: null,
      },
      {
        guid: N_CODING,
        name: 'Bij de codering',
        text: 'Twijfel of dit "blij" is.',
        creatingUser: U1,
        creationDateTime: null,
      },
    ],
  };
}

const textOf = (source: RefiSource) => (source.guid === S1 ? TEXT_1 : TEXT_2);

/** Writes `files` as a zip and returns its path. */
function zipFile(name: string, files: Record<string, string | Uint8Array>): string {
  const file = path.join(tmp, name);
  const data: Record<string, Uint8Array> = {};
  for (const [entry, content] of Object.entries(files)) {
    data[entry] = typeof content === 'string' ? strToU8(content) : content;
  }
  fs.writeFileSync(file, zipSync(data));
  return file;
}

async function writeToFile(
  project: RefiProject,
  texts: (s: RefiSource) => Promise<string>,
  name: string,
) {
  const file = path.join(tmp, name);
  const result = await writeQdpx(project, texts, fs.createWriteStream(file));
  return { file, bytes: result.bytes };
}

async function withArchive<T>(file: string, body: (a: QdpxArchive) => Promise<T>): Promise<T> {
  const archive = await openQdpx(file);
  try {
    return await body(archive);
  } finally {
    await archive.close();
  }
}

function countCodes(codes: RefiCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}

// =============================================================================================

describe('positions', () => {
  it('counts and slices code points, not UTF-16 units', () => {
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('👨‍👩‍👧')).toBe(5); // three people joined by two ZWJs
    expect(codePointLength('🇳🇱')).toBe(2);
    expect(codePointLength('Ĳsselstein é ë')).toBe(14);
    expect(range(TEXT_2, '😀😀')).toEqual({ start: 15, end: 17 }); // UTF-16 would be 15..19
    expect(sliceCodePoints(TEXT_2, 15, 17)).toBe('😀😀');
    expect(sliceCodePoints(TEXT_2, 16, 17)).toBe('😀');
    expect(codePointToUtf16(TEXT_2, 17)).toBe(19);
    expect(() => sliceCodePoints('abc', 2, 1)).toThrow(RangeError);
    expect(() => sliceCodePoints('abc', 0, 4)).toThrow(RangeError);
    expect(sliceCodePoints('abc', 3, 3)).toBe('');
  });

  it('slices every intended selection exactly', () => {
    const project = handBuiltProject();
    for (const source of project.sources) {
      const text = textOf(source);
      for (const selection of source.selections) {
        expect(sliceCodePoints(text, selection.start, selection.end)).toBe(
          intended[selection.guid]!.part,
        );
      }
    }
    // The exact strings, spelled out.
    const at = (guid: string) => {
      const s = project.sources.flatMap((x) => x.selections).find((x) => x.guid === guid)!;
      return sliceCodePoints(intended[guid]!.text, s.start, s.end);
    };
    expect(at(g(100))).toBe('😀 blij');
    expect(at(g(101))).toBe(' blij met de hulp.');
    expect(at(g(102))).toBe('Ik ben 😀');
    expect(at(g(103))).toBe('👨‍👩‍👧');
    expect(at(g(104))).toBe('🇳🇱');
    expect(at(g(105))).toBe('hulp.\r\nMoeder');
    expect(at(g(107))).toBe('Ĳsselstein');
    expect(at(g(110))).toBe('Einde 🇳🇱');
  });

  it('agrees with Array.from on a long text full of astral characters', () => {
    const piece = 'Zoë zegt 😀 tegen ĳs 👨‍👩‍👧 en 🇳🇱.\n';
    const text = piece.repeat(2000);
    const points = Array.from(text);
    expect(codePointLength(text)).toBe(points.length);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 200; k++) {
      const a = next() % points.length;
      const b = a + (next() % 300);
      const end = Math.min(b, points.length);
      expect(sliceCodePoints(text, a, end)).toBe(points.slice(a, end).join(''));
    }
    expect(sliceCodePoints(text, points.length - 3, points.length)).toBe(points.slice(-3).join(''));
  });
});

describe('writer', () => {
  it('writes a project.qde that validates against Project-mrt2019.xsd', async (context) => {
    const xsd = requireFile(
      context,
      path.join(schemaDir, 'Project-mrt2019.xsd'),
      'the project.qde was not validated against the official schema.',
    );
    const xml = projectXml(handBuiltProject());
    const result = await validate(xml, xsd);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // Markup characters are escaped, not lost.
    expect(xml).toContain('name="Gevoelens &amp; &lt;emoties&gt;"');
    expect(xml).toContain('&#13;'); // CRLF in a note survives XML line-end normalisation
    expect(xml).toContain(`plainTextPath="internal://${S1}.txt"`);
    // The validator is live: a value the schema forbids is caught.
    const broken = await validate(xml.replace('isCodable="true"', 'isCodable="ja"'), xsd);
    expect(broken.valid).toBe(false);
    expect(broken.errors.join('\n')).toMatch(/isCodable/);
  });

  it('reads its own project.qde back to the same model', () => {
    const project = handBuiltProject();
    expect(parseProjectXml(projectXml(project))).toStrictEqual(project);
  });

  it('writes a codebook that validates against Codebook.xsd and reads back', async (context) => {
    const xsd = requireFile(
      context,
      path.join(schemaDir, 'Codebook.xsd'),
      'the .qdc was not validated against the official schema.',
    );
    const { codes } = handBuiltProject();
    const xml = codebookXml(codes, 'Ketenlens 0.1.0');
    const result = await validate(xml, xsd);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // A .qdc has no notes: the code's NoteRef is not written.
    const withoutNotes = (list: RefiCode[]): RefiCode[] =>
      list.map((c) => ({ ...c, noteGuids: [], children: withoutNotes(c.children) }));
    expect(parseCodebookXml(xml)).toStrictEqual(withoutNotes(codes));
  });

  it('strips characters XML 1.0 forbids and still validates', async (context) => {
    const xsd = requireFile(context, path.join(schemaDir, 'Project-mrt2019.xsd'), 'not validated.');
    const project = handBuiltProject();
    project.notes[1]!.text = 'Geplakt uit Word:\u0001\u000b einde\uFFFF, \uD800 los.';
    project.codes[1]!.name = 'Gezin\u0008';
    const xml = projectXml(project);
    expect((await validate(xml, xsd)).valid).toBe(true);
    const back = parseProjectXml(xml);
    expect(back.notes[1]!.text).toBe('Geplakt uit Word: einde,  los.');
    expect(back.codes[1]!.name).toBe('Gezin');
  });

  it('refuses what the schema would refuse, naming the place', async () => {
    const bad = (change: (p: RefiProject) => void) => {
      const p = handBuiltProject();
      change(p);
      return () => projectXml(p);
    };
    await expectRefiError(
      bad((p) => (p.codes[0]!.color = 'orange')),
      'SCHEMA',
      /Code\[1\] \(name "Gevoelens/,
    );
    await expectRefiError(
      bad((p) => (p.users[0]!.guid = 'u1')),
      'SCHEMA',
      /Users\/User\[1\]/,
    );
    await expectRefiError(
      bad((p) => (p.sources[0]!.creationDateTime = '1 maart 2026')),
      'SCHEMA',
      /TextSource\[1\]/,
    );
    await expectRefiError(
      bad((p) => (p.sources[0]!.selections[0]!.codings[0]!.codeGuid = g(999))),
      'UNKNOWN_REFERENCE',
      /PlainTextSelection\[guid .*\]\/Coding/,
    );
    await expectRefiError(
      bad((p) => (p.codes[1]!.guid = C_HAPPY)),
      'CODE_LOOP',
      /Code\[1\].*and.*Code\[2\]/,
    );
    await expectRefiError(
      bad((p) => (p.cases[0]!.values[1]!.value = 'vijftien')),
      'SCHEMA',
      /Cases\/Case\[1\]/,
    );
    await expectRefiError(
      bad((p) => (p.sources[1]!.selections[0]!.start = 99)),
      'OFFSET_OUT_OF_RANGE',
      /PlainTextSelection/,
    );
    await expectRefiError(() => codebookXml([], 'x'), 'SCHEMA');
  });
});

describe('.qdpx round trip', () => {
  it('writes a .qdpx and reads back the same project and the same texts', async () => {
    const project = handBuiltProject();
    const fetched: string[] = [];
    const { file, bytes } = await writeToFile(
      project,
      async (source) => {
        fetched.push(source.guid);
        return textOf(source);
      },
      'roundtrip.qdpx',
    );
    expect(fetched).toEqual([S1, S2]);
    expect(bytes).toBe(fs.statSync(file).size);

    // Byte for byte: the entries are exactly the UTF-8 of the texts.
    const entries = unzipSync(fs.readFileSync(file));
    expect(Object.keys(entries).sort()).toEqual(
      ['project.qde', `sources/${S1}.txt`, `sources/${S2}.txt`].sort(),
    );
    expect(Buffer.from(entries[`sources/${S1}.txt`]!).equals(Buffer.from(TEXT_1, 'utf8'))).toBe(
      true,
    );

    await withArchive(file, async (archive) => {
      expect(archive.project).toStrictEqual(project);
      expect(archive.warnings).toEqual([]);
      for (const source of archive.project.sources) {
        const text = await archive.readText(source);
        expect(Buffer.from(text, 'utf8').equals(Buffer.from(textOf(source), 'utf8'))).toBe(true);
        checkSelections(source, text);
        for (const selection of source.selections) {
          expect(sliceCodePoints(text, selection.start, selection.end)).toBe(
            intended[selection.guid]!.part,
          );
        }
      }
    });
  });

  it('refuses to write a text that its selections do not fit', async () => {
    const project = handBuiltProject();
    await expectRefiError(
      writeToFile(project, async (s) => textOf(s).slice(0, 10), 'short.qdpx'),
      'OFFSET_OUT_OF_RANGE',
      /PlainTextSelection\[guid /,
    );
  });
});

// =============================================================================================
// Bad input

const NS = 'urn:QDA-XML:project:1.0';
const CODE = g(1001);
const SRC = g(1002);
const SEL = g(1003);
const CODING = g(1004);

function qde(parts: { codes?: string; sources?: string; notes?: string; extra?: string } = {}) {
  const codes =
    parts.codes ?? `<Code guid="${CODE}" name="Blij" isCodable="true" color="#00FF00"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Project xmlns="${NS}" name="Test">\n` +
    `  <CodeBook>\n    <Codes>\n      ${codes}\n    </Codes>\n  </CodeBook>\n` +
    `  <Sources>\n${parts.sources ?? sourceXml()}\n  </Sources>\n` +
    (parts.notes ? `  <Notes>${parts.notes}</Notes>\n` : '') +
    (parts.extra ?? '') +
    `</Project>\n`
  );
}

function sourceXml(
  selection = 'startPosition="0" endPosition="4"',
  codeRef = CODE,
  extra = '',
  path = `internal://${SRC}.txt`,
) {
  return (
    `    <TextSource guid="${SRC}" name="Interview 2" plainTextPath="${path}">\n` +
    `      <PlainTextSelection guid="${SEL}" ${selection}>\n` +
    `        <Coding guid="${CODING}"><CodeRef targetGUID="${codeRef}"/></Coding>${extra}\n` +
    `      </PlainTextSelection>\n` +
    `    </TextSource>`
  );
}

const TEXT = 'Ik ben 😀 blij.';

describe('bad input', () => {
  it('a file that is not a zip', async () => {
    const file = path.join(tmp, 'not-a-zip.qdpx');
    fs.writeFileSync(file, 'Dit is gewoon tekst, geen zip.');
    const error = await expectRefiError(openQdpx(file), 'NOT_A_ZIP', /not-a-zip\.qdpx/);
    expect(error.message).toBe('Dit bestand is geen .qdpx: het is geen zip-archief.');
  });

  it('a zip without project.qde', async () => {
    const file = zipFile('no-project.qdpx', { 'sources/x.txt': 'tekst', 'readme.md': 'x' });
    await expectRefiError(openQdpx(file), 'NO_PROJECT', /no-project\.qdpx/);
  });

  it('XML that is not well-formed, with line and column', async () => {
    const xml = qde().replace('</Codes>', '</Codez>');
    const file = zipFile('bad-xml.qdpx', { 'project.qde': xml, [`sources/${SRC}.txt`]: TEXT });
    const error = await expectRefiError(openQdpx(file), 'NOT_WELL_FORMED', /project\.qde line 6/);
    expect(error.message).toMatch(/regel 6, kolom \d+/);
  });

  it('a DOCTYPE (billion laughs) and unknown entities are refused', async () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n' +
      `<Project xmlns="${NS}" name="&lol2;"/>`;
    await expectRefiError(() => parseProjectXml(laughs), 'NOT_WELL_FORMED', /line 2/);
    await expectRefiError(
      () => parseProjectXml(`<Project xmlns="${NS}" name="&nbsp;"/>`),
      'NOT_WELL_FORMED',
      /line 1/,
    );
    await expectRefiError(
      () =>
        parseProjectXml(
          `<Project xmlns="${NS}" name="a">\n<Description>\u0001</Description></Project>`,
        ),
      'NOT_WELL_FORMED',
      /line 2/,
    );
  });

  it('a wrong root element or namespace', async () => {
    await expectRefiError(
      () => parseProjectXml('<Project name="x"/>'),
      'SCHEMA',
      /project\.qde line 1, Project/,
    );
    await expectRefiError(
      () => parseProjectXml(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>`),
      'SCHEMA',
    );
  });

  it('missing required attributes and bad patterns name element and attribute', async () => {
    const noName = qde({ codes: `<Code guid="${CODE}" isCodable="true"/>` });
    const error = await expectRefiError(
      () => parseProjectXml(noName),
      'SCHEMA',
      /^project\.qde line 5, CodeBook\/Codes\/Code$/,
    );
    expect(error.message).toBe('Bij <Code> ontbreekt het verplichte attribuut name.');

    const noEnd = qde({ sources: sourceXml('startPosition="0"') });
    const e2 = await expectRefiError(
      () => parseProjectXml(noEnd),
      'SCHEMA',
      new RegExp(
        `^project\\.qde line 10, Sources/TextSource \\(name "Interview 2"\\)/PlainTextSelection\\[guid ${SEL}\\]$`,
      ),
    );
    expect(e2.message).toContain('endPosition');

    const badGuid = qde({ codes: `<Code guid="code-1" name="Blij" isCodable="true"/>` });
    const e3 = await expectRefiError(
      () => parseProjectXml(badGuid),
      'SCHEMA',
      /Code \(name "Blij"\)/,
    );
    expect(e3.message).toContain('guid="code-1"');

    const badColor = qde({
      codes: `<Code guid="${CODE}" name="Blij" isCodable="true" color="groen"/>`,
    });
    const e4 = await expectRefiError(
      () => parseProjectXml(badColor),
      'SCHEMA',
      /Code \(name "Blij"\)/,
    );
    expect(e4.message).toContain('color="groen"');

    const noCodeRef = qde({ sources: sourceXml().replace(/<CodeRef[^>]*\/>/, '') });
    await expectRefiError(() => parseProjectXml(noCodeRef), 'SCHEMA', /Coding\[guid /);

    const badStart = qde({ sources: sourceXml('startPosition="een" endPosition="4"') });
    await expectRefiError(() => parseProjectXml(badStart), 'SCHEMA', /PlainTextSelection/);
  });

  it('a source whose text entry is missing from the zip', async () => {
    const file = zipFile('missing-source.qdpx', { 'project.qde': qde() });
    const error = await expectRefiError(
      openQdpx(file),
      'MISSING_SOURCE',
      /TextSource \(name "Interview 2"\).*sources\//,
    );
    expect(error.message).toContain('Interview 2');
  });

  it('selection offsets beyond the text, and start after end', async () => {
    const length = codePointLength(TEXT); // 14 code points, 15 UTF-16 units
    const file = zipFile('offsets.qdpx', {
      'project.qde': qde({ sources: sourceXml(`startPosition="10" endPosition="${length + 1}"`) }),
      [`sources/${SRC}.txt`]: TEXT,
    });
    await withArchive(file, async (archive) => {
      const source = archive.project.sources[0]!;
      const text = await archive.readText(source);
      await expectRefiError(
        () => checkSelections(source, text),
        'OFFSET_OUT_OF_RANGE',
        new RegExp(
          `line 10, Sources/TextSource \\(name "Interview 2"\\)/PlainTextSelection\\[guid ${SEL}\\]`,
        ),
      );
    });
    // Exactly at the end is fine (end exclusive).
    const ok = parseProjectXml(
      qde({ sources: sourceXml(`startPosition="10" endPosition="${length}"`) }),
    );
    checkSelections(ok.sources[0]!, TEXT);
    expect(sliceCodePoints(TEXT, 10, length)).toBe('lij.');

    await expectRefiError(
      () => parseProjectXml(qde({ sources: sourceXml('startPosition="5" endPosition="4"') })),
      'OFFSET_OUT_OF_RANGE',
      /PlainTextSelection\[guid /,
    );
    await expectRefiError(
      () => parseProjectXml(qde({ sources: sourceXml('startPosition="-1" endPosition="4"') })),
      'OFFSET_OUT_OF_RANGE',
    );
  });

  it('a coding pointing at an unknown code, a NoteRef at an unknown note', async () => {
    const error = await expectRefiError(
      () => parseProjectXml(qde({ sources: sourceXml(undefined, g(4242)) })),
      'UNKNOWN_REFERENCE',
      /Coding\[guid .*\]\/CodeRef$/,
    );
    expect(error.message).toContain(g(4242));
    await expectRefiError(
      () =>
        parseProjectXml(
          qde({ sources: sourceXml(undefined, CODE, `<NoteRef targetGUID="${g(4343)}"/>`) }),
        ),
      'UNKNOWN_REFERENCE',
      /PlainTextSelection\[guid .*\]\/NoteRef$/,
    );
    // A NoteRef to something that is not a note.
    await expectRefiError(
      () =>
        parseProjectXml(
          qde({ sources: sourceXml(undefined, CODE, `<NoteRef targetGUID="${CODE}"/>`) }),
        ),
      'UNKNOWN_REFERENCE',
    );
  });

  it('duplicate GUIDs name both places', async () => {
    const dupCodes = qde({
      codes:
        `<Code guid="${CODE}" name="Blij" isCodable="true">\n` +
        `        <Code guid="${CODE.toUpperCase()}" name="Heel blij" isCodable="true"/>\n      </Code>`,
    });
    const error = await expectRefiError(
      () => parseProjectXml(dupCodes),
      'CODE_LOOP',
      /line 5, CodeBook\/Codes\/Code \(name "Blij"\) and project\.qde line 6, .*Code \(name "Heel blij"\)/,
    );
    expect(error.message).toContain('twee keer');

    const dupSelection = qde({
      sources: sourceXml().replace(
        `PlainTextSelection guid="${SEL}"`,
        `PlainTextSelection guid="${SRC}"`,
      ),
    });
    await expectRefiError(() => parseProjectXml(dupSelection), 'SCHEMA', /TextSource.* and /);

    const qdc =
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>` +
      `<Code guid="a" name="A" isCodable="true"/><Code guid="a" name="B" isCodable="true"/>` +
      `</Codes></CodeBook>`;
    await expectRefiError(
      () => parseCodebookXml(qdc, { lenientGuids: true }),
      'CODE_LOOP',
      /Code\[1\] \(name "A"\) and .*Code\[2\] \(name "B"\)/,
    );
  });

  it('entries larger than the limit are refused before they are unpacked', async () => {
    const file = zipFile('large.qdpx', {
      'project.qde': qde({ sources: sourceXml('startPosition="0" endPosition="4"') }),
      [`sources/${SRC}.txt`]: 'x'.repeat(5000),
    });
    await expectRefiError(
      openQdpx(file, { maxTextBytes: 1000 }),
      'TOO_LARGE',
      new RegExp(`large\\.qdpx: sources/${SRC}\\.txt`),
    );
    await expectRefiError(
      openQdpx(file, { maxProjectBytes: 100 }),
      'TOO_LARGE',
      /large\.qdpx: project\.qde/,
    );
  });

  it('a text that is not UTF-8', async () => {
    const file = zipFile('latin1.qdpx', {
      'project.qde': qde(),
      [`sources/${SRC}.txt`]: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]), // "café !" in Latin-1
    });
    await withArchive(file, async (archive) => {
      await expectRefiError(
        archive.readText(archive.project.sources[0]!),
        'BAD_ENCODING',
        new RegExp(`sources/${SRC}\\.txt`),
      );
    });
  });
});

describe('lenient reading', () => {
  it('folder case, bare paths, upper-case and braced GUIDs, inline text, external paths', async () => {
    const upper = SRC.toUpperCase();
    const xml =
      `<?xml version="1.0" encoding="utf-8"?>\n<qda:Project xmlns:qda="${NS}" name="Lenient">\n` +
      `<qda:CodeBook><qda:Codes><qda:Code guid="{${CODE.toUpperCase()}}" name="Blij" isCodable="1" color="#0A0"/></qda:Codes></qda:CodeBook>\n` +
      `<qda:Sources>\n` +
      `<qda:TextSource guid="${upper}" name="${g(7).toUpperCase()}" plainTextPath="internal://${upper}.TXT">` +
      `<qda:PlainTextSelection guid="${SEL.toUpperCase()}" startPosition=" 7 " endPosition="9">` +
      `<qda:Coding guid="${CODING}"><qda:CodeRef targetGUID="${CODE.toUpperCase()}"/></qda:Coding>` +
      `</qda:PlainTextSelection></qda:TextSource>\n` +
      `<qda:TextSource guid="${g(8)}" name="bare" plainTextPath="bare.txt"/>\n` +
      `<qda:TextSource guid="${g(9)}" name="inline"><qda:PlainTextContent>Tekst &amp; meer\n  met spaties <![CDATA[<en> &amp; CDATA]]></qda:PlainTextContent></qda:TextSource>\n` +
      `<qda:TextSource guid="${g(10)}" name="extern" plainTextPath="relative:///interviews/x.txt"/>\n` +
      `<qda:AudioSource guid="${g(11)}" name="audio" path="absolute:///C:/a.m4a"/>\n` +
      `</qda:Sources>\n` +
      `<qda:Notes><qda:Note guid="${g(12)}" name="memo" plainTextPath="internal://memo.txt"/></qda:Notes>\n` +
      `</qda:Project>\n`;
    const file = zipFile('lenient.qdpx', {
      'Project.QDE': xml,
      [`Sources/${upper}.txt`]: TEXT,
      'sources/bare.txt': 'kaal',
      'sources/memo.txt': 'Memo uit een bestand\r\n',
    });
    await withArchive(file, async (archive) => {
      const { project } = archive;
      expect(project.codes[0]).toMatchObject({ guid: CODE, color: '#00AA00', isCodable: true });
      expect(project.notes[0]).toMatchObject({ name: 'memo', text: 'Memo uit een bestand\r\n' });
      const [main, bare, inline, external] = project.sources;
      expect(main).toMatchObject({
        guid: SRC,
        name: g(7).toUpperCase(),
        textEntry: `Sources/${upper}.txt`,
      });
      expect(main!.selections[0]).toMatchObject({ guid: SEL, start: 7, end: 9 });
      expect(main!.selections[0]!.codings[0]!.codeGuid).toBe(CODE);
      const text = await archive.readText(main!);
      checkSelections(main!, text);
      expect(sliceCodePoints(text, 7, 9)).toBe('😀 ');
      expect(await archive.readText(bare!)).toBe('kaal');
      expect(bare!.textEntry).toBe('sources/bare.txt');
      expect(await archive.readText(inline!)).toBe('Tekst & meer\n  met spaties <en> &amp; CDATA');
      expect(inline!.textEntry).toBeNull();
      await expectRefiError(
        archive.readText(external!),
        'MISSING_SOURCE',
        /TextSource\[4\] \(name "extern"\)/,
      );
      expect(archive.warnings.map((w) => w.message).join('\n')).toMatch(
        /relative:\/\/\/interviews\/x\.txt/,
      );
      expect(archive.warnings.map((w) => w.message).join('\n')).toMatch(/AudioSource/);
    });
  });
});

// =============================================================================================
// Real exports

describe('real exports', () => {
  const sample = (context: TestContext, name: string) =>
    requireFile(context, path.join(samplesDir, name), `the ${name} import was not tested.`);

  it('qc_demo_interviews.qdpx: 262 codes, 158 selections, 205 codings, all inside their text', async (context) => {
    const file = sample(context, 'qc_demo_interviews.qdpx');
    await withArchive(file, async ({ project, readText, warnings }) => {
      expect(project.origin).toBe('qc 1.3.2');
      expect(countCodes(project.codes)).toBe(262);
      const selections = project.sources.flatMap((s) => s.selections);
      expect(selections).toHaveLength(158);
      expect(selections.reduce((n, s) => n + s.codings.length, 0)).toBe(205);
      expect(warnings).toEqual([]);
      // qc writes bare plainTextPath="board_2017.txt" in a lower-case sources/ folder.
      expect(project.sources.map((s) => s.textEntry).sort()).toEqual([
        'sources/admin-1.txt',
        'sources/board_2017.txt',
      ]);
      for (const source of project.sources) {
        const text = await readText(source);
        checkSelections(source, text);
        // The end-exclusive evidence: each "line:N" selection is exactly line N with its "\n".
        const lines = text.split('\n');
        for (const selection of source.selections) {
          const n = Number(/^line:(\d+)$/.exec(selection.name ?? '')?.[1]);
          expect(sliceCodePoints(text, selection.start, selection.end)).toBe(`${lines[n]}\n`);
        }
      }
    });
  });

  it('qc_demo_interviews.qdpx survives our export: the re-written project validates', async (context) => {
    const file = sample(context, 'qc_demo_interviews.qdpx');
    const xsd = requireFile(context, path.join(schemaDir, 'Project-mrt2019.xsd'), 'not validated.');
    await withArchive(file, async (archive) => {
      const out = await writeToFile(archive.project, (s) => archive.readText(s), 'qc-again.qdpx');
      const xml = new TextDecoder().decode(unzipSync(fs.readFileSync(out.file))['project.qde']);
      expect((await validate(xml, xsd)).errors).toEqual([]);
      await withArchive(out.file, async (again) => {
        const normalised = structuredClone(archive.project);
        for (const s of normalised.sources) s.textEntry = `sources/${s.guid}.txt`;
        expect(again.project).toStrictEqual(normalised);
      });
    });
  });

  it('nvivo_project.qdpx opens: GUID-like names, a 1-byte plain text beside a .docx', async (context) => {
    const file = sample(context, 'nvivo_project.qdpx');
    await withArchive(file, async ({ project, readText, warnings }) => {
      expect(project.origin).toBe('NVivo for Mac 15.0.0');
      expect(warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/is leeg \(1 byte\).*\.docx/),
        expect.stringMatching(/is leeg \(1 byte\).*\.docx/),
      ]);
      expect(countCodes(project.codes)).toBe(262);
      expect(project.users).toHaveLength(2);
      expect(project.sources).toHaveLength(2);
      for (const source of project.sources) {
        expect(source.name).toMatch(/^[0-9a-f]{8}-/); // NVivo gives the source a GUID-like name
        expect(source.selections).toEqual([]);
        // The plain text is one newline: the content is only in the .docx (richTextPath), which
        // we do not read. The text is what it is.
        expect(await readText(source)).toBe('\n');
      }
    });
  });

  it('target-atlas-project.qdpx and blank-atlas-project.qdpx open (upper-case GUIDs)', async (context) => {
    const target = sample(context, 'target-atlas-project.qdpx');
    const blank = sample(context, 'blank-atlas-project.qdpx');
    await withArchive(target, async ({ project }) => {
      expect(project.origin).toBe('ATLAS.ti for Windows 23.2.3.27778');
      expect(project.creatingUser).toBe('088b08ac-d5cd-4adb-8b71-b4f3459c177f');
      expect(project.users.map((u) => u.name)).toEqual(['Enric Llagostera', 'ATLAS.ti']);
      expect(project.codes).toHaveLength(1);
      expect(project.codes[0]!.guid).toBe('a182cd3a-d83c-4d8c-bc80-26d9103ec6d6');
      expect(project.codes[0]!.children.map((c) => c.name)).toEqual([
        '2022-05-10T02:05:59Z 19e4dce',
        '2022-02-11T10:39:25Z cdbfd92',
      ]);
    });
    await withArchive(blank, async ({ project }) => {
      expect(project.users).toHaveLength(2);
      expect(project.codes).toEqual([]);
      expect(project.sources).toEqual([]);
    });
  });

  it('example_codebook.qdc: refused by default (non-GUID ids), accepted leniently', async (context) => {
    const xml = fs.readFileSync(sample(context, 'example_codebook.qdc'), 'utf8');
    const error = await expectRefiError(
      () => parseCodebookXml(xml),
      'SCHEMA',
      /^codebook\.qdc line 5, Codes\/Code\[1\] \(name "Negativ\/Aufgeregt"\)$/,
    );
    expect(error.message).toContain('guid="c001"');
    const codes = parseCodebookXml(xml, { lenientGuids: true });
    expect(codes).toHaveLength(4);
    expect(countCodes(codes) - codes.length).toBe(40);
    expect(codes[0]).toMatchObject({ guid: 'c001', name: 'Negativ/Aufgeregt', color: '#e57373' });
    expect(codes[0]!.children[0]).toMatchObject({ guid: 'c21', name: 'Rage' });
    // Text is kept exactly, whitespace included.
    expect(codes[0]!.description).toBe(
      '\n                All emotions with negative valence and positive arousal.\n            ',
    );
  });

  it('example_codebook_defect.qdc: not well-formed at line 132', async (context) => {
    const xml = fs.readFileSync(sample(context, 'example_codebook_defect.qdc'), 'utf8');
    const error = await expectRefiError(
      () => parseCodebookXml(xml, { lenientGuids: true }),
      'NOT_WELL_FORMED',
      /^codebook\.qdc line 132, column \d+$/,
    );
    expect(error.message).toContain('regel 132');
  });
});

// =============================================================================================

describe('many sources', () => {
  it('writes 500 sources of ~30 kB and reads them back one by one', async () => {
    const sentence = (i: number) =>
      `Regel ${i}: de jongere vertelt over school, thuis en vrienden — één 😀 ĳs.\n`;
    const textFor = (n: number) => {
      let text = `Transcript ${n}\n`;
      for (let i = 0; text.length < 30_000; i++) text += sentence(i + n);
      return text;
    };
    const codeGuid = g(5000);
    const project: RefiProject = {
      name: 'Groot project',
      origin: 'Ketenlens test',
      creatingUser: null,
      creationDateTime: null,
      users: [],
      codes: [
        {
          guid: codeGuid,
          name: 'Thuis',
          color: null,
          description: null,
          isCodable: true,
          children: [],
          noteGuids: [],
        },
      ],
      variables: [],
      cases: [],
      notes: [],
      sources: Array.from({ length: 500 }, (_, n) => {
        const text = textFor(n);
        const where = range(text, 'thuis');
        return {
          guid: g(10_000 + n),
          name: `Interview ${n + 1}`,
          description: null,
          creatingUser: null,
          creationDateTime: null,
          noteGuids: [],
          textEntry: `sources/${g(10_000 + n)}.txt`,
          selections: [
            {
              guid: g(20_000 + n),
              name: null,
              ...where,
              creatingUser: null,
              creationDateTime: null,
              noteGuids: [],
              codings: [
                { guid: g(30_000 + n), codeGuid, creatingUser: null, creationDateTime: null },
              ],
            },
          ],
        };
      }),
    };
    let inFlight = 0;
    let maxInFlight = 0;
    const { file } = await writeToFile(
      project,
      async (source) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return textFor(Number(source.name.slice('Interview '.length)) - 1);
      },
      'many.qdpx',
    );
    expect(maxInFlight).toBe(1); // one text at a time

    await withArchive(file, async (archive) => {
      expect(archive.project.sources).toHaveLength(500);
      let n = 0;
      for (const source of archive.project.sources) {
        const text = await archive.readText(source);
        expect(text.length).toBeGreaterThanOrEqual(30_000);
        expect(text.startsWith(`Transcript ${n}\n`)).toBe(true);
        checkSelections(source, text);
        const selection = source.selections[0]!;
        expect(sliceCodePoints(text, selection.start, selection.end)).toBe('thuis');
        n++;
      }
    });
  });
});
