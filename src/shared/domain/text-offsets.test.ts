// Tests for code-point offsets: hand-checked examples with accents, the Dutch ĳ ligature, emoji
// (single, ZWJ family, flag), combining marks, and property tests comparing every function with
// a reference built on Array.from (which iterates by code point).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codePointLength,
  codePointToUtf16,
  createOffsetIndex,
  normaliseTranscript,
  sliceByCodePoints,
  utf16ToCodePoint,
} from './text-offsets';

const family = '👨\u200d👩\u200d👧'; // 3 people + 2 zero-width joiners = 5 code points, 8 units
const flag = '🇳🇱'; // two regional indicators = 2 code points, 4 units

// Reference implementations: slow but obviously right.
function refUtf16ToCp(text: string, u: number): number {
  const points = Array.from(text);
  let units = 0;
  for (let cp = 0; cp < points.length; cp++) {
    const width = (points[cp] as string).length;
    if (u < units + width) return cp; // u at the start or inside this code point
    units += width;
  }
  return points.length;
}

function refCpToUtf16(text: string, cp: number): number {
  return Array.from(text).slice(0, Math.max(0, cp)).join('').length;
}

// Strings mixing ASCII, accents, combining marks, astral characters, ZWJ and lone surrogates.
const pieces = [
  'a',
  ' ',
  '\n',
  'é',
  'e\u0301',
  'ĳ',
  'Ĳ',
  '😀',
  family,
  flag,
  '\u200d',
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '𝄞',
  '中',
];
const mixedText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(mixedText, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string());

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('café')).toBe(4);
    expect(codePointLength('ĳsvogel')).toBe(7); // ĳ (U+0133) is one code point
    expect(codePointLength('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(codePointLength(family)).toBe(5);
    expect(codePointLength(flag)).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2); // combining mark: its own code point
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('a\ud83d')).toBe(2);
    expect(codePointLength('\ude00a')).toBe(2);
    expect(codePointLength('\ude00\ud83d')).toBe(2); // low before high: no pair
  });

  it('agrees with Array.from for any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(codePointLength(text)).toBe(Array.from(text).length);
      }),
    );
  });
});

describe('codePointToUtf16 / utf16ToCodePoint', () => {
  const text = `Zoë 😀 zei: ${flag}!`; // Z o ë ␠ 😀 ␠ z e i : ␠ 🇳 🇱 !

  it('converts around astral characters', () => {
    // code points: Z0 o1 ë2 ␠3 😀4 ␠5 ... 🇳11 🇱12 !13
    expect(codePointToUtf16(text, 4)).toBe(4);
    expect(codePointToUtf16(text, 5)).toBe(6); // after 😀 (two units)
    expect(codePointToUtf16(text, 11)).toBe(12);
    expect(codePointToUtf16(text, 12)).toBe(14);
    expect(codePointToUtf16(text, 13)).toBe(16);
    expect(codePointToUtf16(text, 14)).toBe(text.length);
    expect(utf16ToCodePoint(text, 6)).toBe(5);
    expect(utf16ToCodePoint(text, 16)).toBe(13);
    expect(utf16ToCodePoint(text, text.length)).toBe(14);
  });

  it('rounds a UTF-16 index inside a surrogate pair down to the pair start', () => {
    expect(utf16ToCodePoint(text, 5)).toBe(4); // inside 😀
    expect(utf16ToCodePoint(text, 13)).toBe(11); // inside 🇳
    expect(utf16ToCodePoint(text, 15)).toBe(12); // inside 🇱
    expect(utf16ToCodePoint(family, 1)).toBe(0);
    expect(utf16ToCodePoint(family, 2)).toBe(1); // the ZWJ is a BMP character
    expect(utf16ToCodePoint(family, 4)).toBe(2); // inside 👩
  });

  it('clamps offsets outside the text and refuses non-integers', () => {
    expect(codePointToUtf16(text, -3)).toBe(0);
    expect(codePointToUtf16(text, 999)).toBe(text.length);
    expect(utf16ToCodePoint(text, -1)).toBe(0);
    expect(utf16ToCodePoint(text, 999)).toBe(14);
    expect(() => codePointToUtf16(text, 1.5)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, Number.NaN)).toThrow(RangeError);
  });

  it('matches the reference for every offset of any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cpLength = Array.from(text).length;
        for (let cp = -1; cp <= cpLength + 1; cp++) {
          expect(codePointToUtf16(text, cp)).toBe(refCpToUtf16(text, cp));
        }
        for (let u = 0; u <= text.length; u++) {
          expect(utf16ToCodePoint(text, u)).toBe(refUtf16ToCp(text, u));
        }
      }),
    );
  });

  it('round-trips cp → u16 → cp, and u16 → cp → u16 lands on a character start', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cpLength = codePointLength(text);
        for (let cp = 0; cp <= cpLength; cp++) {
          expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp);
        }
        for (let u = 0; u <= text.length; u++) {
          const back = codePointToUtf16(text, utf16ToCodePoint(text, u));
          expect(back === u || back === u - 1).toBe(true);
          if (back === u - 1) expect(text.codePointAt(back)).toBeGreaterThan(0xffff);
        }
      }),
    );
  });
});

