// Tests for reading transcript files: real .docx files built with the docx package, real .odt
// files zipped with fflate, plain text in UTF-8 and UTF-16, files whose content is not what a
// name would say, archives of the wrong kind, zip bombs, bad encodings and empty files.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { extractTranscript, TranscriptError, type TranscriptErrorCode } from './extract';

const family = '👨\u200d👩\u200d👧';

async function expectError(
  promise: Promise<unknown>,
  code: TranscriptErrorCode,
  message?: RegExp | string,
): Promise<TranscriptError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a TranscriptError ${code}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranscriptError);
  const transcriptError = error as TranscriptError;
  expect(transcriptError.code).toBe(code);
  if (typeof message === 'string') expect(transcriptError.message).toBe(message);
  else if (message) expect(transcriptError.message).toMatch(message);
  return transcriptError;
}

// ---------------------------------------------------------------------------------------------
// Builders

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Dit is een voetnoot.')] } },
    numbering: {
      config: [
        {
          reference: 'genummerd',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Interview met Zoë', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Eerste gesprek', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('I: Hoe gaat het met je op school? '),
              new TextRun({ text: 'Écht goed', bold: true }),
              new TextRun(' 😀 & <niet> "gelukkig"'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('R: Nou, de ĳsbaan was leuk.'),
              new TextRun({ text: 'Tweede regel na Shift+Enter.', break: 1 }),
              new TextRun('\tna een tab, met twee  spaties'),
            ],
          }),
          new Paragraph(''),
          new Paragraph({ text: 'eerste punt', numbering: { reference: 'genummerd', level: 0 } }),
          new Paragraph({ text: 'tweede punt', numbering: { reference: 'genummerd', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Wie')] }),
                  new TableCell({ children: [new Paragraph('Wat')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Moeder')] }),
                  new TableCell({
                    children: [new Paragraph('Belde de school.'), new Paragraph('Twee keer.')],
                  }),
                ],
              }),
            ],
          }),
          new Paragraph(`R: Met het hele gezin ${family} naar 🇳🇱 Zandvoort.`),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function buildDocxWithComment(): Promise<Uint8Array> {
  const doc = new Document({
    comments: {
      children: [
        { id: 0, author: 'Coder', date: new Date(0), children: [new Paragraph('Let op')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('I: Vertel eens.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const odtNamespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
].join(' ');

function odtContent(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<office:document-content ${odtNamespaces} office:version="1.3">` +
    '<office:automatic-styles><style:style style:name="T1" style:family="text">' +
    '<style:text-properties fo:font-weight="bold" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"/>' +
    '</style:style><number:text xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0">NIET</number:text></office:automatic-styles>' +
    `<office:body><office:text>${body}</office:text></office:body></office:document-content>`
  );
}

// Written the way LibreOffice writes it: no indentation inside paragraphs, spaces as text:s.
const odtBody = [
  '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/></text:sequence-decls>',
  '<text:h text:style-name="Heading_20_1" text:outline-level="1">Interview met Daan</text:h>',
  '<text:p text:style-name="Standard">I: Hoe was het bij <text:span text:style-name="T1">de jeugdhulp</text:span>?<text:s text:c="3"/>Vertel.</text:p>',
  '<text:p>R: Eerst<text:tab/>niet zo.<text:line-break/>Later wel, met <text:a xlink:type="simple" xlink:href="https://example.org">mijn mentor</text:a>.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Mentor op het vmbo.</text:p></text:note-body></text:note></text:p>',
  '<text:p/>',
  '<text:list text:style-name="L1"><text:list-item><text:p>punt één</text:p></text:list-item><text:list-item><text:p>punt twee</text:p><text:list><text:list-item><text:p>sub-punt</text:p></text:list-item></text:list></text:list-item></text:list>',
  '<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="2"/>',
  '<table:table-row><table:table-cell office:value-type="string"><text:p>Wie</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Wat</text:p></table:table-cell></table:table-row>',
  '<table:table-row><table:table-cell><text:p>Vader</text:p></table:table-cell><table:table-cell><text:p>Kwam</text:p><text:p>later.</text:p></table:table-cell></table:table-row>',
  '</table:table>',
  `<text:p>Ĳssel &amp; Zoë: café ${family} 🇳🇱 &#x1F600; &lt;ok&gt;</text:p>`,
  '<text:p>  Witruimte   in de\n bron  telt als één spatie.</text:p>',
].join('\n');

function buildOdt(
  content: string,
  mimetype = 'application/vnd.oasis.opendocument.text',
): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
        `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/>` +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
        '</manifest:manifest>',
    ),
  };
  return zipSync(files);
}

/** Overwrite an entry's declared uncompressed size in the central directory and local header. */
function fakeDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  let eocd = copy.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = new TextDecoder().decode(copy.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------

describe('extractTranscript: .docx', () => {
  it('reads a real Word document: headings, paragraphs, a line break, a list and a table', async () => {
    const result = await extractTranscript(await buildDocx());
    expect(result.format).toBe('docx');
    expect(result.text).toBe(
      [
        'Interview met Zoë',
        'Eerste gesprek',
        'I: Hoe gaat het met je op school? Écht goed 😀 & <niet> "gelukkig"',
        'R: Nou, de ĳsbaan was leuk.',
        // The break is on the run 'Tweede regel…'; the tab run after it is on the same line.
        'Tweede regel na Shift+Enter.\tna een tab, met twee  spaties',
        '',
        'eerste punt',
        'tweede punt',
        'Wie\tWat',
        'Moeder\tBelde de school. Twee keer.',
        `R: Met het hele gezin ${family} naar 🇳🇱 Zandvoort.`,
      ].join('\n'),
    );
    expect(result.warnings).toEqual([
      'Het document bevat 1 voet- of eindnoot; die is niet in de tekst overgenomen.',
    ]);
  });

  it('leaves comments out and says so', async () => {
    const result = await extractTranscript(await buildDocxWithComment());
    expect(result.text).toBe('I: Vertel eens.');
    expect(result.warnings).toEqual([
      'Het document bevat 1 opmerking; die is niet in de tekst overgenomen.',
    ]);
  });

  it('refuses a .docx that is cut off', async () => {
    const docx = await buildDocx();
    await expectError(extractTranscript(docx.subarray(0, docx.length >> 1)), 'CORRUPT');
  });
});

describe('extractTranscript: .odt', () => {
  it('reads spaces, tabs, line breaks, spans, links, lists and tables, and drops notes', async () => {
    const result = await extractTranscript(buildOdt(odtContent(odtBody)));
    expect(result.format).toBe('odt');
    expect(result.text).toBe(
      [
        'Interview met Daan',
        'I: Hoe was het bij de jeugdhulp?   Vertel.',
        'R: Eerst\tniet zo.',
        'Later wel, met mijn mentor.',
        '',
        'punt één',
        'punt twee',
        'sub-punt',
        'Wie\tWat',
        'Vader\tKwam later.',
        `Ĳssel & Zoë: café ${family} 🇳🇱 😀 <ok>`,
        'Witruimte in de bron telt als één spatie.',
      ].join('\n'),
    );
    expect(result.warnings).toEqual([
      'Het document bevat 1 voet- of eindnoot; die is niet in de tekst overgenomen.',
    ]);
  });

  it('leaves out comments and deleted text of tracked changes, with warnings', async () => {
    const body =
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>weggehaald</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<text:p><office:annotation><dc:creator>Coder</dc:creator><text:p>Opmerking</text:p></office:annotation>Het <text:change text:change-id="ct1"/>blijft.</text:p>';
    const result = await extractTranscript(buildOdt(odtContent(body)));
    expect(result.text).toBe('Het blijft.');
    expect(result.warnings).toEqual([
      'Het document bevat 1 opmerking; die is niet in de tekst overgenomen.',
      'Het document bevat bijgehouden wijzigingen; de tekst is gelezen zoals die nu is, zonder de verwijderde tekst.',
    ]);
  });

  it('gives a text frame inside a paragraph lines of its own', async () => {
    const body =
      '<text:p>Voor<draw:frame draw:name="Kader1"><svg:title>alt-tekst</svg:title><draw:text-box><text:p>In het kader</text:p></draw:text-box></draw:frame>na</text:p>';
    expect((await extractTranscript(buildOdt(odtContent(body)))).text).toBe(
      'Voor\nIn het kader\nna',
    );
  });

  it('caps text:s counts', async () => {
    const body = '<text:p>a<text:s text:c="999999999"/>b</text:p>';
    const { text } = await extractTranscript(buildOdt(odtContent(body)));
    expect(text).toBe(`a${' '.repeat(1000)}b`);
  });

  it('refuses a DOCTYPE (no entity expansion)', async () => {
    const content =
      '<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
      odtContent('<text:p>&b;</text:p>').replace(/^<\?xml[^>]*>\n/, '');
    await expectError(extractTranscript(buildOdt(content)), 'CORRUPT', /DOCTYPE/);
  });

  it('refuses content.xml that is not well-formed', async () => {
    await expectError(
      extractTranscript(buildOdt(odtContent('<text:p>open <text:span>niet dicht</text:p>'))),
      'CORRUPT',
    );
  });

  it('refuses an OpenDocument spreadsheet and presentation, naming them', async () => {
    await expectError(
      extractTranscript(buildOdt(odtContent(''), 'application/vnd.oasis.opendocument.spreadsheet')),
      'UNSUPPORTED_TYPE',
      'Dit is een rekenblad (OpenDocument, .ods); upload de tekst als .txt, .docx of .odt.',
    );
    await expectError(
      extractTranscript(
        buildOdt(odtContent(''), 'application/vnd.oasis.opendocument.presentation'),
      ),
      'UNSUPPORTED_TYPE',
      /presentatie/,
    );
  });

  it('refuses a document with only empty paragraphs', async () => {
    await expectError(
      extractTranscript(buildOdt(odtContent('<text:p/><text:p> </text:p>'))),
      'EMPTY',
    );
  });
});

describe('extractTranscript: other zip archives', () => {
  it('refuses an Excel-like zip', async () => {
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8('<Relationships/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    await expectError(
      extractTranscript(xlsx),
      'UNSUPPORTED_TYPE',
      'Dit is een Excel-bestand; upload de tekst als .txt, .docx of .odt.',
    );
  });

  it('refuses a zip of something else', async () => {
    await expectError(
      extractTranscript(zipSync({ 'notes.txt': strToU8('hallo') })),
      'UNSUPPORTED_TYPE',
      /ZIP-archief/,
    );
  });

  it('refuses bytes that start like a zip but are not one', async () => {
    await expectError(
      extractTranscript(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])),
      'CORRUPT',
    );
  });

  describe('zip bombs', () => {
    // 60 MB of zeros deflate to about 60 KB; built once (level 1 keeps it under a second).
    let bomb: Uint8Array;
    beforeAll(() => {
      bomb = zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        'word/document.xml': [new Uint8Array(60 * 1024 * 1024), { level: 1 }],
      });
    });

    it('refuses an archive whose declared sizes exceed 50 MB, before inflating', async () => {
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const started = performance.now();
      await expectError(extractTranscript(bomb), 'TOO_LARGE', /50 MB/);
      expect(performance.now() - started).toBeLessThan(150);
    });

    it('stops inflating at the declared size when the archive lies about it', async () => {
      const liar = fakeDeclaredSize(bomb, 'word/document.xml', 1000);
      const started = performance.now();
      await expectError(extractTranscript(liar), 'CORRUPT');
      // Inflating all 60 MB takes several hundred milliseconds; stopping at 1000 bytes does not.
      expect(performance.now() - started).toBeLessThan(150);
    });

    it('refuses an OpenDocument whose content.xml lies about its size', async () => {
      const odt = buildOdt(odtContent(`<text:p>${'x'.repeat(100_000)}</text:p>`));
      await expectError(extractTranscript(fakeDeclaredSize(odt, 'content.xml', 500)), 'CORRUPT');
    });
  });
});

describe('extractTranscript: plain text', () => {
  it('reads UTF-8 with a BOM and CRLF line ends, normalised', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('I: Hoe gaat het?\r\nR: Goed, cafe\u0301 😀\r\n\r\n'),
    ]);
    const result = await extractTranscript(bytes);
    expect(result).toEqual({
      text: 'I: Hoe gaat het?\nR: Goed, café 😀',
      format: 'txt',
      warnings: [],
    });
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const text = 'I: Zoë\r\nR: ĳs 😀 🇳🇱';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      le[2 + 2 * i] = unit & 0xff;
      le[3 + 2 * i] = unit >> 8;
      be[2 + 2 * i] = unit >> 8;
      be[3 + 2 * i] = unit & 0xff;
    }
    for (const bytes of [le, be]) {
      const result = await extractTranscript(bytes);
      expect(result.format).toBe('txt');
      expect(result.text).toBe('I: Zoë\nR: ĳs 😀 🇳🇱');
    }
  });

  it('refuses UTF-16 without a BOM (NUL bytes) as binary', async () => {
    const bytes = new Uint8Array([0x48, 0, 0x61, 0, 0x6c, 0, 0x6c, 0, 0x6f, 0]);
    await expectError(extractTranscript(bytes), 'UNSUPPORTED_TYPE', /binaire gegevens/);
  });

  it('refuses text that is not UTF-8 (Windows-1252 é)', async () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]);
    await expectError(extractTranscript(bytes), 'BAD_ENCODING', /UTF-8/);
  });

  it('refuses a UTF-16 file with half a character at the end', async () => {
    await expectError(
      extractTranscript(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])),
      'BAD_ENCODING',
    );
  });

  it('reads the QualCoder sample transcript', async (context) => {
    const path = '/work/shared/standards/refi-qda/qualcoder-examples/transcript.txt';
    if (!fs.existsSync(path)) {
      console.warn(`[skip] ${path} is not there`);
      context.skip();
      return;
    }
    const bytes = new Uint8Array(fs.readFileSync(path));
    const result = await extractTranscript(bytes);
    expect(result.format).toBe('txt');
    expect(result.text.length).toBeGreaterThan(100);
    expect(result.text).toBe(new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n').trimEnd());
  });
});

