// Interviews and coding through the API: interview consent enforced, transcripts by content type,
// the codebook (tree, loop refusal, merge, split, archive, snapshots), blind coding by two coders
// with agreement checked against hand-computed figures, quotes that disappear with the quote
// consent, undo and redo, memos, the cross-case views and Dutch search limited to what the user
// may see, and the withdrawal of interview consent removing the interviews.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf, type Session } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import {
  agreementSchema,
  codebookSchema,
  interviewListSchema,
  sourceDetailSchema,
  type Code,
  type InterviewList,
  type SourceDetail,
} from '../../../shared/contract/coding';
import { sliceByCodePoints } from '../../../shared/domain/text-offsets';
import { interviews, qdaCodes, qdaSegments, qdaSources } from './schema';

const transcript = [
  'Interviewer: Hoe ging het op de groep?',
  'Jongere: Eerst was het zwaar 😞, ik mocht niet naar school.',
  'Jongere: Later kwam er een mentor die écht luisterde 😀 en dat hielp.',
  'Interviewer: Wat vond je van de gesprekken met je moeder?',
  'Jongere: De gesprekken met mijn moeder waren moeilijk.',
].join('\n');

describe.each(testDatabaseKinds())('interviews and coding (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let expert: Session;
  let youthId: string;
  let parentId: string;
  let interviewId: string;
  let sourceId: string;
  const now = new Date('2026-06-01T09:00:00Z');
  const codes: Record<string, Code> = {};

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2008 });
    expert = await loginAs(test, 'expert_by_experience');
    await fx.call(fx.admin, 'PUT', `/api/teams/${fx.teamId}/members`, {
      userId: expert.user.id,
      roleLabel: 'action_learner',
    });
    youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    parentId = await fx.addParticipant({ kind: 'parent', label: 'moeder', hasAuthority: true });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    session: AuthHeaders = fx.researcher,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const giveConsent = (participantId: string, purpose: string) =>
    fx.call(fx.researcher, 'POST', `/api/cases/${fx.caseId}/consents`, {
      participantId,
      purpose,
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
  const interviewsUrl = () => `/api/cases/${fx.caseId}/interviews`;
  const source = async (session: AuthHeaders = fx.researcher) => {
    const response = await call('GET', `/api/sources/${sourceId}`, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SourceDetail;
  };
  /** Code-point offsets of a phrase in the transcript. */
  const rangeOf = (phrase: string) => {
    const utf16 = transcript.indexOf(phrase);
    expect(utf16).toBeGreaterThanOrEqual(0);
    const start = [...transcript.slice(0, utf16)].length;
    return { start, end: start + [...phrase].length };
  };

  it('refuses an interview without interview consent, and says why', async () => {
    const refused = await call('POST', interviewsUrl(), fx.researcher, {
      participantId: youthId,
      heldOn: '2026-05-10',
      mode: 'in_person',
      transcript,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CONSENT_MISSING');
    expect(refused.json().error.message).toMatch(/zelf toestemming/);
    expect((await test.database.db.select({ n: count() }).from(interviews))[0]!.n).toBe(0);
  });

  it('records an interview with its transcript once the youth has consented', async () => {
    await giveConsent(youthId, 'interview');
    const list = await call('GET', interviewsUrl());
    expect((list.json() as InterviewList).interviewable.map((p) => p.id)).toEqual([youthId]);
    const created = await call('POST', interviewsUrl(), fx.researcher, {
      participantId: youthId,
      heldOn: '2026-05-10',
      interviewerId: fx.researcher.user.id,
      mode: 'in_person',
      transcript: `\uFEFF${transcript.replaceAll('\n', '\r\n')}`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = interviewListSchema.parse(created.json());
    expect(body.items).toHaveLength(1);
    const item = body.items[0]!;
    expect(item.perspective).toBe('youth');
    expect(item.length).toBe([...transcript].length);
    expect(item.interviewerName).toBeTruthy();
    interviewId = item.id;
    sourceId = item.sourceId;
    // Stored as Unicode without BOM and with LF line ends: the offsets are stable.
    expect((await source()).text).toBe(transcript);
    const outsider = await call('GET', interviewsUrl(), fx.outsider);
    expect(outsider.statusCode).toBe(404);
    expect((await call('GET', `/api/sources/${sourceId}`, fx.outsider)).statusCode).toBe(404);
    const parent = await call('POST', interviewsUrl(), fx.researcher, {
      participantId: parentId,
      heldOn: '2026-05-11',
      mode: 'phone',
    });
    expect(parent.statusCode).toBe(403);
  });

  it('reads a transcript file by its content, not its name, and refuses what is not one', async () => {
    const extra = await call('POST', interviewsUrl(), fx.researcher, {
      participantId: youthId,
      heldOn: '2026-05-12',
      mode: 'video',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const second = (extra.json() as InterviewList).items.find((i) => i.heldOn === '2026-05-12')!;
    const url = `${interviewsUrl()}/${second.id}/transcript`;
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Jongere: Op school ging het beter.')] }),
            new Paragraph({ children: [new TextRun('Moeder: Dat klopt, één keer per week 😀.')] }),
          ],
        },
      ],
    });
    const docx = await Packer.toBuffer(doc);
    const uploaded = await test.app.inject({
      method: 'PUT',
      url,
      headers: { ...headersOf(fx.researcher), 'content-type': 'application/octet-stream' },
      payload: docx,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().format).toBe('docx');
    const stored = await test.database.db
      .select({ body: qdaSources.body })
      .from(qdaSources)
      .where(eq(qdaSources.id, second.sourceId));
    expect(stored[0]!.body).toContain('één keer per week 😀');
    const pdf = await test.app.inject({
      method: 'PUT',
      url,
      headers: { ...headersOf(fx.researcher), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toMatch(/PDF/);
    const after = await test.database.db
      .select({ body: qdaSources.body })
      .from(qdaSources)
      .where(eq(qdaSources.id, second.sourceId));
    expect(after[0]!.body).toBe(stored[0]!.body);
    // Removed again: the rest of the test works on the first interview.
    expect((await call('DELETE', `${interviewsUrl()}/${second.id}`)).statusCode).toBe(200);
  });

  it('keeps a codebook tree: no duplicate names among siblings, no code under itself', async () => {
    const codebook = `/api/programmes/${fx.programmeId}`;
    const add = async (name: string, parentId: string | null = null, color = '#aa3300') => {
      const response = await call('POST', `${codebook}/codes`, fx.researcher, {
        name,
        parentId,
        color,
        definition: `Definitie van ${name}`,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Code;
    };
    codes.school = await add('School');
    codes.mentor = await add('Steun van een mentor', codes.school.id, '#3366CC');
    codes.family = await add('Gezin');
    codes.talks = await add('Gesprekken', codes.family.id);
    codes.hard = await add('Moeilijk');
    expect(codes.mentor.color).toBe('#3366cc');
    const twice = await call('POST', `${codebook}/codes`, fx.researcher, {
      name: 'school',
      parentId: null,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.fields[0].path).toBe('name');
    const loop = await call('PUT', `${codebook}/codes/${codes.school.id}`, fx.researcher, {
      name: 'School',
      parentId: codes.mentor.id,
      version: codes.school.version,
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/onder zichzelf/);
    const stale = await call('PUT', `${codebook}/codes/${codes.school.id}`, fx.researcher, {
      name: 'Onderwijs',
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('School');
    const mine = (await call('GET', '/api/coding/programmes')).json().items;
    expect(mine.map((p: { id: string }) => p.id)).toEqual([fx.programmeId]);
    const book = codebookSchema.parse((await call('GET', `${codebook}/codebook`)).json());
    expect(book.codes).toHaveLength(5);
    expect(book.abilities).toEqual({ manage: true, exchange: true });
    // The expert by experience reads it but does not keep it; a stranger's programme is a 404.
    const asExpert = codebookSchema.parse(
      (await call('GET', `${codebook}/codebook`, expert)).json(),
    );
    expect(asExpert.abilities.manage).toBe(false);
    const stranger = await loginAs(test, 'researcher');
    expect((await call('GET', '/api/coding/programmes', stranger)).json().items).toEqual([]);
    expect((await call('GET', `${codebook}/codebook`, stranger)).statusCode).toBe(404);
    expect((await call('POST', `${codebook}/codes`, stranger, { name: 'x' })).statusCode).toBe(404);
  });

  it('codes blind: two coders see only their own work until they compare; agreement is right', async () => {
    const blind = await call('PUT', `/api/sources/${sourceId}/blind`, fx.researcher, {
      blind: true,
    });
    expect(blind.statusCode, blind.body).toBe(200);
    expect(sourceDetailSchema.parse(blind.json()).blind).toBe(true);
    const mentor = rangeOf('een mentor die écht luisterde 😀');
    const heavy = rangeOf('Eerst was het zwaar 😞');
    // Researcher: mentor phrase with "Steun van een mentor"; the heavy phrase with "Moeilijk".
    for (const [range, codeIds] of [
      [mentor, [codes.mentor!.id, codes.school!.id]],
      [heavy, [codes.hard!.id]],
    ] as const) {
      const response = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
        ...range,
        codeIds,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    // Expert: a longer mentor range (10 more code points before) and nothing with "Moeilijk".
    const expertRange = { start: mentor.start - 10, end: mentor.end };
    const coded = await call('POST', `/api/sources/${sourceId}/segments`, expert, {
      ...expertRange,
      codeIds: [codes.mentor!.id],
    });
    expect(coded.statusCode, coded.body).toBe(201);
    const segment = coded.json().segments[0];
    expect(sliceByCodePoints(transcript, segment.start, segment.end)).toBe(
      'r kwam er een mentor die écht luisterde 😀',
    );

    const mine = await source(fx.researcher);
    expect(mine.segments).toHaveLength(3);
    expect(mine.segments.every((s) => s.coderId === fx.researcher.user.id)).toBe(true);
    expect(mine.hiddenSegments).toBe(1);
    expect(mine.revealed).toBe(false);
    const theirs = await source(expert);
    expect(theirs.segments).toHaveLength(1);
    expect(theirs.hiddenSegments).toBe(3);
    // Another coder's segment does not exist for someone coding blind.
    const foreign = mine.segments[0]!.id;
    expect((await call('DELETE', `/api/segments/${foreign}`, expert)).statusCode).toBe(404);

    const agreementUrl = `/api/sources/${sourceId}/agreement?coderA=${fx.researcher.user.id}&coderB=${expert.user.id}`;
    const early = await call('GET', agreementUrl);
    expect(early.statusCode).toBe(409);
    const revealed = await call('POST', `/api/sources/${sourceId}/reveal`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(sourceDetailSchema.parse(revealed.json()).segments).toHaveLength(4);
    // The expert still codes blind: they have not chosen to compare.
    expect((await source(expert)).segments).toHaveLength(1);

    const result = agreementSchema.parse((await call('GET', agreementUrl)).json());
    expect(result.unit).toBe('character');
    const n = [...transcript].length;
    const len = mentor.end - mentor.start;
    // Hand-computed, "Steun van een mentor": both coded `len` code points, only the expert 10.
    const m = result.perCode.find((c) => c.codeId === codes.mentor!.id)!;
    expect(m).toMatchObject({ n, bothCoded: len, onlyA: 0, onlyB: 10, neither: n - len - 10 });
    const po = (n - 10) / n;
    const pA = len / n;
    const pB = (len + 10) / n;
    const pe = pA * pB + (1 - pA) * (1 - pB);
    expect(m.percentAgreement).toBeCloseTo(po, 10);
    expect(m.kappa).toBeCloseTo((po - pe) / (1 - pe), 10);
    // "Moeilijk": only the researcher coded it, so the expert disagrees on all of it.
    const hard = result.perCode.find((c) => c.codeId === codes.hard!.id)!;
    expect(hard).toMatchObject({ bothCoded: 0, onlyA: heavy.end - heavy.start, onlyB: 0 });
    expect(hard.kappa).toBe(0);
    expect(result.pooled.n).toBe(n * result.perCode.length);
  });

  it('undoes and redoes a coding, and marks a quote usable only with quote consent', async () => {
    const talks = rangeOf('De gesprekken met mijn moeder waren moeilijk.');
    const created = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
      ...talks,
      codeIds: [codes.talks!.id],
      quote: true,
      important: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().segments[0].id;
    expect(created.json().segments[0].quoteUsable).toBe(false);
    const quotes = async () => (await call('GET', `/api/cases/${fx.caseId}/quotes`)).json().items;
    expect(await quotes()).toEqual([]);
    const consent = await giveConsent(youthId, 'quotes');
    expect((await quotes()).map((q: { text: string }) => q.text)).toEqual([
      'De gesprekken met mijn moeder waren moeilijk.',
    ]);
    const undone = await call('DELETE', `/api/segments/${id}`);
    expect(undone.statusCode).toBe(200);
    expect((undone.json() as SourceDetail).segments.some((s) => s.id === id)).toBe(false);
    const redone = await call('POST', `/api/segments/${id}/restore`);
    expect(redone.statusCode, redone.body).toBe(200);
    expect((redone.json() as SourceDetail).segments.find((s) => s.id === id)?.quoteUsable).toBe(
      true,
    );
    // Withdrawing the quote consent hides the quote everywhere at once; the coding stays.
    const withdrawn = await call(
      'POST',
      `/api/cases/${fx.caseId}/consents/${consent.id}/withdraw`,
      fx.researcher,
      { withdrawnOn: '2026-05-30', confirmRemoval: true },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await quotes()).toEqual([]);
    const after = (await source()).segments.find((s) => s.id === id)!;
    expect(after.quote).toBe(true);
    expect(after.quoteUsable).toBe(false);
    const segments = await call(
      'GET',
      `/api/programmes/${fx.programmeId}/codes/${codes.talks!.id}/segments`,
    );
    expect(segments.json().items[0].quoteUsable).toBe(false);
  });

  it('refuses a segment outside the text or with a foreign code, storing nothing', async () => {
    const before = (await test.database.db.select({ n: count() }).from(qdaSegments))[0]!.n;
    const outside = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
      start: 5,
      end: [...transcript].length + 1,
      codeIds: [codes.school!.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0].path).toBe('end');
    const backwards = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
      start: 9,
      end: 3,
      codeIds: [codes.school!.id],
    });
    expect(backwards.statusCode).toBe(400);
    const foreign = await call('POST', `/api/sources/${sourceId}/segments`, fx.researcher, {
      start: 0,
      end: 3,
      codeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.statusCode).toBe(400);
    expect((await test.database.db.select({ n: count() }).from(qdaSegments))[0]!.n).toBe(before);
  });

  it('keeps memos on segments, codes, sources and cases', async () => {
    const segment = (await source()).segments[0]!;
    for (const [targetType, targetId] of [
      ['segment', segment.id],
      ['code', codes.school!.id],
      ['source', sourceId],
      ['case', fx.caseId],
    ] as const) {
      const created = await call('POST', '/api/memos', fx.researcher, {
        targetType,
        targetId,
        title: `Memo ${targetType}`,
        body: 'Valt op: de mentor maakte het verschil.',
      });
      expect(created.statusCode, created.body).toBe(201);
      const memo = created.json().items[0];
      expect(memo.mine).toBe(true);
      const stale = await call('PUT', `/api/memos/${memo.id}`, fx.researcher, {
        title: 'x',
        body: 'y',
        version: 5,
      });
      expect(stale.statusCode).toBe(409);
    }
    expect((await source()).memos.map((m) => m.targetType).sort()).toEqual(['segment', 'source']);
    const caseMemo = await call(
      'GET',
      `/api/memos?targetType=case&targetId=${fx.caseId}`,
      fx.outsider,
    );
    expect(caseMemo.statusCode).toBe(404);
  });

  it('merges a code into another, moving its segments, and splits one off again', async () => {
    const codebook = `/api/programmes/${fx.programmeId}`;
    const schoolSegments = async () =>
      (
        await test.database.db
          .select({ n: count() })
          .from(qdaSegments)
          .where(and(eq(qdaSegments.codeId, codes.school!.id)))
      )[0]!.n;
    const before = await schoolSegments();
    const current = (await call('GET', `${codebook}/codebook`)).json().codes as Code[];
    const mentor = current.find((c) => c.id === codes.mentor!.id)!;
    const merged = await call('POST', `${codebook}/codes/${mentor.id}/merge`, fx.researcher, {
      intoCodeId: codes.school!.id,
      version: mentor.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // The researcher's mentor segment duplicated their own "School" segment: dropped, not doubled.
    expect(merged.json()).toMatchObject({ moved: 1, dropped: 1 });
    expect(await schoolSegments()).toBe(before + 1);
    const gone = merged.json().codes.find((c: Code) => c.id === mentor.id);
    expect(gone).toMatchObject({ archived: true, mergedInto: codes.school!.id });
    const history = await call('GET', `${codebook}/codes/${mentor.id}/history`);
    expect(history.json().items.map((h: { change: string }) => h.change)).toContain('merged');

    const live = await test.database.db
      .select({ id: qdaSegments.id, coderId: qdaSegments.coderId })
      .from(qdaSegments)
      .where(eq(qdaSegments.codeId, codes.school!.id));
    const expertSegment = live.find((s) => s.coderId === expert.user.id)!;
    const school = (await call('GET', `${codebook}/codebook`))
      .json()
      .codes.find((c: Code) => c.id === codes.school!.id);
    const split = await call('POST', `${codebook}/codes/${codes.school!.id}/split`, fx.researcher, {
      name: 'Mentor (uitgesplitst)',
      segmentIds: [expertSegment.id],
      version: school.version,
    });
    expect(split.statusCode, split.body).toBe(201);
    const [moved] = await test.database.db
      .select({ codeId: qdaSegments.codeId })
      .from(qdaSegments)
      .where(eq(qdaSegments.id, expertSegment.id));
    expect(moved!.codeId).toBe(split.json().id);

    const snapshot = await call('POST', `${codebook}/codebook/snapshots`, fx.researcher, {
      label: 'Na de eerste ronde',
    });
    expect(snapshot.statusCode, snapshot.body).toBe(201);
    expect(snapshot.json().number).toBe(1);
    expect(snapshot.json().codes.some((c: Code) => c.id === mentor.id)).toBe(false);
  });

  it('shows the matrix, the segments of a code and search only for cases the user reaches', async () => {
    const base = `/api/programmes/${fx.programmeId}`;
    const matrix = await call('GET', `${base}/matrix`);
    expect(matrix.statusCode, matrix.body).toBe(200);
    const body = matrix.json();
    expect(body.rows).toHaveLength(1);
    const family = body.codes.findIndex((c: { id: string }) => c.id === codes.family!.id);
    const talks = rangeOf('De gesprekken met mijn moeder waren moeilijk.');
    expect(body.rows[0].cells[family].count).toBe(1);
    expect(body.rows[0].cells[family].coverage).toBeCloseTo(
      (talks.end - talks.start) / [...transcript].length,
      10,
    );
    expect((await call('GET', `${base}/matrix?perspective=parent`)).json().rows).toHaveLength(0);

    const hits = await call('GET', `${base}/search?q=gesprek`);
    expect(hits.statusCode, hits.body).toBe(200);
    expect(hits.json().total).toBe(1);
    const marked = hits
      .json()
      .items[0].snippet.filter((p: { match: boolean }) => p.match)
      .map((p: { text: string }) => p.text);
    expect(marked).toContain('gesprekken');

    // The outsider is in the programme (another team) but does not reach this case.
    expect((await call('GET', `${base}/search?q=gesprek`, fx.outsider)).json().total).toBe(0);
    expect((await call('GET', `${base}/matrix`, fx.outsider)).json().rows).toHaveLength(0);
    expect(
      (await call('GET', `${base}/codes/${codes.talks!.id}/segments`, fx.outsider)).json().total,
    ).toBe(0);
    const bad = await call('GET', `${base}/search?q=x`);
    expect(bad.statusCode).toBe(400);

    const logged = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.resourceType, 'qda_source'), eq(accessLog.caseId, fx.caseId)));
    expect(logged[0]!.n).toBeGreaterThan(0);
  });

  it('refuses to replace a coded transcript', async () => {
    const replaced = await call(
      'PUT',
      `${interviewsUrl()}/${interviewId}/transcript`,
      fx.researcher,
      {
        text: 'Nieuwe tekst',
      },
    );
    expect(replaced.statusCode).toBe(409);
    expect((await source()).text).toBe(transcript);
  });

  it('removes the interviews with their codings when the interview consent is withdrawn', async () => {
    const consents = (await call('GET', `/api/cases/${fx.caseId}`)).json().consents as {
      id: string;
      purpose: string;
      withdrawnOn: string | null;
    }[];
    const interviewConsent = consents.find((c) => c.purpose === 'interview' && !c.withdrawnOn)!;
    const preview = await call(
      'GET',
      `/api/cases/${fx.caseId}/consents/${interviewConsent.id}/withdrawal-preview`,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().removes).toHaveLength(1);
    expect(preview.json().removes[0].description).toMatch(/Interview van 2026-05-10/);
    const withdrawn = await call(
      'POST',
      `/api/cases/${fx.caseId}/consents/${interviewConsent.id}/withdraw`,
      fx.researcher,
      { withdrawnOn: '2026-05-31', confirmRemoval: true },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await test.database.db.select({ n: count() }).from(interviews))[0]!.n).toBe(0);
    expect(
      (
        await test.database.db
          .select({ n: count() })
          .from(qdaSegments)
          .where(eq(qdaSegments.sourceId, sourceId))
      )[0]!.n,
    ).toBe(0);
    expect((await call('GET', `/api/sources/${sourceId}`)).statusCode).toBe(404);
    // The codebook stays: it is the programme's, not the case's.
    expect((await test.database.db.select({ n: count() }).from(qdaCodes))[0]!.n).toBeGreaterThan(0);
  });
});
