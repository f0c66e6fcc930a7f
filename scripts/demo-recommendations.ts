// The demo programme's recommendations, built on the threads of the synthesis demo
// (scripts/demo-synthesis.ts, found by programme and title): eight recommendations across the
// six default stakeholder groups, with samenhang links, reviewed by the demo expert by
// experience — four published, one approved and waiting to be published, one with changes
// requested (and the researcher's reply), one waiting for review and one still a draft. Written
// through the commands the API uses, each at its own (past) moment. All of it fictional.
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../src/server/db/context';
import type { AuditGrounds } from '../src/server/features/audit/events';
import { programmeFacts } from '../src/server/features/actions/access';
import {
  commentOnRecommendation,
  createRecommendation,
  linkRecommendation,
  moveRecommendation,
  reviewRecommendation,
  type RecommendationCtx,
} from '../src/server/features/recommendations/save-recommendation';
import { synthesisThreads } from '../src/server/features/synthesis/schema';
import type { Actor } from '../src/server/policy/policy';
import type { ReviewVerdict } from '../src/shared/contract/recommendations';

type DemoRecommendationsInput = {
  programmeId: string;
  /** The demo expert by experience and the teams they are in. */
  expert: { userId: string; teamIds: string[] };
};

type Plan = {
  key: string;
  group: string;
  title: string;
  body: string;
  threads: string[];
  /** What happens after it is written: review verdicts with comments, then publication. */
  review?: [ReviewVerdict, string][];
  reply?: string;
  publish?: boolean;
  sendForReview?: boolean;
};

const late = 'Hulp komt pas als het escaleert';
const heard = 'Niet gehoord bij besluiten';
const school = 'School valt als eerste weg';

const plans: Plan[] = [
  {
    key: 'expert-at-table',
    group: 'ervaringsdeskundigen',
    title: 'Zet een ervaringsdeskundige aan tafel bij elk plaatsingsbesluit',
    body: 'Bij elk besluit over plaatsing of overplaatsing zit een ervaringsdeskundige aan tafel die de jongere en de ouders helpt hun eigen verhaal te doen.',
    threads: [heard],
    review: [
      [
        'approve',
        'Ja. Als er toen iemand naast mij had gezeten, had ik wel durven zeggen wat ik wilde.',
      ],
    ],
    publish: true,
  },
  {
    key: 'ask-youth',
    group: 'professionals',
    title: 'Vraag de jongere zelf wat helpt, en schrijf het op in zijn woorden',
    body: 'Begin elk gesprek over hulp met de vraag wat de jongere zelf denkt dat helpt. Zet dat letterlijk in het plan, naast wat de professionals vinden.',
    threads: [heard],
    review: [['approve', 'Goed dat het in de eigen woorden van de jongere moet.']],
  },
  {
    key: 'one-coordinator',
    group: 'zorgaanbieders_branches',
    title: 'Eén vaste regiehouder die blijft bij overplaatsing',
    body: 'Elke jongere heeft één vaste regiehouder die overzicht houdt en blijft, ook als de jongere naar een andere aanbieder gaat. Ouders hoeven hun verhaal niet steeds opnieuw te vertellen.',
    threads: [late],
    review: [['approve', 'Dit is het belangrijkste. Steeds een nieuw gezicht is het ergste.']],
    publish: true,
  },
  {
    key: 'bridge-waiting',
    group: 'gemeenten',
    title: 'Overbrug de wachttijd met hulp die nu al kan',
    body: 'Gemeenten spreken met aanbieders af dat een gezin op de wachtlijst binnen twee weken overbruggingshulp krijgt, zodat problemen niet oplopen tot een crisis.',
    threads: [late],
    sendForReview: true,
  },
  {
    key: 'plan-together',
    group: 'opleiders',
    title: 'Leer professionals samen met ouders een plan maken',
    body: 'Opleidingen oefenen met echte casussen hoe je samen met jongere en ouders een plan maakt, in plaats van het plan achteraf uit te leggen.',
    threads: [heard, late],
    review: [
      [
        'request_changes',
        'Ik mis de jongere zelf. Er staat alleen "ouders". Wij willen ook mee kunnen praten, niet alleen onze ouders.',
      ],
    ],
    reply:
      'Terecht, we passen de titel en de toelichting aan zodat de jongere er expliciet in staat.',
  },
  {
    key: 'keep-mentor',
    group: 'onderwijs',
    title: 'Houd de mentor betrokken bij plaatsing en crisis',
    body: 'Scholen en hulpverlening spreken af dat de mentor op de hoogte blijft en betrokken wordt bij een plaatsing, zodat school niet als eerste wegvalt.',
    threads: [school],
    review: [
      ['comment', 'Bij mij was de mentor de enige die bleef bellen.'],
      ['approve', 'Goed zo.'],
    ],
    publish: true,
  },
  {
    key: 'school-first',
    group: 'gemeenten',
    title: 'Regel onderwijs vóórdat een jongere wordt geplaatst',
    body: 'Bij een plaatsing staat vast waar en hoe de jongere naar school gaat, voordat de plaatsing ingaat. Geen maanden thuiszitten.',
    threads: [school, late],
  },
  {
    key: 'explain-transfer',
    group: 'zorgaanbieders_branches',
    title: 'Vertel een jongere op tijd waarom hij wordt overgeplaatst',
    body: 'Een overplaatsing wordt minstens een week van tevoren met de jongere besproken, met de reden erbij, behalve in een echte noodsituatie.',
    threads: [heard],
    review: [['approve', 'Ja, en dan ook echt uitleggen, niet alleen zeggen dat het moet.']],
    publish: true,
  },
];

