// RefiError: the one error type of the REFI-QDA reader and writer, plus the lexical rules of the
// schema (GUID, colour, xsd:dateTime, …) that both sides check.
//
// Every error carries a machine code (for the importer and the HTTP layer), a Dutch message for
// the person who uploaded the file (human messages in this product are Dutch), and `where`: the
// place in the file, e.g. 'project.qde line 12, Sources/TextSource[3] (name "Interview 2")/
// PlainTextSelection[guid …]' or a zip entry name, so a researcher can find and fix the export.

export type RefiErrorCode =
  | 'NOT_A_ZIP'
  | 'NO_PROJECT'
  | 'NOT_WELL_FORMED'
  | 'SCHEMA'
  | 'MISSING_SOURCE'
  | 'OFFSET_OUT_OF_RANGE'
  | 'CODE_LOOP'
  | 'UNKNOWN_REFERENCE'
  | 'BAD_ENCODING'
  | 'TOO_LARGE';

export class RefiError extends Error {
  override name = 'RefiError';
  constructor(
    readonly code: RefiErrorCode,
    message: string,
    readonly where: string,
  ) {
    super(message);
  }
}

/** The GUIDType pattern of both schemas: bare or braced, either case. */
export const GUID_PATTERN =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** RGBType: '#RRGGBB' or '#RGB'. */
export const COLOR_PATTERN = /^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

/** xsd:dateTime (lexical space; the time zone is optional). */
export const DATE_TIME_PATTERN =
  /^-?\d{4,}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$|^-?\d{4,}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T24:00:00(?:\.0+)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;

/** xsd:date. */
export const DATE_PATTERN =
  /^-?\d{4,}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/;

/** xsd:integer. */
export const INTEGER_PATTERN = /^[+-]?\d+$/;

/** xsd:decimal (no exponent, no NaN/INF). */
export const DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;

/**
 * Characters that XML 1.0 does not allow at all (§2.2 Char): C0 controls other than tab, LF and
 * CR, lone surrogates, U+FFFE and U+FFFF. Not even a character reference can carry them.
 */
const INVALID_XML_CHAR_SOURCE = '[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]';

/** Index (UTF-16) of the first character XML 1.0 forbids, or -1. */
export function firstInvalidXmlChar(text: string): number {
  return text.search(new RegExp(INVALID_XML_CHAR_SOURCE, 'u'));
}

/** `text` without the characters XML 1.0 forbids. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(new RegExp(INVALID_XML_CHAR_SOURCE, 'gu'), '');
}

/** Whether a code point may appear in an XML 1.0 document (for character references). */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Lower case, braces removed: the form the model keeps GUIDs in. */
export function canonicalGuid(guid: string): string {
  const bare = guid.startsWith('{') && guid.endsWith('}') ? guid.slice(1, -1) : guid;
  return bare.toLowerCase();
}

/** A short, quoted form of a name for a `where` string. */
export function quoteName(name: string): string {
  const flat = name.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}...` : flat);
}