describe('sliceByCodePoints', () => {
  it('slices whole characters', () => {
    const text = `ĳs 😀 ${family} ${flag} é`;
    expect(sliceByCodePoints(text, 0, 2)).toBe('ĳs');
    expect(sliceByCodePoints(text, 3, 4)).toBe('😀');
    expect(sliceByCodePoints(text, 5, 10)).toBe(family);
    expect(sliceByCodePoints(text, 11, 13)).toBe(flag);
    expect(sliceByCodePoints(text, 11, 12)).toBe('🇳'); // half a flag is a whole code point
    expect(sliceByCodePoints(text, 14, 99)).toBe('é');
    expect(sliceByCodePoints(text, 5, 5)).toBe('');
    expect(sliceByCodePoints(text, 6, 2)).toBe('');
    expect(sliceByCodePoints(text, -5, 2)).toBe('ĳs');
  });

  it('matches Array.from(...).slice for any string and range', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.integer({ min: -2, max: 45 }),
        fc.integer({ min: -2, max: 45 }),
        (text, a, b) => {
          const expected =
            b <= a ? '' : Array.from(text).slice(Math.max(0, a), Math.max(0, b)).join('');
          expect(sliceByCodePoints(text, a, b)).toBe(expected);
        },
      ),
    );
  });
});

describe('createOffsetIndex', () => {
  it('gives the same answers as the direct functions', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const index = createOffsetIndex(text);
        const cpLength = codePointLength(text);
        expect(index.codePointLength).toBe(cpLength);
        expect(index.utf16Length).toBe(text.length);
        for (let cp = -1; cp <= cpLength + 1; cp++) {
          expect(index.codePointToUtf16(cp)).toBe(codePointToUtf16(text, cp));
          expect(index.sliceByCodePoints(cp, cp + 2)).toBe(sliceByCodePoints(text, cp, cp + 2));
        }
        for (let u = -1; u <= text.length + 1; u++) {
          expect(index.utf16ToCodePoint(u)).toBe(utf16ToCodePoint(text, u));
        }
      }),
    );
  });

  it('is fast on a long text with many emoji', () => {
    const text = 'Het ging goed 😀 en toen niet 👨\u200d👩\u200d👧.\n'.repeat(10_000); // ~430k units
    const started = performance.now();
    const index = createOffsetIndex(text);
    let sum = 0;
    for (let cp = 0; cp < index.codePointLength; cp += 7) {
      sum += index.utf16ToCodePoint(index.codePointToUtf16(cp)) - cp;
    }
    expect(sum).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('handles a text without surrogate pairs (identity)', () => {
    const index = createOffsetIndex('gewoon Nederlands, met ĳ en é');
    expect(index.codePointToUtf16(10)).toBe(10);
    expect(index.utf16ToCodePoint(10)).toBe(10);
    expect(index.sliceByCodePoints(23, 24)).toBe('ĳ');
  });
});

describe('normaliseTranscript', () => {
  it('composes to NFC: e + combining acute becomes é', () => {
    const typed = 'Cafe\u0301 en ide\u0301e';
    const stored = normaliseTranscript(typed);
    expect(stored).toBe('Café en idée');
    expect(codePointLength(stored)).toBe(12);
    expect(codePointLength(typed)).toBe(14);
  });

  it('turns CRLF and lone CR into LF and strips a leading BOM', () => {
    expect(normaliseTranscript('\ufeffI: Hoe ging het?\r\nR: Goed.\rI: Mooi.')).toBe(
      'I: Hoe ging het?\nR: Goed.\nI: Mooi.',
    );
  });

  it('keeps a BOM that is not at the start (only the leading one is a byte-order mark)', () => {
    expect(normaliseTranscript('a\ufeffb')).toBe('a\ufeffb');
  });

  it('removes NUL and other C0 controls but keeps tab and LF', () => {
    expect(normaliseTranscript('a\u0000b\u0007c\tand\u000bd\u000ce\u001bf\ng')).toBe(
      'abc\tanddef\ng',
    );
  });

  it('trims whitespace at the end of the text only', () => {
    expect(normaliseTranscript('  Inleiding  \nR: ja   \n\n \t\n')).toBe('  Inleiding  \nR: ja');
  });

  it('keeps emoji, ZWJ sequences, flags and ĳ as they are', () => {
    const text = `ĳs ${family} ${flag} 😀`;
    expect(normaliseTranscript(text)).toBe(text);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        const once = normaliseTranscript(text);
        expect(normaliseTranscript(once)).toBe(once);
      }),
    );
  });
});
