// Creates a user account (used by the demo seed now, by admin invitations later).
import { runCommand, translateDbError, type RequestContext } from '../../db/context';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import type { Role } from '../../../shared/contract/auth';
import { users } from './schema';
import { hashPassword } from './passwords';

export type CreateUserInput = {
  email: string;
  displayName: string;
  role: Role;
  password: string | null;
  organisationId?: string | null;
};

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<string> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return runCommand(ctx, async ({ tx, now }) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        organisationId: input.organisationId ?? null,
        passwordHash,
        status: passwordHash ? 'active' : 'invited',
        sortKey: dutchSortKey(input.displayName),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id })
      .catch((e: unknown) =>
        translateDbError(e, { unique: 'Er bestaat al een account met dit e-mailadres.' }),
      );
    if (!row) throw new Error('insert returned no row');
    return row.id;
  });
}
