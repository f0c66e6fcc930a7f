// How synthesis routes reach a programme: through its teams, with the same programme resource
// the codebook uses. A programme the actor may not use answers 404, like one that does not exist.
// Every write of the board or a thread locks the programme row first, so numbers, order and
// placements of concurrent changes never cross (the codebook takes the same lock, so a code
// cannot be archived halfway through a placement).
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '../../db/context';
import type { Action } from '../../policy/policy';
import { programmeGuard, type Reach } from '../coding/access';
import { programmes } from '../organisations/schema';
import { AppError } from '../../http/errors';

export type { Reach };

export function synthesisGuard(
  request: FastifyRequest,
  programmeId: string,
  action: Action,
): Promise<Reach> {
  return programmeGuard(request, programmeId, action);
}

/** preValidation: an unknown or forbidden programme is a 404 before any 400 about the input. */
export const programmeFirst = (action: Action) => async (request: FastifyRequest) => {
  const { id } = request.params as { id?: string };
  if (z.uuid().safeParse(id).success) await synthesisGuard(request, id!, action);
};

/** Locks the programme for this change; returns its name. */
export async function lockProgramme(tx: Tx, programmeId: string): Promise<{ name: string }> {
  const [row] = await tx
    .select({ name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export const invalid = (path: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ path, message }] });
