// Crafted coded material for the evidence and saturation tests: a programme with cases the
// researcher reaches (their team), one they do not (the other team), a case coded only in a blind
// source, a case coded only outside the thread, a thread whose codes sit beneath each other, and
// indicators, review meetings and quote consents. Everything is written straight into the tables
// (the counts in qda_case_codes follow from the database's own triggers).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw';
import type { Actor } from '../../policy/policy';
import type { TestApp } from '../../testing/app';
import { caseFixture } from '../../testing/fixtures';

export type EvidenceFixture = Awaited<ReturnType<typeof evidenceFixture>>;

/**
 * Cases (birth year 2000, so each participant consents for themselves):
 *   A  team, jeugdzorgplus, JZ16: youth Wachten ×2, parent School ×1      (thread, 3 segments)
 *   B  team, obc_lvb, JZ01:       dossier Lang ×1, main practitioner Zorg  (thread, 2 segments)
 *   C  team, jji, JZ16:           youth School ×1, a removed Zorg segment  (thread, 1 segment)
 *   D  other team, obc_lvb, JZ01: youth Zorg ×1                            (not reached)
 *   E  team, jeugdzorgplus, JZ01: network Los ×1                           (coded, not thread)
 *   F  team, jji, JZ16:           youth Zorg ×1 in a blind source          (not counted)
 * Codes: Zorg > Wachten > Lang, School, Los. Thread 1 links Zorg, Wachten (beneath Zorg) and
 * School; thread 2 links Los; thread 3 links nothing.
 * Review order: B (meeting held 2026-01-10), A (held 2026-02-01), then by first coding date
 * C (2026-02-15), E (2026-03-01), D (2026-03-05); F has no counted coding.
 */
