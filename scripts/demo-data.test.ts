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
  });
});
