// Dutch alphabetical order as a plain string key, so lists can be sorted in the database
// (PGlite has no ICU collations) and still come out the Dutch way:
// - accents and case do not count (Émile beside emile),
// - "'s-" and "'t " before a name do not count ('s-Hertogenbosch under H),
// - IJ is i + j, as in current dictionaries (IJsselstein beside Ijlst),
// - punctuation counts as a space (Hendrik-Ido-Ambacht as "hendrik ido ambacht").

const articlePrefix = /^['’‘`]\s*(s|t)[\s-]+/i;

export function dutchSortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(articlePrefix, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: false });

/** Comparator for sorting in memory with the same rules as dutchSortKey. */
export function compareDutch(a: string, b: string): number {
  const ka = dutchSortKey(a);
  const kb = dutchSortKey(b);
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return collator.compare(a, b);
}