const samenhang: [string, string, string][] = [
  ['expert-at-table', 'ask-youth', 'Allebei zorgen dat de stem van de jongere meetelt.'],
  ['one-coordinator', 'bridge-waiting', 'De regiehouder bewaakt ook de wachttijd.'],
  ['keep-mentor', 'school-first', 'Samen houden ze school overeind rond een plaatsing.'],
  ['ask-youth', 'plan-together', 'Wat professionals leren, passen ze hier toe.'],
  ['one-coordinator', 'explain-transfer', ''],
  [
    'expert-at-table',
    'explain-transfer',
    'Ook bij overplaatsing zit de ervaringsdeskundige aan tafel.',
  ],
];

export async function seedDemoRecommendations(
  ctx: RequestContext & { actor: Actor },
  input: DemoRecommendationsInput,
): Promise<void> {
  const programme = await programmeFacts(ctx.db, input.programmeId);
  if (!programme) throw new Error('demo programme missing');
  const threads = await ctx.db
    .select({ id: synthesisThreads.id, title: synthesisThreads.title })
    .from(synthesisThreads)
    .where(
      and(
        eq(synthesisThreads.programmeId, input.programmeId),
        eq(synthesisThreads.status, 'active'),
      ),
    );
  const threadId = (title: string) => {
    const found = threads.find((t) => t.title === title);
    if (!found) throw new Error(`the synthesis demo has no active thread "${title}"`);
    return found.id;
  };
  const expert: Actor = {
    userId: input.expert.userId,
    role: 'expert_by_experience',
    organisationId: null,
    sessionIdHash: 'demo',
    sessionStage: 'full',
    teamIds: input.expert.teamIds,
  };
  // Each step at its own moment in the spring of 2026, a day apart.
  let day = 0;
  const as = (actor: Actor, grounds: AuditGrounds = 'team_membership'): RecommendationCtx => {
    day += 1;
    const moment = new Date(Date.UTC(2026, 3, 1, 9, 0) + day * 86_400_000);
    const resource = {
      type: 'programme' as const,
      programmeId: programme.id,
      teamIds: programme.teamIds,
    };
    return { ...ctx, actor, now: () => moment, reach: { actor, grounds, programme, resource } };
  };

  const ids = new Map<string, string>();
  for (const plan of plans) {
    const id = await createRecommendation(as(ctx.actor), {
      title: plan.title,
      body: plan.body,
      stakeholderGroup: plan.group,
      threadIds: plan.threads.map(threadId),
      links: [],
    });
    ids.set(plan.key, id);
    if (!plan.review && !plan.sendForReview) continue;
    await moveRecommendation(as(ctx.actor), id, { to: 'in_review', reason: '', version: 1 });
    for (const [verdict, comment] of plan.review ?? [])
      await reviewRecommendation(as(expert), id, { verdict, comment, version: 1 });
    if (plan.reply) await commentOnRecommendation(as(ctx.actor), id, plan.reply);
    if (plan.publish)
      await moveRecommendation(as(ctx.actor), id, { to: 'published', reason: '', version: 1 });
  }
  for (const [from, to, note] of samenhang)
    await linkRecommendation(as(ctx.actor), ids.get(from)!, {
      recommendationId: ids.get(to)!,
      note,
    });
}
