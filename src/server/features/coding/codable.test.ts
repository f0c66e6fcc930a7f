// Reflections of a review meeting and dossier evidence become codable sources: a snapshot that is
// brought up to date while uncoded and versioned once coded; dossier evidence only with dossier
// consent, and removed (with its codings) when that consent is withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import type { CodableOrigins, Code, SourceDetail } from '../../../shared/contract/coding';
import { qdaSegments, qdaSources } from './schema';

describe.each(testDatabaseKinds())(
  'reflections and dossier evidence as codable sources (%s)',
  (kind) => {
    let test: TestApp;
    let fx: Awaited<ReturnType<typeof caseFixture>>;
    let youthId: string;
    let meetingId: string;
    let contributionId: string;
    let code: Code;
    const now = new Date('2026-06-01T09:00:00Z');

    beforeAll(async () => {
      test = await createTestApp(kind, { clock: () => now });
      fx = await caseFixture(test, { birthYear: 2008 });
      youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
      code = (await fx.call(fx.researcher, 'POST', `/api/programmes/${fx.programmeId}/codes`, {
        name: 'Samenwerking',
      })) as unknown as Code;
    });
    afterAll(() => test.close());

    const call = (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      session: AuthHeaders = fx.researcher,
      payload?: object,
    ) =>
      test.app.inject({
        method,
        url,
        headers: headersOf(session),
        ...(payload ? { payload } : {}),
      });
    const take = (payload: object) =>
      call('POST', `/api/cases/${fx.caseId}/codable-sources`, fx.researcher, payload);
    const origins = async () =>
      (await call('GET', `/api/cases/${fx.caseId}/codable-sources`)).json() as CodableOrigins;

    it('takes the reflection of a meeting as one text, headed by part and speaker', async () => {
      const meetings = `/api/cases/${fx.caseId}/meetings`;
      meetingId = (
        await call('POST', meetings, fx.researcher, { plannedAt: '2026-05-20T13:00:00+02:00' })
      ).json().id;
      const empty = await take({ kind: 'meeting_reflection', originId: meetingId });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toMatch(/nog niets opgeschreven/);
      for (const [part, text, speakerRole] of [
        ['hindered', 'De wachtlijst duurde acht maanden.', 'parent'],
        ['went_well', 'De mentor bleef contact houden 😀.', 'youth'],
      ] as const) {
        const added = await call('POST', `${meetings}/${meetingId}/contributions`, fx.researcher, {
          part,
          text,
          speakerRole,
        });
        expect(added.statusCode, added.body).toBe(201);
        contributionId = added
          .json()
          .contributions.find((c: { text: string }) => c.text === text).id;
      }
      const taken = await take({ kind: 'meeting_reflection', originId: meetingId });
      expect(taken.statusCode, taken.body).toBe(201);
      expect(taken.json().created).toBe(true);
      const source = (
        await call('GET', `/api/sources/${taken.json().sourceId}`)
      ).json() as SourceDetail;
      expect(source.kind).toBe('meeting_reflection');
      expect(source.text).toBe(
        'Wat ging goed (jongere): De mentor bleef contact houden 😀.\n\nWat zat in de weg (ouder): De wachtlijst duurde acht maanden.',
      );
      const again = await take({ kind: 'meeting_reflection', originId: meetingId });
      expect(again.json()).toEqual({ sourceId: taken.json().sourceId, created: false });
      expect((await origins()).items[0]!.sources).toHaveLength(1);
      // Quotes come from interviews only.
      const quote = await call('POST', `/api/sources/${source.id}/segments`, fx.researcher, {
        start: 0,
        end: 5,
        codeIds: [code.id],
        quote: true,
      });
      expect(quote.statusCode).toBe(400);
    });

    it('keeps a coded snapshot as it was and takes a changed reflection as a new version', async () => {
      const sourceId = (await origins()).items[0]!.sources[0]!.id;
      const coded = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
        start: 0,
        end: 13,
        codeIds: [code.id],
      });
      expect(coded.statusCode, coded.body).toBe(201);
      const contribution = (await call('GET', `/api/cases/${fx.caseId}/meetings/${meetingId}`))
        .json()
        .contributions.find((c: { id: string }) => c.id === contributionId);
      const changed = await call(
        'PUT',
        `/api/cases/${fx.caseId}/meetings/${meetingId}/contributions/${contributionId}`,
        fx.researcher,
        {
          ...contribution,
          text: 'De mentor bleef elke week contact houden 😀.',
          version: contribution.version,
        },
      );
      expect(changed.statusCode, changed.body).toBe(200);
      const taken = await take({ kind: 'meeting_reflection', originId: meetingId });
      expect(taken.json().created).toBe(true);
      const list = (await origins()).items[0]!.sources;
      expect(list.map((s) => s.name)).toEqual([
        expect.not.stringContaining('versie'),
        expect.stringContaining('(versie 2)'),
      ]);
      const old = (await call('GET', `/api/sources/${sourceId}`)).json() as SourceDetail;
      expect(old.text).toContain('De mentor bleef contact houden');
      expect(old.segments).toHaveLength(1);
    });

    it('offers dossier evidence only with dossier consent and removes it when that consent goes', async () => {
      const dossier = `/api/cases/${fx.caseId}/dossier`;
      expect((await origins()).items.some((o) => o.kind === 'dossier_evidence')).toBe(false);
      const consent = await call('POST', `/api/cases/${fx.caseId}/consents`, fx.researcher, {
        participantId: youthId,
        purpose: 'dossier',
        givenBy: 'self',
        givenOn: '2026-05-01',
        formVersion: 'v1',
      });
      expect(consent.statusCode, consent.body).toBe(201);
      const checklist = (await call('GET', '/api/instruments'))
        .json()
        .items.find((i: { kind: string }) => i.kind === 'dossier_checklist');
      const started = await call('POST', dossier, fx.researcher, {
        instrumentVersionId: checklist.latestPublishedVersionId,
      });
      expect(started.statusCode, started.body).toBe(201);
      const review = started.json().review;
      const itemKey = review.instrument.content.sections[0].items[0].key;
      const saved = await call('PUT', `${dossier}/answers/${itemKey}`, fx.researcher, {
        value: null,
        evidence: 'Vier gezinsvoogden in twee jaar.',
        sourceDocument: 'Plan van aanpak',
        version: 0,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const origin = (await origins()).items.find((o) => o.kind === 'dossier_evidence')!;
      const taken = await take({ kind: 'dossier_evidence', originId: origin.originId });
      expect(taken.statusCode, taken.body).toBe(201);
      const source = (
        await call('GET', `/api/sources/${taken.json().sourceId}`)
      ).json() as SourceDetail;
      expect(source.text).toMatch(/\[Plan van aanpak\]: Vier gezinsvoogden in twee jaar\.$/);
      await call('POST', `/api/sources/${source.id}/segments`, fx.researcher, {
        start: 0,
        end: 4,
        codeIds: [code.id],
      });

      const preview = await call(
        'GET',
        `/api/cases/${fx.caseId}/consents/${consent.json().id}/withdrawal-preview`,
      );
      expect(
        preview
          .json()
          .removes.some((r: { description: string }) =>
            r.description.startsWith('Codeerbare tekst'),
          ),
      ).toBe(true);
      const withdrawn = await call(
        'POST',
        `/api/cases/${fx.caseId}/consents/${consent.json().id}/withdraw`,
        fx.researcher,
        { withdrawnOn: '2026-05-31', confirmRemoval: true },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const left = await test.database.db
        .select({ n: count() })
        .from(qdaSources)
        .where(eq(qdaSources.kind, 'dossier_evidence'));
      expect(left[0]!.n).toBe(0);
      const segments = await test.database.db
        .select({ n: count() })
        .from(qdaSegments)
        .where(eq(qdaSegments.sourceId, source.id));
      expect(segments[0]!.n).toBe(0);
      const refused = await take({ kind: 'dossier_evidence', originId: origin.originId });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('CONSENT_MISSING');
    });
  },
);
