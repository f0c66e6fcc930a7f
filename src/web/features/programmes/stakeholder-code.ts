// Codes for new stakeholder groups, made from their name: "Jeugd & gezin" → "jeugd_gezin".
// A code is a stable identifier; renaming a saved group keeps its code.
const codePattern = /^[a-z][a-z0-9_]{1,39}$/;

export function codeFromLabel(label: string): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  const code = /^[a-z]/.test(base) ? base : `groep_${base}`.slice(0, 36);
  return codePattern.test(code) ? code : 'groep';
}

/** A code not yet in `taken`, adding _2, _3 … where needed. */
export function uniqueCode(label: string, taken: Set<string>): string {
  const base = codeFromLabel(label);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
