// Read queries of the auth feature.
import { and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../http/errors';
import type { Db } from '../../db/connect';
import { likePattern, offsetOf, orderBy } from '../../db/paging';
import type { Actor } from '../../policy/policy';
import type { Role, UserDetail, UserSummary } from '../../../shared/contract/auth';
import type { ListResponse } from '../../../shared/contract/common';
import { users } from './schema';

export async function listUsers(params: {
  actor: Actor;
  db: Db;
  page: number;
  pageSize: number;
  sort: 'name' | '-name' | 'email' | 'role';
  q?: string | undefined;
}): Promise<ListResponse<UserSummary>> {
  const { db, page, pageSize, sort, q } = params;
  const conditions: SQL[] = [];
  if (q) {
    const match = or(ilike(users.displayName, likePattern(q)), ilike(users.email, likePattern(q)));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        status: users.status,
      })
      .from(users)
      .where(where)
      .orderBy(
        ...orderBy(sort, { name: users.sortKey, email: users.email, role: users.role }, users.id),
      )
      .limit(pageSize)
      .offset(offsetOf({ page, pageSize })),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      role: r.role as Role,
      status: r.status as UserSummary['status'],
    })),
    total: Number(totals[0]?.n ?? 0),
    page,
    pageSize,
  };
}

export async function getUser(params: { db: Db; id: string }): Promise<UserDetail> {
  const [row] = await params.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      organisationId: users.organisationId,
      totpEnabledAt: users.totpEnabledAt,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, params.id));
  if (!row) throw new AppError('NOT_FOUND');
  const { totpEnabledAt, ...rest } = row;
  return {
    ...rest,
    role: rest.role as Role,
    status: rest.status as UserDetail['status'],
    hasTotp: totpEnabledAt !== null,
  };
}