export async function evidenceFixture(test: TestApp) {
  const fx = await caseFixture(test, { birthYear: 2000 });
  const db = test.database.db;
  const one = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(db, query))[0]!.id;
  const coder = fx.researcher.user.id;
  const [org] = await queryRows<{ organisation_id: string | null }>(
    db,
    sql`select organisation_id from users where id = ${coder}`,
  );
  const actorOf = (userId: string, teamIds: string[]): Actor => ({
    userId,
    role: 'researcher',
    organisationId: org?.organisation_id ?? null,
    sessionIdHash: 'test',
    sessionStage: 'full' as Actor['sessionStage'],
    teamIds,
  });

  let caseNumber = 0;
  const kase = (teamId: string, institutionType: string, regionCode: string) =>
    one(sql`insert into cases (code, programme_id, team_id, institution_type, region_code, birth_year)
        values (${`EV-${Date.now().toString(36)}-${++caseNumber}`}, ${fx.programmeId}, ${teamId},
          ${institutionType}, ${regionCode}, 2000) returning id`);
  const cases = {
    A: await kase(fx.teamId, 'jeugdzorgplus', 'JZ16'),
    B: await kase(fx.teamId, 'obc_lvb', 'JZ01'),
    C: await kase(fx.teamId, 'jji', 'JZ16'),
    D: await kase(fx.otherTeamId, 'obc_lvb', 'JZ01'),
    E: await kase(fx.teamId, 'jeugdzorgplus', 'JZ01'),
    F: await kase(fx.teamId, 'jji', 'JZ16'),
  };
  const participant = (caseId: string, kind: string, label: string) =>
    one(
      sql`insert into participants (case_id, kind, label) values (${caseId}, ${kind}, ${label}) returning id`,
    );
  const consent = (caseId: string, participantId: string) =>
    db.execute(sql`insert into consents (case_id, participant_id, purpose, given_by, given_on, form_version)
      values (${caseId}, ${participantId}, 'quotes', 'self', '2026-01-01', 'v1')`);
  const people = {
    aYouth: await participant(cases.A, 'youth', 'jongere'),
    aParent: await participant(cases.A, 'parent', 'moeder'),
    bMain: await participant(cases.B, 'main_practitioner', 'regiebehandelaar'),
    cYouth: await participant(cases.C, 'youth', 'jongere'),
    dYouth: await participant(cases.D, 'youth', 'jongere'),
    eNetwork: await participant(cases.E, 'network', 'oom'),
    fYouth: await participant(cases.F, 'youth', 'jongere'),
  };
  // Quote consent: everyone except the parent of A.
  for (const [caseId, participantId] of [
    [cases.A, people.aYouth],
    [cases.B, people.bMain],
    [cases.C, people.cYouth],
    [cases.D, people.dYouth],
    [cases.E, people.eNetwork],
    [cases.F, people.fYouth],
  ] as const)
    await consent(caseId, participantId);

  const code = (name: string, parentId: string | null) =>
    one(
      sql`insert into qda_codes (programme_id, parent_id, name) values (${fx.programmeId}, ${parentId}, ${name}) returning id`,
    );
  const codes = {} as Record<'Zorg' | 'Wachten' | 'Lang' | 'School' | 'Los', string>;
  codes.Zorg = await code('Zorg', null);
  codes.Wachten = await code('Wachten', codes.Zorg);
  codes.Lang = await code('Lang', codes.Wachten);
  codes.School = await code('School', null);
  codes.Los = await code('Los', null);

  const body =
    'Eerst was er een lange wachtlijst. Daarna ging het mis op school. Niemand belde terug, ook niet na weken.';
  const source = (
    caseId: string,
    participantId: string | null,
    kind: string,
    name: string,
    blind = false,
  ) =>
    one(sql`insert into qda_sources (programme_id, case_id, participant_id, kind, name, body, length, blind)
        values (${fx.programmeId}, ${caseId}, ${participantId}, ${kind}, ${name}, ${body}, ${[...body].length}, ${blind})
        returning id`);
  const sources = {
    aYouth: await source(cases.A, people.aYouth, 'interview', 'Interview jongere'),
    aParent: await source(cases.A, people.aParent, 'interview', 'Interview moeder'),
    bDossier: await source(cases.B, null, 'dossier_evidence', 'Dossier'),
    bMain: await source(cases.B, people.bMain, 'interview', 'Interview regiebehandelaar'),
    cYouth: await source(cases.C, people.cYouth, 'interview', 'Interview jongere'),
    dYouth: await source(cases.D, people.dYouth, 'interview', 'Interview jongere'),
    eNetwork: await source(cases.E, people.eNetwork, 'interview', 'Interview oom'),
    fBlind: await source(cases.F, people.fYouth, 'interview', 'Interview jongere', true),
  };
  const segment = (
    sourceId: string,
    caseId: string,
    codeId: string,
    start: number,
    end: number,
    at: string,
    deleted = false,
  ) =>
    one(sql`insert into qda_segments (source_id, programme_id, case_id, code_id, start_pos, end_pos, coder_id, created_at, deleted_at, quote)
        values (${sourceId}, ${fx.programmeId}, ${caseId}, ${codeId}, ${start}, ${end}, ${coder}, ${at}::timestamptz,
          ${deleted ? sql`now()` : sql`null`}, true)
        returning id`);
  const segments = {
    aWait1: await segment(sources.aYouth, cases.A, codes.Wachten, 0, 34, '2026-01-20T10:00:00Z'),
    aWait2: await segment(sources.aYouth, cases.A, codes.Wachten, 35, 65, '2026-01-20T10:01:00Z'),
    aSchool: await segment(sources.aParent, cases.A, codes.School, 35, 65, '2026-01-21T10:00:00Z'),
    bLong: await segment(sources.bDossier, cases.B, codes.Lang, 0, 34, '2026-01-05T10:00:00Z'),
    bCare: await segment(sources.bMain, cases.B, codes.Zorg, 66, 105, '2026-01-06T10:00:00Z'),
    cSchool: await segment(sources.cYouth, cases.C, codes.School, 35, 65, '2026-02-15T10:00:00Z'),
    cRemoved: await segment(
      sources.cYouth,
      cases.C,
      codes.Zorg,
      0,
      34,
      '2026-02-15T10:01:00Z',
      true,
    ),
    dCare: await segment(sources.dYouth, cases.D, codes.Zorg, 0, 34, '2026-03-05T10:00:00Z'),
    eLoose: await segment(sources.eNetwork, cases.E, codes.Los, 66, 105, '2026-03-01T10:00:00Z'),
    fBlind: await segment(sources.fBlind, cases.F, codes.Zorg, 0, 34, '2026-01-01T10:00:00Z'),
  };

  const meeting = (caseId: string, at: string, status: string) =>
    db.execute(
      sql`insert into review_meetings (case_id, planned_at, status) values (${caseId}, ${at}::timestamptz, ${status})`,
    );
  await meeting(cases.B, '2026-01-10T13:00:00Z', 'held');
  await meeting(cases.A, '2026-02-01T13:00:00Z', 'held');
  // Planned, not held: C is ordered by its first coding.
  await meeting(cases.C, '2026-01-02T13:00:00Z', 'planned');

  const indicators = (caseId: string, placementChanges: number, gap: number | null) =>
    db.execute(sql`insert into case_indicators (case_id, placements, placement_changes, school_changes,
        months_without_school, care_providers, early_signal_gap, diagnoses_revised)
      values (${caseId}, ${placementChanges + 1}, ${placementChanges}, 1, 2.5, 3, ${gap}, 0)`);
  await indicators(cases.A, 4, 2.5);
  await indicators(cases.B, 2, null);
  await indicators(cases.C, 6, null);
  await indicators(cases.D, 10, 1);
  await indicators(cases.E, 1, null);

  const thread = async (number: number, title: string, codeIds: string[]) => {
    const id = await one(sql`insert into synthesis_threads (programme_id, number, title)
        values (${fx.programmeId}, ${number}, ${title}) returning id`);
    for (const codeId of codeIds)
      await db.execute(
        sql`insert into synthesis_thread_codes (thread_id, code_id) values (${id}, ${codeId})`,
      );
    return id;
  };
  const threads = {
    care: await thread(1, 'Wachten op passende zorg', [codes.Zorg, codes.Wachten, codes.School]),
    loose: await thread(2, 'Losse eindjes', [codes.Los]),
    empty: await thread(3, 'Nog leeg', []),
  };

  return {
    fx,
    cases,
    people,
    codes,
    sources,
    segments,
    threads,
    actors: {
      researcher: actorOf(fx.researcher.user.id, [fx.teamId]),
      outsider: actorOf(fx.outsider.user.id, [fx.otherTeamId]),
    },
  };
}
