// The access log (NEN 7513): append-only, hash-chained. The chain columns (seq, prev_hash,
// hash) are filled by a database trigger (see the access-log-chain migration), so every writer,
// in any app instance, extends one chain; UPDATE, DELETE and TRUNCATE are refused.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const accessLog = pgTable(
  'access_log',
  {
    // Filled by the chain trigger; the defaults only satisfy the insert type.
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(0),
    at: timestamp('at', { withTimezone: true, precision: 6 }).notNull(),
    userId: uuid('user_id'),
    organisationId: uuid('organisation_id'),
    role: text('role'),
    onBehalfOf: text('on_behalf_of'),
    caseId: uuid('case_id'),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    action: text('action').notNull(),
    grounds: text('grounds').notNull(),
    outcome: text('outcome').notNull(),
    requestId: text('request_id').notNull(),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    check('access_log_outcome_check', sql`${t.outcome} in ('success','denied','failure')`),
    index('access_log_user_idx').on(t.userId, t.at),
    index('access_log_case_idx').on(t.caseId, t.at),
    index('access_log_at_idx').on(t.at),
  ],
);

/** One row: the head of the chain. Its row lock orders concurrent writers. */
export const accessLogHead = pgTable(
  'access_log_head',
  {
    id: integer('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('access_log_head_single_row', sql`${t.id} = 1`)],
);
