// Process groups the benchmarks use but did not spawn themselves, such as a PostgreSQL server
// that pg_ctl detached into its own session. run.ts counts their CPU as ours, not as "other
// processes", so a row is not warned about the database server it measures.
import fs from 'node:fs';

const groups = new Set<number>();

export const serverGroups = (): ReadonlySet<number> => groups;

/** The process group of a PostgreSQL server: pg_ctl starts the postmaster in a new session. */
export function addPostgresGroup(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const pgid = Number(fields.slice(fields.lastIndexOf(')') + 2).split(' ')[2]);
    if (!Number.isInteger(pgid) || pgid <= 0) return null;
    groups.add(pgid);
    return pgid;
  } catch {
    return null; // not Linux, or the server is gone
  }
}

export function removeGroup(pgid: number | null) {
  if (pgid !== null) groups.delete(pgid);
}