describe('extractTranscript: the type comes from the content, not the name', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

  it('refuses a "transcript.docx" that is a PDF, naming it', async () => {
    await expectError(
      extractTranscript(pdf),
      'UNSUPPORTED_TYPE',
      'Dit is een PDF-bestand; upload de tekst als .txt, .docx of .odt.',
    );
  });

  it('refuses images, old .doc files, RTF and recordings, naming them', async () => {
    await expectError(extractTranscript(png), 'UNSUPPORTED_TYPE', /afbeelding \(PNG\)/);
    await expectError(
      extractTranscript(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
      'UNSUPPORTED_TYPE',
      /JPEG/,
    );
    await expectError(extractTranscript(strToU8('GIF89a....')), 'UNSUPPORTED_TYPE', /GIF/);
    await expectError(
      extractTranscript(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      'UNSUPPORTED_TYPE',
      /oud Word-bestand \(\.doc\)/,
    );
    await expectError(
      extractTranscript(strToU8('{\\rtf1\\ansi Hallo}')),
      'UNSUPPORTED_TYPE',
      /RTF/,
    );
    await expectError(
      extractTranscript(new Uint8Array([0, 0, 0, 0x20, ...strToU8('ftypM4A '), 0, 0])),
      'UNSUPPORTED_TYPE',
      /opname/,
    );
  });

  it('reads a "transcript.docx" that is plain text as text', async () => {
    const result = await extractTranscript(strToU8('I: Dit is gewoon tekst.\n'));
    expect(result).toEqual({ text: 'I: Dit is gewoon tekst.', format: 'txt', warnings: [] });
  });

  it('refuses XML and HTML saved as text', async () => {
    await expectError(
      extractTranscript(strToU8('<?xml version="1.0"?>\n<office:document>')),
      'UNSUPPORTED_TYPE',
      /plat OpenDocument/,
    );
    await expectError(
      extractTranscript(strToU8('<!DOCTYPE html><html><body>Hoi</body></html>')),
      'UNSUPPORTED_TYPE',
      /HTML/,
    );
  });
});

describe('extractTranscript: size and emptiness', () => {
  it('refuses more than maxBytes', async () => {
    await expectError(
      extractTranscript(strToU8('x'.repeat(2000)), { maxBytes: 1024 * 1024 * 0.001 }),
      'TOO_LARGE',
    );
    await expectError(
      extractTranscript(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)),
      'TOO_LARGE',
      /groter dan 10 MB/,
    );
  });

  it('accepts exactly maxBytes', async () => {
    const result = await extractTranscript(strToU8('abcd'), { maxBytes: 4 });
    expect(result.text).toBe('abcd');
  });

  it('refuses an empty file, a BOM only and whitespace only', async () => {
    await expectError(extractTranscript(new Uint8Array(0)), 'EMPTY', 'Het bestand is leeg.');
    await expectError(extractTranscript(new Uint8Array([0xef, 0xbb, 0xbf])), 'EMPTY');
    await expectError(
      extractTranscript(strToU8('  \r\n\t \n')),
      'EMPTY',
      'Het bestand bevat geen tekst.',
    );
  });
});
