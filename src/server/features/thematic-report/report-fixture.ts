// Crafted material for the aggregates and thematic-report tests, written straight into the tables
// (the kept counts follow from the database's own triggers). Threshold 5. 57 coded cases in the
// researcher's team, all in region JZ16, birth year 2000 (participants consent themselves):
//
//   jeugdzorgplus        16 cases, 10 with the thread "Rondgepompt"   ← hidden (secondary)
//   jji                   9 cases,  3 with the thread                 ← hidden (primary)
//   obc_lvb              15 cases,  8 with the thread                 ← hidden (secondary)
//   klinische_jeugd_ggz  17 cases,  9 with the thread                 ← shown
//   all                  57 cases, 30 with the thread                 ← shown
//
// A case without the thread is coded with "Los" only. Quotes chosen for the thread: the youth of
// the first case (quote consent stands), the parent of the second (consent withdrawn). Thread 2
// "Nog leeg" has no codes; thread 3 is withdrawn. Recommendations of thread 1: one published
// (gemeenten), one approved (onderwijs), one draft (never shown), the first two linked. Another
// programme has a thread of its own.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw';
import type { TestApp } from '../../testing/app';
import { caseFixture } from '../../testing/fixtures';

export const quoteText = 'Ik ben in drie jaar zeven keer verhuisd en niemand vroeg wat ik wilde.';
export const withdrawnQuoteText =
  'We moesten ons verhaal steeds opnieuw vertellen aan iemand nieuw.';

