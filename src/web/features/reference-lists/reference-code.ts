// The code suggested for a new entry, made from its name: "Kamertraining (16+)" →
// "kamertraining_16". The administrator may change it before saving; never after.
import { referenceCodePattern } from '../../../shared/contract/reference-lists';

export function isValidCode(code: string): boolean {
  return referenceCodePattern.test(code);
}

/** A valid code not yet in `taken`, or '' when the name gives nothing to make one from. */
export function suggestCode(label: string, taken: ReadonlySet<string>): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 36)
    .replace(/_+$/, '');
  if (!isValidCode(base)) return '';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
