// The editable reference lists of cases and timelines, loaded at start: institution types and
// the timeline categories. Existing rows (possibly relabelled or archived) are kept as they are.
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { defaultInstitutionTypes } from '../../../shared/contract/cases';
import type { CaseReference } from '../../../shared/contract/timeline';
import type { CategoryList, CategoryMarker } from '../../../shared/domain/timeline';
import { timelineCategories } from '../timeline/schema';
import { institutionTypes } from './schema';

type DefaultCategory = { code: string; label: string; marker?: CategoryMarker };

export const defaultTimelineCategories: Record<CategoryList, DefaultCategory[]> = {
  setting_type: [
    { code: 'parental_home', label: 'Thuis bij ouder(s)' },
    { code: 'kinship_foster_care', label: 'Netwerkpleeggezin', marker: 'out_of_home' },
    { code: 'foster_family', label: 'Pleeggezin', marker: 'out_of_home' },
    { code: 'gezinshuis', label: 'Gezinshuis', marker: 'out_of_home' },
    { code: 'open_group', label: 'Open groep', marker: 'out_of_home' },
    { code: 'jeugdzorgplus', label: 'Jeugdzorgplus', marker: 'out_of_home' },
    { code: 'jji', label: 'Justitiële jeugdinrichting (JJI)', marker: 'out_of_home' },
    { code: 'clinic', label: 'Kliniek', marker: 'out_of_home' },
    { code: 'independent', label: 'Zelfstandig wonen' },
    { code: 'other', label: 'Anders' },
  ],
  school_type: [
    { code: 'regular', label: 'Regulier onderwijs' },
    { code: 'special', label: 'Speciaal onderwijs' },
    { code: 'none', label: 'Geen school (thuiszitter)', marker: 'no_school' },
    { code: 'other', label: 'Anders' },
  ],
  care_type: [
    { code: 'ambulant', label: 'Ambulante hulp' },
    { code: 'parenting_support', label: 'Opvoedondersteuning' },
    { code: 'jeugd_ggz', label: 'Jeugd-GGZ', marker: 'specialist' },
    { code: 'day_treatment', label: 'Dagbehandeling', marker: 'specialist' },
    { code: 'residential', label: 'Residentiële jeugdhulp', marker: 'specialist' },
    { code: 'crisis', label: 'Crisishulp', marker: 'specialist' },
    { code: 'other', label: 'Anders' },
  ],
  justice_measure: [
    { code: 'ots', label: 'Ondertoezichtstelling (OTS)' },
    { code: 'voogdij', label: 'Voogdij' },
    { code: 'machtiging_gesloten', label: 'Machtiging gesloten jeugdhulp' },
    { code: 'jeugdreclassering', label: 'Jeugdreclassering' },
    { code: 'jji', label: 'Plaatsing in een JJI' },
    { code: 'other', label: 'Anders' },
  ],
};

export async function syncCaseReferenceData(db: Db): Promise<void> {
  await db
    .insert(institutionTypes)
    .values(defaultInstitutionTypes.map((t, index) => ({ ...t, sortOrder: index })))
    .onConflictDoNothing();
  await db
    .insert(timelineCategories)
    .values(
      Object.entries(defaultTimelineCategories).flatMap(([list, items]) =>
        items.map((item, index) => ({
          list,
          code: item.code,
          label: item.label,
          marker: item.marker ?? null,
          sortOrder: index,
        })),
      ),
    )
    .onConflictDoNothing();
}

/**
 * The lists a case form and a timeline editor choose from, and that turn stored codes into
 * labels. Archived entries are included (flagged): records that use them still need their label;
 * the pickers leave them out.
 */
export async function caseReference(db: Db): Promise<CaseReference> {
  const [types, categories] = await Promise.all([
    db
      .select({
        code: institutionTypes.code,
        label: institutionTypes.label,
        archivedAt: institutionTypes.archivedAt,
      })
      .from(institutionTypes)
      .orderBy(asc(institutionTypes.sortOrder), asc(institutionTypes.code)),
    db
      .select({
        list: timelineCategories.list,
        code: timelineCategories.code,
        label: timelineCategories.label,
        marker: timelineCategories.marker,
        archivedAt: timelineCategories.archivedAt,
      })
      .from(timelineCategories)
      .orderBy(
        asc(timelineCategories.list),
        asc(timelineCategories.sortOrder),
        asc(timelineCategories.code),
      ),
  ]);
  return {
    institutionTypes: types.map(({ archivedAt, ...t }) => ({
      ...t,
      isArchived: archivedAt !== null,
    })),
    timelineCategories: categories.map(({ archivedAt, ...c }) => ({
      ...c,
      list: c.list as CategoryList,
      marker: c.marker as CategoryMarker | null,
      isArchived: archivedAt !== null,
    })),
  };
}
