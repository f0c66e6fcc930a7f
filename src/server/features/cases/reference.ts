// Loads the default institution types at start; existing rows (possibly edited) are kept.
import type { Db } from '../../db/connect';
import { defaultInstitutionTypes } from '../../../shared/contract/cases';
import { institutionTypes } from './schema';

export async function syncInstitutionTypes(db: Db): Promise<void> {
  await db
    .insert(institutionTypes)
    .values(defaultInstitutionTypes.map((t, index) => ({ ...t, sortOrder: index })))
    .onConflictDoNothing();
}
