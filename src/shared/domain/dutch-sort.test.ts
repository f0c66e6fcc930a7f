import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDutch, dutchSortKey } from './dutch-sort';

describe('dutchSortKey', () => {
  it("files 's-Hertogenbosch under H and 's-Gravenhage under G", () => {
    const names = [
      'Heusden',
      "'s-Hertogenbosch",
      'Hendrik-Ido-Ambacht',
      'Goes',
      "'s-Gravenhage",
      'Hilversum',
    ];
    expect([...names].sort(compareDutch)).toEqual([
      'Goes',
      "'s-Gravenhage",
      'Hendrik-Ido-Ambacht',
      "'s-Hertogenbosch",
      'Heusden',
      'Hilversum',
    ]);
  });

  it('sorts IJ as i followed by j, between Huizen and Kampen', () => {
    const names = ['Kampen', 'IJsselstein', 'Huizen', 'Ijsselmuiden', 'Ittervoort'];
    expect([...names].sort(compareDutch)).toEqual([
      'Huizen',
      'Ijsselmuiden',
      'IJsselstein',
      'Ittervoort',
      'Kampen',
    ]);
    expect(dutchSortKey('IJsselstein')).toBe('ijsselstein');
  });

  it('ignores accents and case', () => {
    expect(dutchSortKey('Émile Öztürk')).toBe(dutchSortKey('emile ozturk'));
    expect(dutchSortKey('Súdwest-Fryslân')).toBe('sudwest fryslan');
  });

  it('orders keys exactly as the Dutch collator orders plain letters', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCIJÉéëïöüÖ'.split(''));
    const word = fc.array(letters, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    const collator = new Intl.Collator('nl', { sensitivity: 'base' });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const byKey = Math.sign(dutchSortKey(a).localeCompare(dutchSortKey(b), 'en'));
        const keyOrder =
          dutchSortKey(a) < dutchSortKey(b) ? -1 : dutchSortKey(a) > dutchSortKey(b) ? 1 : 0;
        expect(keyOrder).toBe(Math.sign(collator.compare(a, b)));
        expect(byKey).toBe(keyOrder);
      }),
    );
  });
});
