// Raw SQL through drizzle: both drivers return { rows }, typed here once.
import type { SQL } from 'drizzle-orm';
import type { Db } from './connect';
import type { Tx } from './context';

export async function queryRows<T>(executor: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