export async function reportFixture(test: TestApp) {
  const fx = await caseFixture(test, { birthYear: 2000 });
  const db = test.database.db;
  const one = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(db, query))[0]!.id;
  const coder = fx.researcher.user.id;

  const code = (programmeId: string, name: string) =>
    one(
      sql`insert into qda_codes (programme_id, name) values (${programmeId}, ${name}) returning id`,
    );
  const codes = {
    zorg: await code(fx.programmeId, 'Rondgepompt'),
    los: await code(fx.programmeId, 'Los'),
  };

  const body = `${quoteText} ${withdrawnQuoteText} Verder niets.`;
  let n = 0;
  const cases: { id: string; type: string; withThread: boolean }[] = [];
  const plan: [string, number, number][] = [
    ['jeugdzorgplus', 16, 10],
    ['jji', 9, 3],
    ['obc_lvb', 15, 8],
    ['klinische_jeugd_ggz', 17, 9],
  ];
  const people: { youth: string; parent: string; caseId: string }[] = [];
  const quoteSegments: string[] = [];
  for (const [type, total, withThread] of plan)
    for (let i = 0; i < total; i += 1) {
      const caseId =
        await one(sql`insert into cases (code, programme_id, team_id, institution_type, region_code, birth_year)
        values (${`TR-${Date.now().toString(36)}-${++n}`}, ${fx.programmeId}, ${fx.teamId}, ${type}, 'JZ16', 2000)
        returning id`);
      const has = i < withThread;
      cases.push({ id: caseId, type, withThread: has });
      const youth = await one(
        sql`insert into participants (case_id, kind, label) values (${caseId}, 'youth', 'jongere') returning id`,
      );
      const parent = await one(
        sql`insert into participants (case_id, kind, label) values (${caseId}, 'parent', 'moeder') returning id`,
      );
      people.push({ youth, parent, caseId });
      const source = (participantId: string) =>
        one(sql`insert into qda_sources (programme_id, case_id, participant_id, kind, name, body, length)
          values (${fx.programmeId}, ${caseId}, ${participantId}, 'interview', 'Interview', ${body}, ${[...body].length})
          returning id`);
      const youthSource = await source(youth);
      const segment = (sourceId: string, codeId: string, start: number, end: number) =>
        one(sql`insert into qda_segments (source_id, programme_id, case_id, code_id, start_pos, end_pos, coder_id, quote)
          values (${sourceId}, ${fx.programmeId}, ${caseId}, ${codeId}, ${start}, ${end}, ${coder}, true)
          returning id`);
      const quoteLength = [...quoteText].length;
      if (has) {
        const s = await segment(youthSource, codes.zorg, 0, quoteLength);
        if (cases.length === 1) quoteSegments.push(s);
        if (cases.length === 2) {
          const parentSource = await source(parent);
          const start = quoteLength + 1;
          quoteSegments.push(
            await segment(parentSource, codes.zorg, start, start + [...withdrawnQuoteText].length),
          );
        }
      } else await segment(youthSource, codes.los, 0, quoteLength);
      await db.execute(sql`insert into case_indicators (case_id, placements, placement_changes, school_changes,
          months_without_school, care_providers, early_signal_gap, diagnoses_revised)
        values (${caseId}, ${has ? 6 : 2}, ${has ? 5 : 1}, 1, 2.5, 3, null, 0)`);
    }
  const consent = (caseId: string, participantId: string, withdrawn: boolean) =>
    db.execute(sql`insert into consents (case_id, participant_id, purpose, given_by, given_on, form_version, withdrawn_on)
      values (${caseId}, ${participantId}, 'quotes', 'self', '2026-01-01', 'v1', ${withdrawn ? '2026-03-01' : null})`);
  await consent(people[0]!.caseId, people[0]!.youth, false);
  await consent(people[1]!.caseId, people[1]!.parent, true);

  const thread = async (
    programmeId: string,
    number: number,
    title: string,
    codeIds: string[],
    status: 'active' | 'withdrawn' = 'active',
  ) => {
    const id =
      await one(sql`insert into synthesis_threads (programme_id, number, title, description, status, status_reason, sort_order)
        values (${programmeId}, ${number}, ${title}, ${`Beschrijving van ${title}`}, ${status},
          ${status === 'withdrawn' ? 'Dubbel' : null}, ${number}) returning id`);
    for (const codeId of codeIds)
      await db.execute(
        sql`insert into synthesis_thread_codes (thread_id, code_id) values (${id}, ${codeId})`,
      );
    return id;
  };
  const threads = {
    main: await thread(fx.programmeId, 1, 'Rondgepompt tussen aanbieders', [codes.zorg]),
    empty: await thread(fx.programmeId, 2, 'Nog leeg', []),
    withdrawn: await thread(fx.programmeId, 3, 'Ingetrokken draad', [], 'withdrawn'),
  };
  for (const [i, segmentId] of quoteSegments.entries())
    await db.execute(sql`insert into synthesis_thread_quotes (thread_id, segment_id, sort_order, chosen_by)
      values (${threads.main}, ${segmentId}, ${i}, ${coder})`);

  const recommendation = (number: number, group: string, title: string, state: string) =>
    one(sql`insert into recommendations (programme_id, number, stakeholder_group, title, body, review_state, published_at)
      values (${fx.programmeId}, ${number}, ${group}, ${title}, ${`Toelichting bij ${title}`}, ${state},
        ${state === 'published' ? sql`now()` : sql`null`}) returning id`);
  const recommendations = {
    published: await recommendation(1, 'gemeenten', 'Eén vaste regisseur per jongere', 'published'),
    approved: await recommendation(2, 'onderwijs', 'School blijft in beeld', 'approved'),
    draft: await recommendation(3, 'professionals', 'Geheime conceptaanbeveling', 'draft'),
  };
  for (const id of Object.values(recommendations))
    await db.execute(
      sql`insert into recommendation_threads (recommendation_id, thread_id) values (${id}, ${threads.main})`,
    );
  const [a, b] = [recommendations.published, recommendations.approved].sort();
  await db.execute(
    sql`insert into recommendation_links (from_id, to_id, note) values (${a}, ${b}, 'Versterken elkaar')`,
  );

  const otherProgramme =
    await one(sql`insert into programmes (name, period_start, stakeholder_groups, sort_key)
    values ('Ander programma', '2026-01-01', '[{"code":"gemeenten","label":"Gemeenten"}]'::jsonb, 'ander programma')
    returning id`);
  const otherThread = await thread(otherProgramme, 1, 'Draad elders', []);

  return {
    fx,
    codes,
    cases,
    people,
    quoteSegments,
    threads,
    recommendations,
    otherProgramme,
    otherThread,
  };
}
