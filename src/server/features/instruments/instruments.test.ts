import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { headersOf, type Session } from '../../testing/fixtures';
import {
  instrumentContentSchema,
  type InstrumentContent,
  type InstrumentDocument,
} from '../../../shared/contract/instruments';
import { accessLog } from '../audit/schema';
import { defaultInstruments } from './default-instruments';
import { instrumentVersions } from './schema';

// The guidelines of the Richtlijnen Jeugdhulp en Jeugdbescherming the default checklist names.
const knownGuidelines = new Set([
  'Richtlijn Samen met ouders en jeugdige beslissen over passende hulp',
  'Richtlijn Gezinnen met meervoudige en complexe problemen',
  'Richtlijn Uithuisplaatsing en terugplaatsing',
  'Richtlijn Jeugdhulp met verblijf',
  'Richtlijn Kinderen van ouders met psychische en/of verslavingsproblemen',
  'Richtlijn Scheiding en problemen van jeugdigen',
]);

describe('the default instruments', () => {
  it('pass the content schema, name only real guidelines, and cover the six analysis domains', () => {
    for (const instrument of defaultInstruments) {
      const parsed = instrumentContentSchema.safeParse(instrument.content);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    const checklist = instrumentContentSchema.parse(defaultInstruments[0]!.content);
    const guidelines = checklist.sections.flatMap((s) => s.items.flatMap((i) => i.guideline ?? []));
    expect(guidelines.length).toBeGreaterThan(5);
    for (const guideline of guidelines) expect(knownGuidelines).toContain(guideline);
    const types = new Set(checklist.sections.flatMap((s) => s.items.map((i) => i.answer.type)));
    expect([...types].sort()).toEqual(['choice', 'date', 'number', 'text', 'ynpu']);
    const domains = instrumentContentSchema.parse(defaultInstruments[1]!.content);
    expect(domains.sections.map((s) => s.title)).toEqual([
      'Kind zelf',
      'Ouders',
      'Gezinssysteem',
      'School en onderwijs',
      'Netwerk en omgeving',
      'Hulpverleningsgeschiedenis',
    ]);
  });
});

describe.each(testDatabaseKinds())('versioned instruments (%s)', (kind) => {
  let test: TestApp;
  let admin: Session;
  let researcher: Session;
  let checklistId: string;
  let domainsId: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    admin = await loginAs(test, 'admin');
    researcher = await loginAs(test, 'researcher');
    const list = (await call('GET', '/api/instruments', admin)).json();
    checklistId = list.items.find((i: { kind: string }) => i.kind === 'dossier_checklist').id;
    domainsId = list.items.find((i: { kind: string }) => i.kind === 'analysis_domains').id;
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const versionCount = async (instrumentId: string) =>
    (
      await test.database.db
        .select({ n: count() })
        .from(instrumentVersions)
        .where(eq(instrumentVersions.instrumentId, instrumentId))
    )[0]!.n;
  const base = (id: string) => `/api/instruments/${id}`;

  it('starts with both defaults published as version 1, readable by staff only', async () => {
    const list = await call('GET', '/api/instruments', researcher);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((i: { code: string; latestPublishedNumber: number }) => [
          i.code,
          i.latestPublishedNumber,
        ]),
    ).toEqual([
      ['analysis-domains', 1],
      ['dossier-checklist', 1],
    ]);
    const v1 = await call('GET', `${base(checklistId)}/versions/1`, researcher);
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ number: 1, status: 'published', kind: 'dossier_checklist' });
    expect(v1.json().content.title).toBe('Dossierchecklist Ketenbreed leren');
    const detail = (await call('GET', base(checklistId), researcher)).json();
    expect(detail.abilities).toEqual({ manage: false });
    for (const role of ['policymaker', 'participant'] as const) {
      const other = await loginAs(test, role);
      expect((await call('GET', '/api/instruments', other)).statusCode).toBe(404);
      expect((await call('GET', `${base(checklistId)}/versions/1`, other)).statusCode).toBe(404);
    }
    // Staff read, administrators manage: a researcher's edit is a 404 before the body is read.
    expect((await call('POST', `${base(checklistId)}/draft`, researcher, {})).statusCode).toBe(404);
    expect((await call('PUT', `${base(checklistId)}/draft`, researcher, {})).statusCode).toBe(404);
    expect((await call('GET', `${base(checklistId)}/versions/9`, admin)).statusCode).toBe(404);
  });

  it('edits a draft with optimistic concurrency and publishes it as an immutable new version', async () => {
    const v1 = (await call('GET', `${base(checklistId)}/versions/1`, admin)).json();
    const started = await call('POST', `${base(checklistId)}/draft`, admin, {});
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ number: 2, status: 'draft', revision: 1 });
    expect(started.json().content).toEqual(v1.content);
    const second = await call('POST', `${base(checklistId)}/draft`, admin, {});
    expect(second.statusCode).toBe(409);

    const content: InstrumentContent = structuredClone(v1.content);
    content.sections[0]!.items[0]!.question = 'Is de hulpvraag van het gezin beschreven?';
    const edited = await call('PUT', `${base(checklistId)}/draft`, admin, { content, revision: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().revision).toBe(2);

    const staleContent = structuredClone(content);
    staleContent.sections[0]!.title = 'Iets anders';
    const stale = await call('PUT', `${base(checklistId)}/draft`, admin, {
      content: staleContent,
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json().error;
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details.current).toMatchObject({ revision: 2, status: 'draft' });
    expect(conflict.details.current.content.sections[0].items[0].question).toBe(
      'Is de hulpvraag van het gezin beschreven?',
    );
    expect(conflict.details.yours.revision).toBe(1);
    expect(conflict.details.yours.content.sections[0].title).toBe('Iets anders');

    expect(
      (await call('POST', `${base(checklistId)}/draft/publish`, admin, { revision: 1 })).statusCode,
    ).toBe(409);
    const published = await call('POST', `${base(checklistId)}/draft/publish`, admin, {
      revision: 2,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ number: 2, status: 'published' });
    expect(published.json().publishedAt).toBe(now.toISOString());
    expect(published.json().publishedBy).toMatch(/admin/i);

    // Version 1 is untouched; nothing can edit the published version 2 any more.
    expect((await call('GET', `${base(checklistId)}/versions/1`, admin)).json().content).toEqual(
      v1.content,
    );
    const afterPublish = await call('PUT', `${base(checklistId)}/draft`, admin, {
      content,
      revision: 2,
    });
    expect(afterPublish.statusCode).toBe(409);
    await expect(
      test.database.db.execute(
        sql`update instrument_versions set content = '{}'::jsonb where instrument_id = ${checklistId} and number = 2`,
      ),
    ).rejects.toThrow();
    const detail = (await call('GET', base(checklistId), admin)).json();
    expect(detail).toMatchObject({ latestPublishedNumber: 2, draftNumber: null });
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    const logged = await test.database.db
      .select({ action: accessLog.action, grounds: accessLog.grounds })
      .from(accessLog)
      .where(
        and(eq(accessLog.userId, admin.user.id), eq(accessLog.resourceType, 'instrument_version')),
      );
    expect(logged.filter((e) => e.action === 'create')).toHaveLength(1);
    expect(logged.filter((e) => e.action === 'update')).toHaveLength(2);
    expect(new Set(logged.map((e) => e.grounds))).toContain('administrator');
  });

  it('keeps an item key to its answer type across versions', async () => {
    const draft = (await call('POST', `${base(checklistId)}/draft`, admin, {})).json();
    const content: InstrumentContent = structuredClone(draft.content);
    content.sections[0]!.items[0]!.answer = { type: 'text' };
    const refused = await call('PUT', `${base(checklistId)}/draft`, admin, {
      content,
      revision: draft.revision,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({
      reason: 'KEY_TYPE_CHANGED',
      fields: [{ path: 'content.sections.0.items.0.answer.type' }],
    });
    const discarded = await call(
      'DELETE',
      `${base(checklistId)}/draft?revision=${draft.revision}`,
      admin,
    );
    expect(discarded.statusCode, discarded.body).toBe(204);
  });

  it('exports a version as JSON and imports it again as a new draft', async () => {
    const exported = await call('GET', `${base(checklistId)}/versions/2/export`, researcher);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-disposition']).toContain('dossier-checklist-v2.json');
    const document = exported.json() as InstrumentDocument;
    expect(document).toMatchObject({
      format: 'ketenlens-instrument',
      formatVersion: 1,
      code: 'dossier-checklist',
      kind: 'dossier_checklist',
      number: 2,
    });
    const imported = await call('POST', `${base(checklistId)}/import`, admin, document);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ number: 3, status: 'draft' });
    expect(imported.json().content).toEqual(document.content);
    const published = await call('POST', `${base(checklistId)}/draft/publish`, admin, {
      revision: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    const again = (await call('GET', `${base(checklistId)}/versions/3/export`, admin)).json();
    expect(again).toEqual({ ...document, number: 3 });
  });

  it('refuses a bad import with a 400 naming the first problem, storing nothing', async () => {
    const document = (
      await call('GET', `${base(checklistId)}/versions/1/export`, admin)
    ).json() as InstrumentDocument;
    const before = await versionCount(checklistId);
    const duplicate = structuredClone(document);
    duplicate.content.sections[0]!.items[1]!.key = duplicate.content.sections[0]!.items[0]!.key;
    const emptySection = structuredClone(document);
    emptySection.content.sections[2]!.items = [];
    const choice = structuredClone(document);
    const choiceItem = choice.content.sections[0]!.items[1]!;
    if (choiceItem.answer.type !== 'choice') throw new Error('expected a choice item');
    choiceItem.answer.options[1]!.code = choiceItem.answer.options[0]!.code;
    const cases: [object, string][] = [
      [duplicate, 'content.sections.0.items.1.key'],
      [emptySection, 'content.sections.2.items'],
      [choice, 'content.sections.0.items.1.answer.options.1.code'],
      [{ ...document, format: 'iets' }, 'format'],
      [
        {
          ...document,
          content: { ...document.content, sections: [{ key: 'x', title: 'X', items: [{}] }] },
        },
        'content.sections.0.items.0.key',
      ],
    ];
    for (const [payload, path] of cases) {
      const response = await call('POST', `${base(checklistId)}/import`, admin, payload);
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.fields[0].path).toBe(path);
    }
    const wrongKind = await call('POST', `${base(domainsId)}/import`, admin, document);
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details.fields[0].path).toBe('kind');
    expect(await versionCount(checklistId)).toBe(before);
    expect(await versionCount(domainsId)).toBe(1);
  });

  it('loads a licensed factor list as a new version of the domain set, keeping version 1', async () => {
    const licensed: InstrumentDocument = {
      format: 'ketenlens-instrument',
      formatVersion: 1,
      code: 'analysis-domains',
      kind: 'analysis_domains',
      content: {
        title: '7-factorenmodel (gelicentieerde lijst)',
        sections: Array.from({ length: 7 }, (_, index) => ({
          key: `factor_${index + 1}`,
          title: `Factor ${index + 1}`,
          items: [
            {
              key: `factor_${index + 1}_toelichting`,
              question: `Wat speelt er bij factor ${index + 1}?`,
              help: '',
              answer: { type: 'text' as const },
            },
          ],
        })),
      },
    };
    const imported = await call('POST', `${base(domainsId)}/import`, admin, licensed);
    expect(imported.statusCode, imported.body).toBe(201);
    const published = await call('POST', `${base(domainsId)}/draft/publish`, admin, {
      revision: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    const detail = (await call('GET', base(domainsId), researcher)).json();
    expect(detail).toMatchObject({
      latestPublishedNumber: 2,
      title: '7-factorenmodel (gelicentieerde lijst)',
    });
    const v1 = (await call('GET', `${base(domainsId)}/versions/1`, researcher)).json();
    expect(v1.content.sections).toHaveLength(6);
  });

  it('creates a new instrument from a document, refusing a code that exists', async () => {
    const document = (
      await call('GET', `${base(checklistId)}/versions/1/export`, admin)
    ).json() as InstrumentDocument;
    const created = await call('POST', '/api/instruments', admin, {
      ...document,
      code: 'regionale-checklist',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'regionale-checklist',
      number: 1,
      status: 'draft',
    });
    const again = await call('POST', '/api/instruments', admin, {
      ...document,
      code: 'regionale-checklist',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.fields[0].path).toBe('code');
  });
});
