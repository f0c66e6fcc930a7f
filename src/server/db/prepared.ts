// Queries that run on nearly every request are prepared once per database: the server then
// skips parsing and planning them, and drizzle skips building their SQL.
import type { Db } from './connect';

export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db);
      prepared.set(db, query);
    }
    return query;
  };
}
