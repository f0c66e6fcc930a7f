// Optimistic concurrency for edits: an update names the version it was based on; if someone
// else saved in between, the caller gets CONFLICT instead of silently overwriting their work.
import { AppError } from '../../http/errors';

export async function expectOneRow<T>(updated: T[], exists: () => Promise<boolean>): Promise<T> {
  const row = updated[0];
  if (row) return row;
  if (await exists()) throw new AppError('CONFLICT');
  throw new AppError('NOT_FOUND');
}
