import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { analysisSchema, type Analysis } from '../../../shared/contract/analysis';
import { analysisFactors, analysisHypotheses } from './schema';

describe.each(testDatabaseKinds())('explanatory analysis (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    fx = await caseFixture(test, { birthYear: 2009 });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders = fx.researcher,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const url = (rest = '') => `/api/cases/${fx.caseId}/analysis${rest}`;
  const body = (response: { json: () => unknown }) => response.json() as Analysis;
  const factorCount = async () =>
    (await test.database.db.select({ n: count() }).from(analysisFactors))[0]!.n;

  const factors: Record<string, string> = {};

  it('starts with the default domain set, once per case', async () => {
    const before = await call('GET', url());
    expect(before.statusCode, before.body).toBe(200);
    expect(body(before).analysis).toBeNull();
    const started = await call('POST', url(), fx.researcher, {
      problemStatement: 'Waarom liep de hulp vast na de overstap naar het voortgezet onderwijs?',
    });
    expect(started.statusCode, started.body).toBe(201);
    const analysis = body(started).analysis!;
    expect(analysis.domainSet.number).toBe(1);
    expect(analysis.domainSet.domains.map((d) => d.key)).toEqual([
      'kind',
      'ouders',
      'gezin',
      'school',
      'netwerk',
      'hulpverlening',
    ]);
    expect(analysisSchema.parse(started.json())).toEqual(started.json());
    const twice = await call('POST', url(), fx.researcher, { problemStatement: 'Nog eens' });
    expect(twice.statusCode).toBe(409);
  });

  it('keeps factors in the domains of its set, as strengths and problems from a perspective', async () => {
    for (const [name, payload] of Object.entries({
      school: {
        domainKey: 'school',
        kind: 'problem',
        title: 'Geen passend onderwijs na groep 8',
        perspective: 'dossier',
      },
      anxiety: {
        domainKey: 'kind',
        kind: 'problem',
        title: 'Angst in grote groepen',
        perspective: 'youth',
      },
      grandma: {
        domainKey: 'netwerk',
        kind: 'strength',
        title: 'Oma als vast steunpunt',
        description: 'Woont dichtbij, haalt hem op.',
        perspective: 'parent',
      },
    })) {
      const response = await call('POST', url('/factors'), fx.researcher, payload);
      expect(response.statusCode, response.body).toBe(201);
      const created = body(response).analysis!.factors.find((f) => f.title === payload.title)!;
      factors[name] = created.id;
    }
    const before = await factorCount();
    const wrongDomain = await call('POST', url('/factors'), fx.researcher, {
      domainKey: 'horoscoop',
      kind: 'problem',
      title: 'x',
      perspective: 'youth',
    });
    expect(wrongDomain.statusCode).toBe(400);
    expect(wrongDomain.json().error.details.fields[0].path).toBe('domainKey');
    const wrongKind = await call('POST', url('/factors'), fx.researcher, {
      domainKey: 'kind',
      kind: 'neutral',
      title: 'x',
      perspective: 'youth',
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(await factorCount()).toBe(before);
  });

  it('links factors in hypotheses, only to live factors of this analysis', async () => {
    const toProblem = await call('POST', url('/hypotheses'), fx.researcher, {
      causeIds: [factors.school, factors.anxiety],
      effectFactorId: null,
      explanation:
        'Omdat er geen passende school was en hij bang is in groepen, ging hij niet meer naar school; daardoor liep de hulp vast.',
    });
    expect(toProblem.statusCode, toProblem.body).toBe(201);
    const between = await call('POST', url('/hypotheses'), fx.researcher, {
      causeIds: [factors.grandma],
      effectFactorId: factors.anxiety,
      explanation: 'Omdat oma hem ophaalt, durft hij soms toch te gaan.',
    });
    expect(between.statusCode, between.body).toBe(201);
    expect(body(between).analysis!.hypotheses).toHaveLength(2);

    const hypotheses = async () =>
      (await test.database.db.select({ n: count() }).from(analysisHypotheses))[0]!.n;
    const before = await hypotheses();
    for (const [payload, path] of [
      [{ causeIds: ['00000000-0000-4000-8000-000000000000'], effectFactorId: null }, 'causeIds'],
      [{ causeIds: [factors.school], effectFactorId: factors.school }, 'effectFactorId'],
      [{ causeIds: [factors.school, factors.school], effectFactorId: null }, 'causeIds'],
      [{ causeIds: [], effectFactorId: null }, 'causeIds'],
    ] as const) {
      const bad = await call('POST', url('/hypotheses'), fx.researcher, {
        explanation: 'Omdat … daardoor …',
        ...payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.details.fields[0].path).toBe(path);
    }
    expect(await hypotheses()).toBe(before);

    // A factor still used by a hypothesis is not deleted; the answer names the hypotheses.
    const current = body(await call('GET', url())).analysis!;
    const grandma = current.factors.find((f) => f.id === factors.grandma)!;
    const refused = await call('DELETE', url(`/factors/${grandma.id}?version=${grandma.version}`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.hypotheses).toHaveLength(1);
    // Once that hypothesis is gone, the factor can go; a hypothesis can then not point at it.
    const link = current.hypotheses.find((h) => h.causeIds.includes(grandma.id))!;
    expect(
      (await call('DELETE', url(`/hypotheses/${link.id}?version=${link.version}`))).statusCode,
    ).toBe(200);
    const deleted = await call('DELETE', url(`/factors/${grandma.id}?version=${grandma.version}`));
    expect(deleted.statusCode, deleted.body).toBe(200);
    const dangling = await call('POST', url('/hypotheses'), fx.researcher, {
      causeIds: [grandma.id],
      effectFactorId: null,
      explanation: 'Omdat … daardoor …',
    });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json().error.details.fields[0].path).toBe('causeIds');
  });

  it('answers a stale change with 409 and both versions', async () => {
    const factor = body(await call('GET', url())).analysis!.factors[0]!;
    const change = (title: string) =>
      call('PUT', url(`/factors/${factor.id}`), fx.researcher, {
        domainKey: factor.domainKey,
        kind: factor.kind,
        title,
        perspective: factor.perspective,
        version: factor.version,
      });
    expect((await change('Geen passende school')).statusCode).toBe(200);
    const stale = await change('Iets anders');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Geen passende school');
    expect(stale.json().error.details.yours.title).toBe('Iets anders');
  });

  it('keeps dated versions of the working theory, compares two, and records who agreed', async () => {
    const first = await call('POST', url('/theories'), fx.researcher, {
      dated: '2026-03-01',
      text: 'De jongere liep vast omdat er geen passende school was.',
      youthView: 'agreed',
    });
    expect(first.statusCode, first.body).toBe(201);
    // Disagreement needs their own words.
    const wordless = await call('POST', url('/theories'), fx.researcher, {
      dated: '2026-05-01',
      text: 'Tweede versie',
      parentView: 'disagreed',
    });
    expect(wordless.statusCode).toBe(400);
    expect(wordless.json().error.details.fields[0].path).toBe('parentWords');
    const future = await call('POST', url('/theories'), fx.researcher, {
      dated: '2026-07-01',
      text: 'Later',
    });
    expect(future.statusCode).toBe(400);
    const second = await call('POST', url('/theories'), fx.researcher, {
      dated: '2026-05-15',
      text: 'De jongere liep vast omdat er geen passende school was en de angst niet werd behandeld.',
      evaluation: 'Na het gesprek met moeder aangevuld.',
      youthView: 'agreed',
      parentView: 'partly',
      parentWords: 'Het lag ook aan de wachtlijst, niet alleen aan school.',
    });
    expect(second.statusCode, second.body).toBe(201);
    const theories = body(second).analysis!.theories;
    expect(theories.map((t) => [t.number, t.dated])).toEqual([
      [1, '2026-03-01'],
      [2, '2026-05-15'],
    ]);
    const compared = await call('GET', url('/theories/compare?from=1&to=2'));
    expect(compared.statusCode, compared.body).toBe(200);
    const added = compared
      .json()
      .changes.filter((c: { kind: string }) => c.kind === 'added')
      .map((c: { text: string }) => c.text)
      .join('');
    expect(added).toContain('angst niet werd behandeld');
    expect(compared.json().to.parentWords).toBe(
      'Het lag ook aan de wachtlijst, niet alleen aan school.',
    );
    expect((await call('GET', url('/theories/compare?from=1&to=9'))).statusCode).toBe(404);
  });

  it('keeps the history, logs every read and write, and hides the analysis from outsiders', async () => {
    const history = await call('GET', url('/history'));
    expect(history.statusCode).toBe(200);
    const changes = history
      .json()
      .items.map((h: { entity: string; change: string }) => `${h.entity}:${h.change}`);
    expect(changes.slice(0, 4)).toEqual([
      'analysis:created',
      'factor:created',
      'factor:created',
      'factor:created',
    ]);
    expect(changes).toContain('factor:deleted');
    expect(changes).toContain('theory:created');
    const logged = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.resourceType, 'analysis_factor'));
    expect(logged[0]!.n).toBe(5); // three created, one updated, one deleted
    expect((await call('GET', url(), fx.outsider)).statusCode).toBe(404);
    expect((await call('POST', url('/factors'), fx.outsider, { domainKey: 'x' })).statusCode).toBe(
      404,
    );
  });
});
