// Text offsets in code points. Coded segments of a transcript are stored as [start, end) in
// Unicode CODE POINTS, the unit REFI-QDA (the QDA exchange standard) uses, so exported projects
// open with the same selections in other tools. JavaScript strings, the DOM Selection API and
// textarea selectionStart/End count UTF-16 code units instead: every character outside the Basic
// Multilingual Plane (emoji such as 😀, the regional indicators of a flag 🇳🇱) is two units but one
// code point. These helpers convert between the two; they are pure and use no Node or DOM APIs,
// so the server and the web app share them.
//
// Conventions for every function here:
// - Offsets must be integers (a non-integer or NaN is a programming error: RangeError). Offsets
//   outside the text are clamped to [0, length], as String.prototype.slice does.
// - A UTF-16 index that falls between the two halves of a surrogate pair rounds DOWN to the
//   start of the pair (the character is never split).
// - A lone (unpaired) surrogate counts as one code point, as `for…of` and Array.from do.
// - Grapheme clusters are NOT a unit here: the family 👨‍👩‍👧 is five code points (three people
//   and two zero-width joiners) and é written as e + U+0301 is two. Keeping clusters whole
//   is the job of the selection UI; stored text is NFC (see normaliseTranscript), which makes
//   the common accented letters single code points.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Whether a surrogate pair starts at UTF-16 index i. */
function pairStartsAt(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
}

function checkOffset(value: number, name: string): void {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} must be an integer, got ${String(value)}`);
  }
}

function clamp(value: number, max: number): number {
  return value < 0 ? 0 : value > max ? max : value;
}

/** The number of Unicode code points in the text (what REFI-QDA calls its length). */
export function codePointLength(text: string): number {
  let pairs = 0;
  const last = text.length - 1;
  for (let i = 0; i < last; i++) {
    if (pairStartsAt(text, i)) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

/**
 * The UTF-16 index at which code point number `cp` starts. `cp` equal to the code-point length
 * gives the UTF-16 length; larger values are clamped to it. O(cp): for many offsets into one
 * long text use createOffsetIndex.
 */
export function codePointToUtf16(text: string, cp: number): number {
  checkOffset(cp, 'cp');
  if (cp <= 0) return 0;
  const length = text.length;
  let u = 0;
  let seen = 0;
  while (seen < cp && u < length) {
    u += pairStartsAt(text, u) ? 2 : 1;
    seen++;
  }
  return u;
}

/**
 * The code-point index of UTF-16 index `u`. An index inside a surrogate pair rounds to the
 * pair's start. Clamped to [0, codePointLength(text)]. O(u).
 */
export function utf16ToCodePoint(text: string, u: number): number {
  checkOffset(u, 'u');
  const target = clamp(u, text.length);
  let i = 0;
  let cp = 0;
  while (i < target) {
    if (pairStartsAt(text, i)) {
      if (i + 1 === target) return cp; // inside the pair: round down to its start
      i += 2;
    } else {
      i += 1;
    }
    cp++;
  }
  return cp;
}

/** The text between code points [start, end), clamped like String.prototype.slice. */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  checkOffset(start, 'start');
  checkOffset(end, 'end');
  if (end <= start) return '';
  const from = codePointToUtf16(text, start);
  // Continue from `from` rather than scanning the text twice.
  let to = from;
  let seen = start < 0 ? 0 : start;
  const length = text.length;
  while (seen < end && to < length) {
    to += pairStartsAt(text, to) ? 2 : 1;
    seen++;
  }
  return text.slice(from, to);
}

/** Conversions for one text, after an O(n) build. See createOffsetIndex. */
export type OffsetIndex = {
  /** The length of the text in code points. */
  readonly codePointLength: number;
  /** The length of the text in UTF-16 code units (text.length). */
  readonly utf16Length: number;
  codePointToUtf16(cp: number): number;
  utf16ToCodePoint(u: number): number;
  sliceByCodePoints(start: number, end: number): string;
};

/** The first index in the ascending array whose value is >= target (array length if none). */
function lowerBound(sorted: Uint32Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An index for converting many offsets of one (long) text: O(n) to build, then O(log k) per
 * conversion where k is the number of surrogate pairs in the text, and O(1) when it has none
 * (the usual case for Dutch prose). It records where each surrogate pair starts, in code points
 * and in UTF-16 units; every pair before an offset shifts the UTF-16 index by one.
 */
export function createOffsetIndex(text: string): OffsetIndex {
  const utf16Length = text.length;
  const starts: number[] = [];
  for (let i = 0; i < utf16Length - 1; i++) {
    if (pairStartsAt(text, i)) {
      starts.push(i);
      i++;
    }
  }
  // pairU16[k]: UTF-16 index of the k-th pair; pairCp[k]: its code-point index (= pairU16[k] - k).
  const pairU16 = Uint32Array.from(starts);
  const pairCp = Uint32Array.from(starts, (u, k) => u - k);
  const cpLength = utf16Length - pairU16.length;

  const toUtf16 = (cp: number): number => {
    checkOffset(cp, 'cp');
    const c = clamp(cp, cpLength);
    // Each pair starting before code point c adds one unit.
    return pairCp.length === 0 ? c : c + lowerBound(pairCp, c);
  };

  const toCodePoint = (u: number): number => {
    checkOffset(u, 'u');
    const v = clamp(u, utf16Length);
    // v minus the pairs that start before v. For v inside a pair (start + 1) this counts that
    // pair too, which lands exactly on the pair's start: the rounding down we want.
    return pairU16.length === 0 ? v : v - lowerBound(pairU16, v);
  };

  return {
    codePointLength: cpLength,
    utf16Length,
    codePointToUtf16: toUtf16,
    utf16ToCodePoint: toCodePoint,
    sliceByCodePoints(start: number, end: number): string {
      checkOffset(start, 'start');
      checkOffset(end, 'end');
      if (end <= start) return '';
      return text.slice(toUtf16(start), toUtf16(end));
    },
  };
}

// C0 control characters except tab (U+0009) and line feed (U+000A); CR is handled before.
// eslint-disable-next-line no-control-regex
const unwantedControls = /[\u0000-\u0008\u000b-\u001f]/g;

/**
 * What an uploaded or pasted transcript is stored as, BEFORE any offset is made into it:
 * - a leading byte-order mark (U+FEFF) is removed;
 * - CRLF and lone CR become LF;
 * - NUL and the other C0 control characters are removed, except tab and LF;
 * - the text is put in Unicode NFC, so é typed as e + U+0301 is one code point as it is
 *   in most other tools and search matches either way of typing it;
 * - whitespace at the very end of the text is trimmed (leading whitespace and the spaces at the
 *   end of inner lines are kept).
 *
 * Sources imported from a REFI-QDA project (.qdpx) are NOT normalised: their codings carry
 * code-point offsets into the text exactly as exported, and any change to the text (even NFC
 * or CRLF → LF) would shift them.
 */
export function normaliseTranscript(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom
    .replace(/\r\n?/g, '\n')
    .replace(unwantedControls, '')
    .normalize('NFC')
    .trimEnd();
}
