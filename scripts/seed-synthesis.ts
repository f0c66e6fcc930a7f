// The synthesis of the synthetic programme, made once (the first time the seed runs with
// interviews): a board with one theme per top-level code of the synthetic codebook, six threads
// (rode draden) across those codes, and recommendations for every default stakeholder group,
// linked to the threads and to each other, most of them reviewed by a (fictional) expert by
// experience and published. So the synthesis views and the thematic report can be measured on
// the 20,000 synthetic cases. Entirely fictional; written straight to the tables, like the rest
// of the seed.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/connect';
import type { RequestContext } from '../src/server/db/context';
import { users } from '../src/server/features/auth/schema';
import { programmes } from '../src/server/features/organisations/schema';
import { createUser } from '../src/server/features/auth/create-user';
import {
  synthesisThemeCodes,
  synthesisThemes,
  synthesisThreadCodes,
  synthesisThreads,
  synthesisThreadVersions,
} from '../src/server/features/synthesis/schema';
import {
  recommendationHistory,
  recommendationLinks,
  recommendationReviews,
  recommendationThreads,
  recommendations,
} from '../src/server/features/recommendations/schema';
import { defaultStakeholderGroups } from '../src/shared/contract/organisations';

/** A code of the synthetic codebook: its id and its path ("Theme" or "Theme > Sub-code"). */
type SeedCode = { id: string; path: string };

/** The threads: a title, a description and the code paths they are built from. */
const threadSpecs: { title: string; description: string; paths: string[] }[] = [
  {
    title: 'Te lang wachten op hulp die past',
    description:
      'Jongeren en ouders wachten maanden op een intake of een plek; intussen lopen de problemen op en volgt vaak een crisisplaatsing.',
    paths: ['Hulpverlening > Wachttijd', 'Hulpverlening > Passend aanbod ontbreekt'],
  },
  {
    title: 'Steeds weer nieuwe gezichten',
    description:
      'Wisselingen van begeleiders en plekken maken dat jongeren hun verhaal steeds opnieuw moeten vertellen en niemand het overzicht houdt.',
    paths: ['Hulpverlening > Wisseling van hulpverleners', 'Wonen en plaatsing'],
  },
  {
    title: 'School raakt uit beeld',
    description:
      'Bij een plaatsing of crisis stopt het onderwijs vaak: maanden zonder school, en niemand die het schoolspoor bewaakt.',
    paths: ['School'],
  },
  {
    title: 'Niet gehoord worden',
    description:
      'Jongeren en ouders zeggen dat er over hen wordt besloten zonder dat ze echt gevraagd worden wat zij nodig hebben.',
    paths: ['Participatie'],
  },
  {
    title: 'Het netwerk valt weg',
    description:
      'Met elke verhuizing verdwijnen vrienden, familie en vertrouwde volwassenen uit beeld; na de hulp staat de jongere er alleen voor.',
    paths: ['Netwerk', 'Gezin'],
  },
  {
    title: 'Crisis als ingang tot zorg',
    description:
      'Specialistische hulp komt vaak pas na een crisis of een justitiële maatregel, terwijl de signalen er al veel eerder waren.',
    paths: ['Hulpverlening > Crisis', 'Justitie en bescherming'],
  },
];

