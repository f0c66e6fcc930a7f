// The cross-case helpers: coverage as a percentage in Dutch and English (small values with a
// decimal, so they do not read as 0), the bar's width, the address's id lists, the search check.
import { describe, expect, it } from 'vitest';
import { barWidth, coveragePercent, idList, isSearchable, snippetText } from './cross-case';

describe('coverage', () => {
  it('is a percentage in the reader’s language', () => {
    expect(coveragePercent(0.125, 'nl')).toBe('13%');
    expect(coveragePercent(0.5, 'en')).toBe('50%');
    expect(coveragePercent(0.004, 'nl')).toBe('0,4%');
    expect(coveragePercent(0.004, 'en')).toBe('0.4%');
    expect(coveragePercent(0, 'nl')).toBe('0%');
    expect(coveragePercent(1.2, 'nl')).toBe('100%');
    expect(coveragePercent(Number.NaN, 'nl')).toBe('0%');
  });

  it('draws at least a sliver when something is coded', () => {
    expect(barWidth(0)).toBe(0);
    expect(barWidth(0.001)).toBe(2);
    expect(barWidth(0.5)).toBe(50);
    expect(barWidth(3)).toBe(100);
  });
});

describe('the address and the search text', () => {
  it('reads a comma list of ids once each', () => {
    expect(idList('a,,b,a')).toEqual(['a', 'b']);
    expect(idList(null)).toEqual([]);
  });

  it('searches from two characters on', () => {
    expect(isSearchable(' g ')).toBe(false);
    expect(isSearchable('ge')).toBe(true);
    expect(snippetText([{ text: 'de ' }, { text: 'gesprekken' }])).toBe('de gesprekken');
  });
});
