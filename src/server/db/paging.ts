// Helpers for lists that are paginated and sorted in the database.
import { asc, desc, type SQL, type AnyColumn } from 'drizzle-orm';

export type PageRequest = { page: number; pageSize: number };

export function offsetOf({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize;
}

/** Turns "name" / "-name" into ORDER BY terms; the id column keeps the order total. */
export function orderBy(
  sort: string,
  columns: Record<string, AnyColumn | SQL>,
  tieBreaker: AnyColumn,
): SQL[] {
  const isDescending = sort.startsWith('-');
  const column = columns[isDescending ? sort.slice(1) : sort];
  if (!column) throw new Error(`unknown sort ${sort}`);
  return [isDescending ? desc(column) : asc(column), asc(tieBreaker)];
}

/** Escapes % and _ so user text in a LIKE pattern matches literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