/** Two recommendations per thread, each for a stakeholder group (by index in the defaults). */
const recommendationSpecs: { thread: number; group: number; title: string; body: string }[] = [
  {
    thread: 0,
    group: 3,
    title: 'Regel een overbruggingsaanbod vanaf dag één van de wachttijd',
    body: 'Gemeenten zorgen dat elke jongere op een wachtlijst binnen twee weken een vaste contactpersoon en lichte hulp krijgt.',
  },
  {
    thread: 0,
    group: 2,
    title: 'Maak wachttijden per aanbod openbaar en actueel',
    body: 'Zorgaanbieders publiceren elke maand hun echte wachttijden, zodat verwijzers kunnen kiezen en tekorten zichtbaar worden.',
  },
  {
    thread: 1,
    group: 1,
    title: 'Eén vaste regievoerder die meegaat bij elke overplaatsing',
    body: 'Professionals spreken af wie het overzicht houdt en blijft, ook als de jongere van plek wisselt.',
  },
  {
    thread: 1,
    group: 4,
    title: 'Leer professionals een warme overdracht te doen',
    body: 'Opleiders nemen de warme overdracht (samen met jongere en ouders) op in de opleiding en bijscholing.',
  },
  {
    thread: 2,
    group: 5,
    title: 'Onderwijs loopt door tijdens een plaatsing',
    body: 'Scholen en instellingen spreken vóór een plaatsing af hoe de jongere onderwijs blijft volgen, binnen een week.',
  },
  {
    thread: 2,
    group: 3,
    title: 'Een leerplichtambtenaar die meekijkt bij elke plaatsing',
    body: 'Gemeenten laten bij elke plaatsing buiten de regio de leerplichtambtenaar het schoolspoor bewaken.',
  },
  {
    thread: 3,
    group: 0,
    title: 'Ervaringsdeskundigen bij elk besluit over een plaatsing',
    body: 'Een ervaringsdeskundige helpt jongere en ouders hun stem te laten horen voordat er besloten wordt.',
  },
  {
    thread: 3,
    group: 1,
    title: 'Vraag eerst wat de jongere zelf wil',
    body: 'Professionals beginnen elk plan met de vraag wat de jongere en de ouders zelf willen, en schrijven dat letterlijk op.',
  },
  {
    thread: 4,
    group: 2,
    title: 'Houd het netwerk in beeld met een netwerkkaart',
    body: 'Zorgaanbieders maken bij opname een netwerkkaart en houden die bij, zodat vertrouwde mensen betrokken blijven.',
  },
  {
    thread: 4,
    group: 0,
    title: 'Nazorg samen met mensen uit het eigen netwerk',
    body: 'Ervaringsdeskundigen en netwerk bereiden samen met de jongere het leven na de hulp voor.',
  },
  {
    thread: 5,
    group: 3,
    title: 'Vroege signalen krijgen een vervolg binnen een maand',
    body: 'Gemeenten zorgen dat een zorgmelding van school of huisarts binnen een maand tot een gesprek en een plan leidt.',
  },
  {
    thread: 5,
    group: 4,
    title: 'Signalen leren herkennen in de opleiding',
    body: 'Opleiders leren toekomstige professionals vroege signalen herkennen en bespreken met jongere en ouders.',
  },
];

/** Review states, by index of the recommendation: most published, a few still under way. */
const states = [
  'published',
  'published',
  'published',
  'approved',
  'published',
  'published',
  'published',
  'in_review',
  'published',
  'changes_requested',
  'published',
  'draft',
] as const;

/** Samenhang: pairs of recommendation indexes that hang together. */
const links: [number, number, string][] = [
  [0, 10, 'Beide gaan over sneller handelen na het eerste signaal.'],
  [2, 8, 'De regievoerder houdt ook het netwerk in beeld.'],
  [4, 5, 'School en gemeente bewaken samen het schoolspoor.'],
  [6, 7, 'Samen zorgen ze dat de jongere gehoord wordt.'],
  [3, 11, 'Beide vragen om aandacht in de opleiding.'],
  [1, 0, 'Openbare wachttijden laten zien waar overbrugging nodig is.'],
];

const expertEmail = (domain: string) => `ervaringsdeskundige@${domain}`;

/**
 * Writes the synthesis of the programme unless it already has threads. Returns the numbers made
 * (zeros when it was there already).
 */
