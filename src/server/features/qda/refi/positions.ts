// Code-point positions in texts. REFI-QDA counts text positions in Unicode code points (spec
// §10.2; first code point 0), JavaScript strings in UTF-16 code units: an emoji such as 😀 is one
// code point but two code units, so `text.slice(start, end)` is wrong as soon as a text holds
// anything outside the Basic Multilingual Plane. These helpers convert.
//
// Speed: an importer slices the same transcript many times (one call per selection). Building
// an array of code points per call (Array.from) would copy the whole text each time, so instead:
// - a text without surrogates (most Dutch text, including é, ë, ĳ) is detected once and sliced
//   directly;
// - for a text with surrogates we record, once, the UTF-16 offset of every 256th code point
//   (a checkpoint table); a lookup then walks at most 255 code points from the nearest
//   checkpoint.
// The table of the few most recently used texts is cached (keyed by the string itself, so a
// caller need not hold on to anything); a 6,000-word transcript sliced 80 times scans the text
// once and then does 160 short walks.
//
// A lone (unpaired) surrogate counts as one code point, as it does for String iteration.

const STEP_BITS = 8;
const STEP = 1 << STEP_BITS;
const CACHE_SIZE = 4;

type TextIndex = {
  text: string;
  /** Number of code points. */
  length: number;
  /** null when the text has no surrogate pairs: code point offset = UTF-16 offset. */
  checkpoints: Uint32Array | null;
};

const cache: TextIndex[] = [];

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function buildIndex(text: string): TextIndex {
  // First a cheap test: no pair at all means code points and code units coincide.
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    return { text, length: text.length, checkpoints: null };
  }
  const points: number[] = [];
  let count = 0;
  for (let i = 0; i < text.length; count++) {
    if ((count & (STEP - 1)) === 0) points.push(i);
    const unit = text.charCodeAt(i);
    i += isHigh(unit) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return { text, length: count, checkpoints: Uint32Array.from(points) };
}

function indexOf(text: string): TextIndex {
  for (let k = 0; k < cache.length; k++) {
    const entry = cache[k]!;
    if (entry.text === text) {
      if (k > 0) {
        cache.splice(k, 1);
        cache.unshift(entry);
      }
      return entry;
    }
  }
  const entry = buildIndex(text);
  cache.unshift(entry);
  if (cache.length > CACHE_SIZE) cache.pop();
  return entry;
}

function utf16Offset(index: TextIndex, codePoint: number): number {
  if (index.checkpoints === null) return codePoint;
  const { text } = index;
  if (codePoint === index.length) return text.length;
  const block = codePoint >>> STEP_BITS;
  let i = index.checkpoints[block]!;
  for (let left = codePoint - (block << STEP_BITS); left > 0; left--) {
    const unit = text.charCodeAt(i);
    i += isHigh(unit) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Number of Unicode code points in `text`. */
export function codePointLength(text: string): number {
  return indexOf(text).length;
}

/**
 * UTF-16 offset (a JavaScript string index) of code point `codePoint`; `codePoint` may equal the
 * length (the offset just past the end).
 */
export function codePointToUtf16(text: string, codePoint: number): number {
  const index = indexOf(text);
  if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > index.length) {
    throw new RangeError(`code point ${codePoint} is outside 0..${index.length}`);
  }
  return utf16Offset(index, codePoint);
}

/**
 * The text from code point `start` up to, not including, code point `end` (end exclusive, as
 * REFI-QDA selections are read here). Throws a RangeError unless 0 <= start <= end <= length.
 */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const index = indexOf(text);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start > end ||
    end > index.length
  ) {
    throw new RangeError(`code points ${start}..${end} are outside 0..${index.length}`);
  }
  if (index.checkpoints === null) return text.slice(start, end);
  return text.slice(utf16Offset(index, start), utf16Offset(index, end));
}
