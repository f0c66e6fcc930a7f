// The evidence of a thread on crafted data (evidence-fixtures.ts): cases once however many of the
// thread's codes they have, sub-codes included, segments once, perspectives with dossier, splits
// by institution type and region against the coded cases in scope, blind sources and removed
// segments not counted, the actor's scope against the programme's, and the indicators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { threadEvidenceSchema } from '../../../shared/contract/evidence';
import { evidenceFixture, type EvidenceFixture } from './evidence-fixtures';
import { loadThreadEvidence, loadThreadsEvidence, summaryOf } from './evidence';

describe.each(testDatabaseKinds())('thread evidence (%s)', (kind) => {
  let test: TestApp;
  let ev: EvidenceFixture;
  const db = () => test.database.db;

  beforeAll(async () => {
    test = await createTestApp(kind);
    ev = await evidenceFixture(test);
  });
  afterAll(() => test.close());

  const researcherScope = () => ({ programmeId: ev.fx.programmeId, actor: ev.actors.researcher });
  const programmeScope = () => ({ programmeId: ev.fx.programmeId, actor: null });

  it('counts the cases the researcher reaches, each once, with sub-codes and without blind sources', async () => {
    const evidence = await loadThreadEvidence(db(), researcherScope(), ev.threads.care);
    expect(threadEvidenceSchema.parse(evidence)).toEqual(evidence);
    // In scope: A, B, C, E (D is another team's, F has only a blind source). Thread: A, B, C.
    expect(evidence.total).toEqual({ cases: 3, of: 4 });
    // A 3 (Wachten twice, School once: linked Wachten beneath linked Zorg adds nothing),
    // B 2 (Lang beneath Wachten, Zorg), C 1 (the removed segment does not count).
    expect(evidence.segments).toBe(6);
    expect(evidence.strength).toEqual({
      cases: 3,
      perspectives: 4,
      institutionTypes: 3,
      regions: 2,
    });
    expect(evidence.byPerspective).toEqual([
      { perspective: 'youth', cases: 2, segments: 3 },
      { perspective: 'parent', cases: 1, segments: 1 },
      { perspective: 'main_practitioner', cases: 1, segments: 1 },
      { perspective: 'other_professional', cases: 0, segments: 0 },
      { perspective: 'network', cases: 0, segments: 0 },
      { perspective: 'dossier', cases: 1, segments: 1 },
    ]);
    expect(evidence.byInstitutionType).toEqual([
      { key: 'jji', label: 'Justitiële jeugdinrichting (JJI)', cases: 1, of: 1 },
      { key: 'jeugdzorgplus', label: 'Jeugdzorgplus', cases: 1, of: 2 },
      { key: 'obc_lvb', label: 'Orthopedagogisch behandelcentrum (OBC/LVB)', cases: 1, of: 1 },
    ]);
    // Regions come in the order of their names (sort key); compared here by code.
    expect(
      evidence.byRegion
        .map((g) => [g.key, g.cases, g.of])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['JZ01', 1, 2],
      ['JZ16', 2, 2],
    ]);
    expect(evidence.byRegion.find((g) => g.key === 'JZ01')!.label).toBe('Groningen');
  });

  it('counts every case of the programme in the programme scope', async () => {
    const evidence = await loadThreadEvidence(db(), programmeScope(), ev.threads.care);
    expect(evidence.total).toEqual({ cases: 4, of: 5 });
    expect(evidence.segments).toBe(7);
    expect(evidence.byInstitutionType.find((g) => g.key === 'obc_lvb')).toMatchObject({
      cases: 2,
      of: 2,
    });
  });

  it('counts a case assigned to the researcher in another team', async () => {
    await db().execute(
      sql`insert into case_assignments (case_id, user_id) values (${ev.cases.D}, ${ev.actors.researcher.userId})`,
    );
    try {
      const evidence = await loadThreadEvidence(db(), researcherScope(), ev.threads.care);
      expect(evidence.total).toEqual({ cases: 4, of: 5 });
    } finally {
      await db().execute(
        sql`delete from case_assignments where case_id = ${ev.cases.D} and user_id = ${ev.actors.researcher.userId}`,
      );
    }
  });

  it('puts the indicators of the thread cases next to the other cases in scope', async () => {
    const evidence = await loadThreadEvidence(db(), researcherScope(), ev.threads.care);
    const placement = evidence.indicators.find((i) => i.key === 'placementChanges')!;
    // Thread: A 4, B 2, C 6; others in scope: E 1 (D is not reached).
    expect(placement.withThread).toEqual({ n: 3, median: 4, mean: 4 });
    expect(placement.others).toEqual({ n: 1, median: 1, mean: 1 });
    const gap = evidence.indicators.find((i) => i.key === 'earlySignalGap')!;
    expect(gap.withThread).toEqual({ n: 1, median: 2.5, mean: 2.5 });
    expect(gap.others).toEqual({ n: 0, median: null, mean: null });
    expect(evidence.indicators.map((i) => i.key)).toEqual([
      'placementChanges',
      'schoolChanges',
      'monthsWithoutSchool',
      'careProviders',
      'earlySignalGap',
      'diagnosesRevised',
    ]);
  });

  it('answers many threads at once, each as it would alone', async () => {
    const ids = [ev.threads.care, ev.threads.loose, ev.threads.empty];
    const many = await loadThreadsEvidence(db(), researcherScope(), ids);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const alone = await loadThreadEvidence(db(), researcherScope(), id);
      expect({ ...many.get(id)!, computedAt: '' }).toEqual({ ...alone, computedAt: '' });
    }
    expect(many.get(ev.threads.loose)!.total).toEqual({ cases: 1, of: 4 });
    expect(
      many.get(ev.threads.loose)!.byPerspective.find((p) => p.perspective === 'network'),
    ).toEqual({
      perspective: 'network',
      cases: 1,
      segments: 1,
    });
    const empty = many.get(ev.threads.empty)!;
    expect(empty.total).toEqual({ cases: 0, of: 4 });
    expect(empty.strength).toEqual({ cases: 0, perspectives: 0, institutionTypes: 0, regions: 0 });
    expect(empty.byInstitutionType.every((g) => g.cases === 0)).toBe(true);
    const withoutIndicators = await loadThreadsEvidence(db(), researcherScope(), ids, {
      indicators: false,
    });
    expect(withoutIndicators.get(ev.threads.care)!.indicators).toEqual([]);
    expect(withoutIndicators.get(ev.threads.care)!.total).toEqual({ cases: 3, of: 4 });
  });

  it('leaves out threads of another programme, and a single one is not found', async () => {
    const other = await evidenceFixture(test);
    const many = await loadThreadsEvidence(db(), researcherScope(), [
      ev.threads.care,
      other.threads.care,
    ]);
    expect([...many.keys()]).toEqual([ev.threads.care]);
    await expect(
      loadThreadEvidence(db(), researcherScope(), other.threads.care),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await loadThreadsEvidence(db(), researcherScope(), [])).size).toBe(0);
  });

  it('follows the coding live: a blind source opened up counts, a removed segment does not', async () => {
    await db().execute(sql`update qda_sources set blind = false where id = ${ev.sources.fBlind}`);
    await db().execute(
      sql`update qda_segments set deleted_at = now() where id = ${ev.segments.bCare}`,
    );
    try {
      const evidence = await loadThreadEvidence(db(), researcherScope(), ev.threads.care);
      expect(evidence.total).toEqual({ cases: 4, of: 5 });
      expect(evidence.segments).toBe(6);
      expect(evidence.byPerspective.find((p) => p.perspective === 'main_practitioner')).toEqual({
        perspective: 'main_practitioner',
        cases: 0,
        segments: 0,
      });
    } finally {
      await db().execute(sql`update qda_sources set blind = true where id = ${ev.sources.fBlind}`);
      await db().execute(
        sql`update qda_segments set deleted_at = null where id = ${ev.segments.bCare}`,
      );
    }
  });
});

describe('indicator summaries from value counts', () => {
  it('takes the median as the middle value, or the mean of the two middle values', () => {
    expect(summaryOf(new Map())).toEqual({ n: 0, median: null, mean: null });
    expect(summaryOf(new Map([[3, 1]]))).toEqual({ n: 1, median: 3, mean: 3 });
    // 1, 2, 2, 10: median (2 + 2) / 2, mean 15 / 4.
    expect(
      summaryOf(
        new Map([
          [10, 1],
          [1, 1],
          [2, 2],
        ]),
      ),
    ).toEqual({ n: 4, median: 2, mean: 3.75 });
    // 0, 1, 5, 6: median 3.
    expect(
      summaryOf(
        new Map([
          [0, 1],
          [1, 1],
          [5, 1],
          [6, 1],
          [9, 0],
        ]),
      ),
    ).toMatchObject({
      n: 4,
      median: 3,
    });
    expect(summaryOf(new Map([[1 / 3, 3]]))).toEqual({ n: 3, median: 0.33, mean: 0.33 });
  });
});