export async function seedSynthesis(
  db: Db,
  options: {
    programmeId: string;
    codes: readonly SeedCode[];
    createdBy: string;
    emailDomain: string;
    organisationId: string | null;
    now: Date;
  },
): Promise<{ themes: number; threads: number; recommendations: number }> {
  const { programmeId, createdBy, now } = options;
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(synthesisThreads)
    .where(eq(synthesisThreads.programmeId, programmeId));
  if ((existing?.n ?? 0) > 0) return { themes: 0, threads: 0, recommendations: 0 };
  const byPath = new Map(options.codes.map((c) => [c.path, c.id]));

  // The board: one theme per top-level code, holding that code and its sub-codes.
  const tops = options.codes.filter((c) => !c.path.includes(' > '));
  const themeIdOf = new Map<string, string>();
  for (const [index, top] of tops.entries()) {
    const [theme] = await db
      .insert(synthesisThemes)
      .values({
        programmeId,
        name: top.path,
        description: `Alles over ${top.path.toLowerCase()} (synthetisch).`,
        sortOrder: index,
        createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: synthesisThemes.id });
    themeIdOf.set(top.path, theme!.id);
    const members = options.codes.filter(
      (c) => c.path === top.path || c.path.startsWith(`${top.path} > `),
    );
    await db.insert(synthesisThemeCodes).values(
      members.map((c, k) => ({
        codeId: c.id,
        themeId: theme!.id,
        sortOrder: k,
        placedBy: createdBy,
        placedAt: now,
      })),
    );
  }

  // Threads, each with its first version.
  const threadIds: string[] = [];
  for (const [index, spec] of threadSpecs.entries()) {
    const codeIds = spec.paths.flatMap((p) => (byPath.has(p) ? [byPath.get(p)!] : []));
    if (codeIds.length === 0) continue;
    const themeId = themeIdOf.get(spec.paths[0]!.split(' > ')[0]!) ?? null;
    const [thread] = await db
      .insert(synthesisThreads)
      .values({
        programmeId,
        number: index + 1,
        title: spec.title,
        description: spec.description,
        themeId,
        sortOrder: index,
        createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: synthesisThreads.id });
    threadIds[index] = thread!.id;
    await db
      .insert(synthesisThreadCodes)
      .values(codeIds.map((codeId) => ({ threadId: thread!.id, codeId })));
    await db.insert(synthesisThreadVersions).values({
      threadId: thread!.id,
      version: 1,
      change: 'created',
      state: {
        title: spec.title,
        description: spec.description,
        status: 'active',
        statusReason: null,
        codeIds,
        supersededBy: null,
      },
      changedBy: createdBy,
      changedAt: now,
    });
  }

  // A fictional expert by experience who reviewed the recommendations (invited, no password).
  const email = expertEmail(options.emailDomain);
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const ctx: RequestContext = { db, actor: null, requestId: 'seed-synthetic', now: () => now };
  const expertId =
    found?.id ??
    (await createUser(ctx, {
      email,
      displayName: 'Ervaringsdeskundige (synthetisch, fictief)',
      role: 'expert_by_experience',
      password: null,
      organisationId: options.organisationId,
    }));

  const [programme] = await db
    .select({ groups: programmes.stakeholderGroups })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  const groups = programme?.groups.length ? programme.groups : defaultStakeholderGroups;
  const recommendationIds: string[] = [];
  let number = 0;
  for (const [index, spec] of recommendationSpecs.entries()) {
    const threadId = threadIds[spec.thread];
    if (!threadId) continue;
    number += 1;
    const reviewState = states[index] ?? 'draft';
    // A group of the programme itself: the defaults' order where it has them all.
    const group = groups[spec.group % groups.length]!.code;
    const [row] = await db
      .insert(recommendations)
      .values({
        programmeId,
        number,
        stakeholderGroup: group,
        title: spec.title,
        body: spec.body,
        reviewState,
        publishedAt: reviewState === 'published' ? now : null,
        sortOrder: index,
        createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: recommendations.id });
    recommendationIds[index] = row!.id;
    await db.insert(recommendationThreads).values({ recommendationId: row!.id, threadId });
    await db.insert(recommendationHistory).values({
      recommendationId: row!.id,
      version: 1,
      change: 'created',
      before: null,
      after: { title: spec.title, body: spec.body, stakeholderGroup: group, threadIds: [threadId] },
      changedBy: createdBy,
      changedAt: now,
    });
    if (reviewState === 'published' || reviewState === 'approved')
      await db.insert(recommendationReviews).values({
        recommendationId: row!.id,
        recommendationVersion: 1,
        reviewerId: expertId,
        verdict: 'approve',
        comment: 'Helder en haalbaar; zo begrijpen jongeren en ouders het ook.',
        createdAt: now,
      });
    if (reviewState === 'changes_requested')
      await db.insert(recommendationReviews).values({
        recommendationId: row!.id,
        recommendationVersion: 1,
        reviewerId: expertId,
        verdict: 'request_changes',
        comment: 'Zeg erbij wie dit betaalt, anders gebeurt het niet.',
        createdAt: now,
      });
  }
  const pairs = links.flatMap(([a, b, note]) => {
    const x = recommendationIds[a];
    const y = recommendationIds[b];
    if (!x || !y) return [];
    return [x < y ? { fromId: x, toId: y, note } : { fromId: y, toId: x, note }];
  });
  if (pairs.length > 0)
    await db
      .insert(recommendationLinks)
      .values(pairs.map((p) => ({ ...p, createdBy, createdAt: now })));
  return {
    themes: tops.length,
    threads: threadIds.filter(Boolean).length,
    recommendations: recommendationIds.filter(Boolean).length,
  };
}
