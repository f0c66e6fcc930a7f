import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../src/server/testing/database';
import {
  actionFollowUps,
  actionLinks,
  improvementActions,
  networkMaterials,
  networkMeetings,
} from '../src/server/features/actions/schema';
import { users } from '../src/server/features/auth/schema';
import { seedDemo } from './demo-data';

describe('the demo: closing the loop', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db);
  });
  afterAll(() => database.dispose());

  it('has a held network meeting with a quarterly report of the demo region', async () => {
    const db = database.db;
    const [meeting] = await db.select().from(networkMeetings);
    expect(meeting).toMatchObject({ status: 'held' });
    const materials = await db
      .select()
      .from(networkMaterials)
      .where(eq(networkMaterials.meetingId, meeting!.id));
    expect(materials.find((m) => m.kind === 'quarterly_report')).toMatchObject({
      regionCode: 'JZ16',
      year: 2026,
      quarter: 3,
    });
  });

  it('has actions evaluated with evidence, overdue, dropped with a reason, and owned by the policymaker', async () => {
    const db = database.db;
    const actions = await db.select().from(improvementActions);
    const byStatus = (status: string) => actions.filter((a) => a.status === status);
    const [evaluated] = byStatus('evaluated');
    expect(evaluated).toBeDefined();
    const followUps = await db
      .select()
      .from(actionFollowUps)
      .where(eq(actionFollowUps.actionId, evaluated!.id));
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    expect(followUps.some((f) => f.effect.length > 0)).toBe(true);
    expect(byStatus('dropped')[0]?.dropReason).toBeTruthy();
    // Overdue: its due date has passed and it is still in progress.
    expect(
      byStatus('in_progress').some((a) => a.dueOn < new Date().toISOString().slice(0, 10)),
    ).toBe(true);
    const [policymaker] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'beleid@demo.ketenlens.test'));
    expect(actions.some((a) => a.ownerUserId === policymaker!.id)).toBe(true);
    const links = await db.select().from(actionLinks);
    expect(new Set(links.map((l) => l.kind))).toEqual(
      new Set(['review_meeting', 'plan_step', 'network_meeting']),
    );
  });
});
