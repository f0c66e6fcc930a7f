// Checks the access log's hash chain from the first entry to the head and names the first
// broken link: a changed entry, a removed or inserted entry, or a head that does not match.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';

export type ChainReport =
  | { isIntact: true; checked: number }
  | {
      isIntact: false;
      checked: number;
      firstBrokenSeq: number;
      reason: 'content_changed' | 'link_broken' | 'entry_missing' | 'head_mismatch';
    };

const genesis = '0'.repeat(64);

export async function verifyAccessLogChain(
  db: Db,
  options: { chunkSize?: number } = {},
): Promise<ChainReport> {
  const chunkSize = options.chunkSize ?? 5000;
  let previousSeq = 0;
  let previousHash = genesis;
  let checked = 0;
  for (;;) {
    const rows = await queryRows<{
      seq: string;
      prev_hash: string;
      hash: string;
      expected: string;
    }>(
      db,
      sql`
      select l.seq::text as seq, l.prev_hash, l.hash, access_log_entry_hash(l.prev_hash, l) as expected
      from access_log l where l.seq > ${previousSeq} order by l.seq limit ${chunkSize}`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== previousSeq + 1)
        return {
          isIntact: false,
          checked,
          firstBrokenSeq: previousSeq + 1,
          reason: 'entry_missing',
        };
      if (row.prev_hash !== previousHash)
        return { isIntact: false, checked, firstBrokenSeq: seq, reason: 'link_broken' };
      if (row.expected !== row.hash)
        return { isIntact: false, checked, firstBrokenSeq: seq, reason: 'content_changed' };
      previousSeq = seq;
      previousHash = row.hash;
      checked += 1;
    }
    if (rows.length < chunkSize) break;
  }
  const [headRow] = await queryRows<{ seq: string; hash: string }>(
    db,
    sql`select seq::text as seq, hash from access_log_head where id = 1`,
  );
  if (!headRow || Number(headRow.seq) !== previousSeq || headRow.hash !== previousHash) {
    return { isIntact: false, checked, firstBrokenSeq: previousSeq + 1, reason: 'head_mismatch' };
  }
  return { isIntact: true, checked };
}
