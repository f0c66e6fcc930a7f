// The demo programme's synthesis: themes on the board built from the coding demo's codes, and
// threads with their versions — one edited into a second version, two superseded by a merge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../src/server/testing/database';
import {
  synthesisThemeCodes,
  synthesisThemes,
  synthesisThreads,
  synthesisThreadVersions,
} from '../src/server/features/synthesis/schema';
import { seedDemo } from './demo-data';

describe('the demo: themes and threads', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemo(database.db);
  });
  afterAll(() => database.dispose());

  it('has three themes with two codes each on the board', async () => {
    const db = database.db;
    const themes = await db.select().from(synthesisThemes).orderBy(asc(synthesisThemes.sortOrder));
    expect(themes.map((t) => t.name)).toEqual([
      'Wachten en versnipperde hulp',
      'Gehoord en betrokken worden',
      'School als anker',
    ]);
    const placed = await db.select().from(synthesisThemeCodes);
    for (const theme of themes)
      expect(placed.filter((p) => p.themeId === theme.id)).toHaveLength(2);
  });

  it('has five threads: three active, one in a second version, two superseded by a merge', async () => {
    const db = database.db;
    const threads = await db.select().from(synthesisThreads).orderBy(asc(synthesisThreads.number));
    expect(threads.map((t) => [t.number, t.title, t.status])).toEqual([
      [1, 'Hulp komt pas als het escaleert', 'active'],
      [2, 'Jongeren en ouders worden niet gehoord', 'superseded'],
      [3, 'Overplaatsing zonder uitleg', 'superseded'],
      [4, 'Niet gehoord bij besluiten', 'active'],
      [5, 'School valt als eerste weg', 'active'],
    ]);
    const merged = threads[3]!;
    expect(threads[1]!.supersededBy).toBe(merged.id);
    expect(threads[2]!.supersededBy).toBe(merged.id);
    const versions = await db.select().from(synthesisThreadVersions);
    const of = (id: string) => versions.filter((v) => v.threadId === id).map((v) => v.change);
    expect(of(threads[0]!.id).sort()).toEqual(['promoted', 'updated']);
    expect(of(threads[1]!.id).sort()).toEqual(['promoted', 'superseded']);
  });
});
