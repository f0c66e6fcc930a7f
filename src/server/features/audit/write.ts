// The one write path of the access log. Inside a command, entries are inserted in the command's
// own transaction (they commit together or not at all). For reads, AuditWriter groups the entries
// of concurrent requests into one INSERT (group commit) and resolves each caller only after that
// INSERT has committed: a response never goes out before its entry is stored.
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type { AccessLogEntry } from './events';
import { accessLog } from './schema';

export async function insertAccessLogEntries(
  executor: Db | Tx,
  entries: AccessLogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(accessLog).values(
    entries.map((e) => ({
      at: e.at,
      userId: e.userId,
      organisationId: e.organisationId ?? null,
      role: e.role ?? null,
      onBehalfOf: e.onBehalfOf ?? null,
      caseId: e.caseId ?? null,
      resourceType: e.resourceType,
      resourceId: e.resourceId ?? null,
      action: e.action,
      grounds: e.grounds,
      outcome: e.outcome,
      requestId: e.requestId,
    })),
  );
}

type Pending = { entries: AccessLogEntry[]; resolve: () => void; reject: (error: unknown) => void };

export class AuditWriter {
  private queue: Pending[] = [];
  private isFlushing = false;
  private isScheduled = false;
  /** Counters for benchmarks and diagnostics: how well entries are grouped. */
  readonly stats = { entries: 0, inserts: 0 };

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 1000,
  ) {}

  record(entries: AccessLogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.isFlushing || this.isScheduled) return;
    this.isScheduled = true;
    // setImmediate lets the requests that arrived in the same turn join this batch.
    setImmediate(() => {
      this.isScheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    this.isFlushing = true;
    while (this.queue.length > 0) {
      const batch: Pending[] = [];
      let size = 0;
      while (this.queue.length > 0 && size < this.maxBatch) {
        const next = this.queue.shift()!;
        batch.push(next);
        size += next.entries.length;
      }
      try {
        await insertAccessLogEntries(
          this.db,
          batch.flatMap((p) => p.entries),
        );
        this.stats.entries += size;
        this.stats.inserts += 1;
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.isFlushing = false;
  }
}
