import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { roles } from '../src/shared/contract/auth';
import { createTestDatabase, type TestDatabase } from '../src/server/testing/database';
import { users } from '../src/server/features/auth/schema';
import {
  organisations,
  programmes,
  teamMemberships,
  teams,
} from '../src/server/features/organisations/schema';
import { seedDemo } from './demo-data';
import { cases, participants } from '../src/server/features/cases/schema';
import { caseIndicators, timelineItems } from '../src/server/features/timeline/schema';
import { demoStory } from './demo-timeline';
import { dossierAnswers, dossierReviews } from '../src/server/features/dossier/schema';
import { versionById } from '../src/server/features/instruments/queries';
import {
  meetingContributions,
  planFollowUps,
  reviewMeetings,
} from '../src/server/features/meetings/schema';
import { analysisHypotheses, analysisTheories } from '../src/server/features/analysis/schema';
import {
  interviews,
  qdaCodes,
  qdaMemos,
  qdaSegments,
  qdaSources,
} from '../src/server/features/coding/schema';

describe('the demo programme', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.dispose());

  it('has one login per role, two teams with members, and only visibly fictional names', async () => {
    const { password, logins } = await seedDemo(database.db);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(logins.map((l) => l.role).sort()).toEqual([...roles].sort());
    const db = database.db;
    expect((await db.select({ n: count() }).from(teams))[0]!.n).toBe(2);
    expect((await db.select({ n: count() }).from(teamMemberships))[0]!.n).toBeGreaterThanOrEqual(3);
    const names = [
      ...(await db.select({ name: users.displayName }).from(users)),
      ...(await db.select({ name: organisations.name }).from(organisations)),
      ...(await db.select({ name: programmes.name }).from(programmes)),
      ...(await db.select({ name: teams.name }).from(teams)),
    ].map((r) => r.name);
    for (const name of names) expect(name).toMatch(/\(fictief\)/);
    expect(logins.every((l) => l.email.endsWith('.test'))).toBe(true);
    expect((await db.select({ n: count() }).from(cases))[0]!.n).toBe(1);
    expect((await db.select({ n: count() }).from(participants))[0]!.n).toBe(4);
    // A full life course, in every lane, from several perspectives, with derived indicators.
    const items = await db
      .select({ lane: timelineItems.lane, source: timelineItems.source })
      .from(timelineItems);
    expect(items.length).toBe(demoStory.length);
    expect(new Set(items.map((i) => i.lane)).size).toBe(7);
    expect(new Set(items.map((i) => i.source)).size).toBe(4);
    const [indicators] = await db.select().from(caseIndicators);
    expect(indicators).toMatchObject({ placements: 6, diagnosesRevised: 1 });
    expect(indicators!.monthsWithoutSchool).toBeGreaterThan(5);
    expect(indicators!.earlySignalGap).toBeGreaterThan(0);
    const linked = await db.select({ userId: participants.userId }).from(participants);
    expect(linked.filter((p) => p.userId !== null)).toHaveLength(1);

    // A completed dossier review: every item of the default checklist answered.
    const [review] = await db.select().from(dossierReviews);
    const version = await versionById(db, review!.instrumentVersionId);
    const itemCount = version!.content.sections.flatMap((s) => s.items).length;
    const answers = await db.select({ n: count() }).from(dossierAnswers);
    expect(answers[0]!.n).toBe(itemCount);
    // A held meeting with reflections in every part and a plan followed up.
    const [meeting] = await db.select().from(reviewMeetings);
    expect(meeting!.status).toBe('held');
    const parts = await db.select({ part: meetingContributions.part }).from(meetingContributions);
    expect(new Set(parts.map((p) => p.part)).size).toBe(6);
    expect((await db.select({ n: count() }).from(planFollowUps))[0]!.n).toBeGreaterThan(0);
    // An analysis with two versions of the working theory.
    const theories = await db.select({ n: count() }).from(analysisTheories);
    expect(theories[0]!.n).toBe(2);
    expect((await db.select({ n: count() }).from(analysisHypotheses))[0]!.n).toBeGreaterThan(2);
    // Interviews with the youth and the mother, coded by two coders (the youth's blind), a
    // codebook with themes, memos, and the meeting's reflection as a coded source.
    expect((await db.select({ n: count() }).from(interviews))[0]!.n).toBe(2);
    const sources = await db
      .select({ kind: qdaSources.kind, blind: qdaSources.blind })
      .from(qdaSources);
    expect(sources.map((s) => s.kind).sort()).toEqual([
      'interview',
      'interview',
      'meeting_reflection',
    ]);
    expect(sources.filter((s) => s.blind)).toHaveLength(1);
    const coders = await db.selectDistinct({ coder: qdaSegments.coderId }).from(qdaSegments);
    expect(coders).toHaveLength(2);
    expect((await db.select({ n: count() }).from(qdaSegments))[0]!.n).toBeGreaterThan(10);
    expect((await db.select({ n: count() }).from(qdaCodes))[0]!.n).toBe(10);
    expect((await db.select({ n: count() }).from(qdaMemos))[0]!.n).toBe(3);
  });
});
