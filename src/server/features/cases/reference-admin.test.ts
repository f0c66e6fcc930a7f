// The reference-list administration through the HTTP API on a real database: an administrator
// adds, relabels, reorders and archives entries; others do not reach the routes; bad input is
// refused whole; a marker change recomputes the indicators of the cases that use the entry; an
// archived entry is refused for new choices but kept on the records that already have it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ReferenceList, ReferenceLists } from '../../../shared/contract/reference-lists';
import type { CaseReference } from '../../../shared/contract/timeline';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { caseIndicators, timelineCategories } from '../timeline/schema';
import { institutionTypes } from './schema';

describe.each(testDatabaseKinds())('reference-list administration (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2010 });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders | null,
    payload?: object,
  ) =>
    test.app.inject({
      method,
      url,
      ...(session ? { headers: headersOf(session) } : {}),
      ...(payload ? { payload } : {}),
    });
  const lists = async () =>
    (await call('GET', '/api/reference-lists', fx.admin)).json<ReferenceLists>().lists;
  const listOf = async (name: string) => (await lists()).find((l) => l.list === name)!;
  const caseReference = async () =>
    (await call('GET', '/api/case-reference', fx.researcher)).json<CaseReference>();
  const settings = async () =>
    (await caseReference()).timelineCategories.filter((c) => c.list === 'setting_type');
  const storedCategory = async (list: string, code: string) =>
    (
      await test.database.db
        .select()
        .from(timelineCategories)
        .where(and(eq(timelineCategories.list, list), eq(timelineCategories.code, code)))
    )[0];
  const indicatorsOf = async (caseId: string) =>
    (
      await test.database.db.select().from(caseIndicators).where(eq(caseIndicators.caseId, caseId))
    )[0];
  const timeline = async (caseId: string) =>
    (await call('GET', `/api/cases/${caseId}/timeline`, fx.researcher)).json<{
      items: { id: string; version: number; categoryCode: string | null }[];
      indicators: { placements: number };
    }>();
  const livingPeriod = (categoryCode: string, reference: string, fromYear = 2016) => ({
    kind: 'period',
    lane: 'living',
    title: `Wonen: ${reference}`,
    start: { precision: 'year', year: fromYear },
    end: { precision: 'year', year: fromYear + 1 },
    source: 'professional',
    categoryCode,
    reference,
  });

  it('shows every list with its entries in order and how many cases and items use them', async () => {
    const all = await lists();
    expect(all.map((l) => l.list)).toEqual([
      'institution_type',
      'setting_type',
      'school_type',
      'care_type',
      'justice_measure',
    ]);
    const types = all[0]!;
    expect(types.markers).toEqual([]);
    expect(types.entries.map((e) => e.code)).toEqual([
      'jji',
      'jeugdzorgplus',
      'obc_lvb',
      'klinische_jeugd_ggz',
      'other',
    ]);
    // The fixture's case is a Jeugdzorgplus case.
    expect(types.entries.find((e) => e.code === 'jeugdzorgplus')).toMatchObject({
      caseCount: 1,
      itemCount: null,
      isArchived: false,
    });
    const setting = all[1]!;
    expect(setting.markers).toEqual(['out_of_home']);
    expect(setting.entries.find((e) => e.code === 'foster_family')).toMatchObject({
      label: 'Pleeggezin',
      marker: 'out_of_home',
      caseCount: 0,
      itemCount: 0,
    });

    const added = await call(
      'POST',
      `/api/cases/${fx.caseId}/timeline/items`,
      fx.researcher,
      livingPeriod('foster_family', 'pleeggezin A'),
    );
    expect(added.statusCode, added.body).toBe(201);
    expect(
      (await listOf('setting_type')).entries.find((e) => e.code === 'foster_family'),
    ).toMatchObject({ caseCount: 1, itemCount: 1 });
  });

  it('adds an entry at the end of its list, offered at once to the case screens', async () => {
    const response = await call('POST', '/api/reference-lists/setting_type/entries', fx.admin, {
      code: 'kamertraining',
      label: '  Kamertraining  ',
      marker: 'out_of_home',
    });
    expect(response.statusCode, response.body).toBe(201);
    const list = response.json<ReferenceList>();
    expect(list.entries.at(-1)).toEqual({
      code: 'kamertraining',
      label: 'Kamertraining',
      marker: 'out_of_home',
      isArchived: false,
      caseCount: 0,
      itemCount: 0,
    });
    expect((await settings()).at(-1)).toMatchObject({
      code: 'kamertraining',
      label: 'Kamertraining',
      marker: 'out_of_home',
      isArchived: false,
    });

    const type = await call('POST', '/api/reference-lists/institution_type/entries', fx.admin, {
      code: 'gesloten_ggz',
      label: 'Gesloten jeugd-GGZ',
    });
    expect(type.statusCode, type.body).toBe(201);
    expect((await caseReference()).institutionTypes.at(-1)).toMatchObject({
      code: 'gesloten_ggz',
      isArchived: false,
    });
    // The same code in another list is another entry.
    const care = await call('POST', '/api/reference-lists/care_type/entries', fx.admin, {
      code: 'kamertraining',
      label: 'Kamertraining (begeleiding)',
      marker: null,
    });
    expect(care.statusCode, care.body).toBe(201);
  });

  it('refuses a code that the list already has with 409 duplicate_code', async () => {
    for (const code of ['kamertraining', 'jji']) {
      const response = await call('POST', '/api/reference-lists/setting_type/entries', fx.admin, {
        code,
        label: 'Nog eens',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'duplicate_code', fields: [{ path: 'code' }] },
      });
    }
    expect((await storedCategory('setting_type', 'kamertraining'))?.label).toBe('Kamertraining');
  });

  it('refuses bad input with a 400 that names the field, and stores nothing', async () => {
    const before = await lists();
    const cases: [string, object, string][] = [
      ['setting_type', { code: 'Kamer Training', label: 'Kamer' }, 'code'],
      ['setting_type', { code: '1kamer', label: 'Kamer' }, 'code'],
      ['setting_type', { code: 'k', label: 'Kamer' }, 'code'],
      ['setting_type', { code: 'kamer-training', label: 'Kamer' }, 'code'],
      ['setting_type', { code: 'kamer', label: '   ' }, 'label'],
      ['setting_type', { code: 'kamer', label: 'x'.repeat(121) }, 'label'],
      ['setting_type', { code: 'kamer', label: 'Kamer', marker: 'everything' }, 'marker'],
      // A marker counts in one lane only: no_school means nothing for a living setting.
      ['setting_type', { code: 'kamer', label: 'Kamer', marker: 'no_school' }, 'marker'],
      ['institution_type', { code: 'kamer', label: 'Kamer', marker: 'out_of_home' }, 'marker'],
      ['justice_measure', { code: 'kamer', label: 'Kamer', marker: 'specialist' }, 'marker'],
    ];
    for (const [list, payload, field] of cases) {
      const response = await call(
        'POST',
        `/api/reference-lists/${list}/entries`,
        fx.admin,
        payload,
      );
      expect(response.statusCode, `${JSON.stringify(payload)} ${response.body}`).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const unknownList = await call('POST', '/api/reference-lists/colours/entries', fx.admin, {
      code: 'blauw',
      label: 'Blauw',
    });
    expect(unknownList.statusCode).toBe(400);
    expect(unknownList.json().error.details.fields[0].in).toBe('params');

    // An edit with a label that is fine but a marker that is not changes nothing at all.
    const edit = await call('PUT', '/api/reference-lists/school_type/entries/regular', fx.admin, {
      label: 'Gewoon onderwijs',
      marker: 'out_of_home',
    });
    expect(edit.statusCode).toBe(400);
    expect(await lists()).toEqual(before);
  });

  it('relabels an entry without touching its code or marker, and answers 404 for an unknown code', async () => {
    const response = await call(
      'PUT',
      '/api/reference-lists/setting_type/entries/gezinshuis',
      fx.admin,
      {
        label: 'Gezinshuis (kleinschalig)',
        marker: 'out_of_home',
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response.json<ReferenceList>().entries.find((e) => e.code === 'gezinshuis'),
    ).toMatchObject({ label: 'Gezinshuis (kleinschalig)', marker: 'out_of_home' });
    expect((await settings()).find((c) => c.code === 'gezinshuis')?.label).toBe(
      'Gezinshuis (kleinschalig)',
    );
    const type = await call(
      'PUT',
      '/api/reference-lists/institution_type/entries/other',
      fx.admin,
      {
        label: 'Andere instelling',
        marker: null,
      },
    );
    expect(type.statusCode, type.body).toBe(200);

    const unknown = await call(
      'PUT',
      '/api/reference-lists/setting_type/entries/nergens',
      fx.admin,
      {
        label: 'Nergens',
        marker: null,
      },
    );
    expect(unknown.statusCode).toBe(404);
    const archiveUnknown = await call(
      'POST',
      '/api/reference-lists/school_type/entries/gezinshuis/archive',
      fx.admin,
      { isArchived: true },
    );
    expect(archiveUnknown.statusCode).toBe(404);
  });

  it('sets the full order of a list, and refuses an order that does not name every code once', async () => {
    const current = (await listOf('school_type')).entries.map((e) => e.code);
    expect(current).toEqual(['regular', 'special', 'none', 'other']);
    const reordered = ['special', 'regular', 'none', 'other'];
    const response = await call('PUT', '/api/reference-lists/school_type/order', fx.admin, {
      codes: reordered,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ReferenceList>().entries.map((e) => e.code)).toEqual(reordered);
    expect(
      (await caseReference()).timelineCategories
        .filter((c) => c.list === 'school_type')
        .map((c) => c.code),
    ).toEqual(reordered);

    const missing = await call('PUT', '/api/reference-lists/school_type/order', fx.admin, {
      codes: ['special', 'regular', 'none'],
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.details.reason).toBe('order_mismatch');
    const foreign = await call('PUT', '/api/reference-lists/school_type/order', fx.admin, {
      codes: ['special', 'regular', 'none', 'foster_family'],
    });
    expect(foreign.statusCode).toBe(409);
    const twice = await call('PUT', '/api/reference-lists/school_type/order', fx.admin, {
      codes: ['special', 'special', 'none', 'other'],
    });
    expect(twice.statusCode).toBe(400);
    expect((await listOf('school_type')).entries.map((e) => e.code)).toEqual(reordered);

    const types = (await listOf('institution_type')).entries.map((e) => e.code);
    const reversed = [...types].reverse();
    const typeOrder = await call('PUT', '/api/reference-lists/institution_type/order', fx.admin, {
      codes: reversed,
    });
    expect(typeOrder.statusCode, typeOrder.body).toBe(200);
    expect((await caseReference()).institutionTypes.map((t) => t.code)).toEqual(reversed);
  });

  it('archives and restores an entry; case screens still get its label, flagged as archived', async () => {
    const archived = await call(
      'POST',
      '/api/reference-lists/justice_measure/entries/voogdij/archive',
      fx.admin,
      { isArchived: true },
    );
    expect(archived.statusCode, archived.body).toBe(200);
    expect(
      archived.json<ReferenceList>().entries.find((e) => e.code === 'voogdij')?.isArchived,
    ).toBe(true);
    expect(
      (await caseReference()).timelineCategories.find(
        (c) => c.list === 'justice_measure' && c.code === 'voogdij',
      ),
    ).toMatchObject({ label: 'Voogdij', isArchived: true });
    // An archived code is still taken.
    const again = await call('POST', '/api/reference-lists/justice_measure/entries', fx.admin, {
      code: 'voogdij',
      label: 'Voogdij (nieuw)',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('duplicate_code');
    const restored = await call(
      'POST',
      '/api/reference-lists/justice_measure/entries/voogdij/archive',
      fx.admin,
      { isArchived: false },
    );
    expect(restored.statusCode).toBe(200);
    expect((await storedCategory('justice_measure', 'voogdij'))?.archivedAt).toBeNull();
  });

  it('is for administrators only: other roles get 404, anonymous callers 401', async () => {
    const others = [
      fx.researcher,
      await loginAs(test, 'professional'),
      await loginAs(test, 'policymaker'),
      await loginAs(test, 'expert_by_experience'),
      await loginAs(test, 'participant'),
    ];
    const routes: ['GET' | 'POST' | 'PUT', string, object?][] = [
      ['GET', '/api/reference-lists'],
      ['POST', '/api/reference-lists/setting_type/entries', { code: 'stiekem', label: 'Stiekem' }],
      ['PUT', '/api/reference-lists/setting_type/entries/jji', { label: 'Weg', marker: null }],
      ['POST', '/api/reference-lists/setting_type/entries/jji/archive', { isArchived: true }],
      ['PUT', '/api/reference-lists/school_type/order', { codes: ['other'] }],
    ];
    for (const [method, url, payload] of routes) {
      for (const session of others) {
        const response = await call(method, url, session, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json().error.code).toBe('NOT_FOUND');
      }
      expect((await call(method, url, null, payload)).statusCode).toBe(401);
    }
    expect(await storedCategory('setting_type', 'stiekem')).toBeUndefined();
    expect((await storedCategory('setting_type', 'jji'))?.label).toBe(
      'Justitiële jeugdinrichting (JJI)',
    );
  });

  it('recomputes the indicators of every case that uses an entry when its marker changes', async () => {
    // A new setting without a marker: a period in it is not a placement.
    await call('POST', '/api/reference-lists/setting_type/entries', fx.admin, {
      code: 'logeerhuis',
      label: 'Logeerhuis',
      marker: null,
    });
    const added = await call(
      'POST',
      `/api/cases/${fx.caseId}/timeline/items`,
      fx.researcher,
      livingPeriod('logeerhuis', 'logeerhuis Zon', 2018),
    );
    expect(added.statusCode, added.body).toBe(201);
    // The foster family of the first test is one placement.
    expect((await timeline(fx.caseId)).indicators.placements).toBe(1);
    expect((await indicatorsOf(fx.caseId))?.placements).toBe(1);

    const marked = await call(
      'PUT',
      '/api/reference-lists/setting_type/entries/logeerhuis',
      fx.admin,
      {
        label: 'Logeerhuis',
        marker: 'out_of_home',
      },
    );
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await indicatorsOf(fx.caseId))?.placements).toBe(2);
    expect((await timeline(fx.caseId)).indicators.placements).toBe(2);

    // Unmarking an entry with items counts them out again; a relabel alone recomputes nothing.
    await call('PUT', '/api/reference-lists/setting_type/entries/foster_family', fx.admin, {
      label: 'Pleeggezin',
      marker: null,
    });
    expect((await indicatorsOf(fx.caseId))?.placements).toBe(1);
    const computedAt = (await indicatorsOf(fx.caseId))?.computedAt;
    await call('PUT', '/api/reference-lists/setting_type/entries/foster_family', fx.admin, {
      label: 'Pleeggezin (bestand)',
      marker: null,
    });
    expect((await indicatorsOf(fx.caseId))?.computedAt).toEqual(computedAt);
    await call('PUT', '/api/reference-lists/setting_type/entries/foster_family', fx.admin, {
      label: 'Pleeggezin',
      marker: 'out_of_home',
    });
    expect((await timeline(fx.caseId)).indicators.placements).toBe(2);
  });

  it('refuses an archived entry for new choices but keeps it on items and cases that have it', async () => {
    const archive = await call(
      'POST',
      '/api/reference-lists/setting_type/entries/logeerhuis/archive',
      fx.admin,
      { isArchived: true },
    );
    expect(archive.statusCode, archive.body).toBe(200);

    const fresh = await call(
      'POST',
      `/api/cases/${fx.caseId}/timeline/items`,
      fx.researcher,
      livingPeriod('logeerhuis', 'logeerhuis Maan', 2020),
    );
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().error.details.fields).toEqual([
      { path: 'categoryCode', message: 'Kies een soort uit de lijst.' },
    ]);

    const items = (await timeline(fx.caseId)).items;
    const kept = items.find((i) => i.categoryCode === 'logeerhuis')!;
    const keptSave = await call(
      'PUT',
      `/api/cases/${fx.caseId}/timeline/items/${kept.id}`,
      fx.researcher,
      { ...livingPeriod('logeerhuis', 'logeerhuis Zon (weekend)', 2018), version: kept.version },
    );
    expect(keptSave.statusCode, keptSave.body).toBe(200);
    expect(keptSave.json().categoryCode).toBe('logeerhuis');

    const other = items.find((i) => i.categoryCode === 'foster_family')!;
    const switched = await call(
      'PUT',
      `/api/cases/${fx.caseId}/timeline/items/${other.id}`,
      fx.researcher,
      { ...livingPeriod('logeerhuis', 'pleeggezin A'), version: other.version },
    );
    expect(switched.statusCode).toBe(400);
    expect(switched.json().error.details.fields[0].path).toBe('categoryCode');

    // The archived entry still counts: the indicators did not change by archiving.
    expect((await timeline(fx.caseId)).indicators.placements).toBe(2);

    // An archived institution type is not chosen for a new case.
    await call(
      'POST',
      '/api/reference-lists/institution_type/entries/gesloten_ggz/archive',
      fx.admin,
      {
        isArchived: true,
      },
    );
    const opened = await call('POST', '/api/cases', fx.researcher, {
      programmeId: fx.programmeId,
      teamId: fx.teamId,
      institutionType: 'gesloten_ggz',
      regionCode: 'JZ16',
      birthYear: 2011,
    });
    expect(opened.statusCode).toBe(400);
    expect(opened.json().error.details.fields[0].path).toBe('institutionType');
    const stored = await test.database.db
      .select()
      .from(institutionTypes)
      .where(eq(institutionTypes.code, 'gesloten_ggz'));
    expect(stored[0]?.archivedAt).not.toBeNull();
  });
});
