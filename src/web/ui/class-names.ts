// Joins class names, skipping the falsy ones: cx('a', isB && 'b').
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
