// The demo case's interviews and coding: a small codebook for the programme, an interview with
// the youth and one with the mother (fictional transcripts), coded by the researcher and, blind,
// by the expert by experience (so the demo can show comparing and agreement), a quote, memos,
// and the review meeting's reflection taken as a codable source. Written through the commands
// the API uses; all of it fictional.
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../src/server/db/context';
import type { Reach } from '../src/server/features/coding/access';
import { programmeResource } from '../src/server/features/coding/access';
import { createCode } from '../src/server/features/coding/codebook';
import { takeCodableSource } from '../src/server/features/coding/codable';
import { createInterview } from '../src/server/features/coding/interviews';
import { interviews, qdaSources } from '../src/server/features/coding/schema';
import { createMemo, createSegments, setBlind } from '../src/server/features/coding/segments';
import type { CaseAccess } from '../src/server/features/cases/case-guard';
import { caseResource } from '../src/server/features/cases/queries';
import { cases } from '../src/server/features/cases/schema';
import { reviewMeetings } from '../src/server/features/meetings/schema';
import type { Actor } from '../src/server/policy/policy';
import type { Code } from '../src/shared/contract/coding';

type Ctx = RequestContext & { actor: Actor };

export const demoYouthInterview = [
  'Interviewer: Wat weet je nog van de tijd voordat je naar de groep ging?',
  'Jongere: Thuis was het vaak onrustig. Mama was ziek en ik was boos, op iedereen eigenlijk.',
  'Interviewer: Wie merkte dat je het moeilijk had?',
  'Jongere: Meneer Bakker, mijn mentor. Hij vroeg elke maandag hoe het ging. Niemand anders vroeg dat.',
  'Interviewer: En toen je niet meer naar school ging?',
  'Jongere: Ik zat maanden thuis. Er was geen plek op een school die bij mij paste. Ik verveelde me kapot.',
  'Interviewer: Hoe was de overplaatsing naar de gesloten groep?',
  'Jongere: Niemand legde uit waarom. Ik kreeg het pas te horen in de auto. Dat vond ik het ergste 😞.',
  'Interviewer: Wat had je toen nodig gehad?',
  'Jongere: Dat iemand gewoon met mij praatte, niet over mij. En dat ik naar mijn eigen school kon blijven gaan.',
  'Interviewer: Wat hielp later wel?',
  'Jongere: Mijn pleegmoeder. Zij luisterde écht. En voetbal op zaterdag, daar was ik gewoon Jay 😀.',
].join('\n');

export const demoMotherInterview = [
  'Interviewer: Hoe kijkt u terug op de eerste hulp?',
  'Moeder: We hebben lang gewacht. Acht maanden op de wachtlijst, en ondertussen ging het thuis steeds slechter.',
  'Interviewer: Wat zou u anders willen?',
  'Moeder: Dat er één persoon is die alles overziet. Ik moest mijn verhaal bij elke nieuwe hulpverlener opnieuw vertellen.',
  'Interviewer: Hoe was het contact met school?',
  'Moeder: De mentor was goud waard. Hij belde mij ook als het goed ging.',
  'Interviewer: En de overplaatsing?',
  'Moeder: Wij werden niet gehoord. De beslissing was al genomen voordat wij aan tafel zaten.',
].join('\n');

/** Code-point offsets of a phrase in a text. */
function rangeOf(text: string, phrase: string) {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`demo transcript has no "${phrase}"`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...phrase].length };
}

export async function seedDemoCoding(
  ctx: Ctx,
  caseId: string,
  people: { youth: string; mother: string; expert: Actor },
) {
  const kase = await caseResource(ctx.db, caseId);
  const access: CaseAccess = { actor: ctx.actor, grounds: 'team_membership', resource: kase };
  const [row] = await ctx.db
    .select({ programmeId: cases.programmeId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const programmeId = row!.programmeId;
  const resource = await programmeResource(ctx.db, programmeId);
  const reachOf = (actor: Actor): Reach => ({
    actor,
    grounds: 'team_membership',
    resource,
    programmeId,
    caseId: null,
    caseCode: null,
  });
  const codeCtx = { ...ctx, reach: reachOf(ctx.actor) };

  // A small codebook: themes with sub-codes.
  const codes = new Map<string, Code>();
  const add = async (name: string, color: string, definition: string, parent?: string) => {
    const code = await createCode(codeCtx, {
      name,
      parentId: parent ? codes.get(parent)!.id : null,
      definition,
      inclusion: '',
      exclusion: '',
      color,
    });
    codes.set(name, code);
  };
  await add(
    'Gehoord worden',
    '#8e3b46',
    'Of de jongere en de ouders zich gehoord en betrokken voelden.',
  );
  await add(
    'Niet betrokken bij besluiten',
    '#b5515c',
    'Besluiten vielen zonder de jongere of ouders.',
    'Gehoord worden',
  );
  await add(
    'Iemand die luistert',
    '#d08c94',
    'Een persoon die echt contact maakte.',
    'Gehoord worden',
  );
  await add('Onderwijs', '#1f5f8b', 'School, thuiszitten en passend onderwijs.');
  await add('Thuiszitten', '#3a86c0', 'Periodes zonder school.', 'Onderwijs');
  await add(
    'Mentor als steun',
    '#7fb3da',
    'De mentor of een andere docent als vast contact.',
    'Onderwijs',
  );
  await add('Hulpverlening', '#2e7d4f', 'Hoe de hulp liep: wachten, overdrachten, samenhang.');
  await add('Wachttijd', '#4fa36f', 'Wachten op hulp of een plek.', 'Hulpverlening');
  await add('Geen regie', '#8cc9a3', 'Niemand overzag het geheel.', 'Hulpverlening');
  await add('Beschermende factoren', '#a86b00', 'Wat de jongere sterker maakte.');

  // Interviews: with the youth and with the mother (interview consent is in place).
  const interviewCtx = { ...ctx, access };
  await createInterview(interviewCtx, caseId, {
    participantId: people.youth,
    heldOn: '2026-03-02',
    interviewerId: ctx.actor.userId,
    mode: 'in_person',
    transcript: demoYouthInterview,
  });
  await createInterview(interviewCtx, caseId, {
    participantId: people.mother,
    heldOn: '2026-03-05',
    interviewerId: ctx.actor.userId,
    mode: 'phone',
    transcript: demoMotherInterview,
  });
  const sources = await ctx.db
    .select({ participantId: interviews.participantId, source: qdaSources })
    .from(interviews)
    .innerJoin(qdaSources, eq(qdaSources.id, interviews.sourceId))
    .where(eq(interviews.caseId, caseId));
  const sourceOf = (participantId: string) => {
    const found = sources.find((s) => s.participantId === participantId)!.source;
    const { search: _search, ...source } = found;
    return source;
  };
  const youthSource = sourceOf(people.youth);
  const motherSource = sourceOf(people.mother);
  const caseReach = (actor: Actor): Reach => ({
    ...reachOf(actor),
    resource: kase,
    caseId,
    caseCode: kase.code,
  });
  const code = async (
    actor: Actor,
    source: typeof youthSource,
    text: string,
    phrase: string,
    names: string[],
    marks: { important?: boolean; quote?: boolean } = {},
  ) => {
    const [first] = await createSegments({ ...ctx, actor, reach: caseReach(actor) }, source, {
      ...rangeOf(text, phrase),
      codeIds: names.map((n) => codes.get(n)!.id),
      important: marks.important ?? false,
      quote: marks.quote ?? false,
    });
    return first!;
  };

  // The youth's interview is coded blind by two coders: the demo can compare them.
  await setBlind({ ...ctx, reach: caseReach(ctx.actor) }, youthSource, true);
  const researcher = ctx.actor;
  const heard = await code(
    researcher,
    youthSource,
    demoYouthInterview,
    'Niemand legde uit waarom. Ik kreeg het pas te horen in de auto.',
    ['Niet betrokken bij besluiten'],
    { important: true, quote: true },
  );
  await code(researcher, youthSource, demoYouthInterview, 'Hij vroeg elke maandag hoe het ging.', [
    'Mentor als steun',
    'Iemand die luistert',
  ]);
  await code(researcher, youthSource, demoYouthInterview, 'Ik zat maanden thuis.', ['Thuiszitten']);
  await code(researcher, youthSource, demoYouthInterview, 'Zij luisterde écht.', [
    'Iemand die luistert',
  ]);
  const expert = people.expert;
  await code(
    expert,
    youthSource,
    demoYouthInterview,
    'Niemand legde uit waarom. Ik kreeg het pas te horen in de auto. Dat vond ik het ergste 😞.',
    ['Niet betrokken bij besluiten'],
  );
  await code(
    expert,
    youthSource,
    demoYouthInterview,
    'Meneer Bakker, mijn mentor. Hij vroeg elke maandag hoe het ging.',
    ['Mentor als steun'],
  );
  await code(
    expert,
    youthSource,
    demoYouthInterview,
    'Er was geen plek op een school die bij mij paste.',
    ['Thuiszitten'],
  );
  await code(
    expert,
    youthSource,
    demoYouthInterview,
    'En voetbal op zaterdag, daar was ik gewoon Jay 😀.',
    ['Beschermende factoren'],
  );

  // The mother's interview, coded openly by the researcher.
  const waited = await code(
    researcher,
    motherSource,
    demoMotherInterview,
    'Acht maanden op de wachtlijst',
    ['Wachttijd'],
  );
  await code(
    researcher,
    motherSource,
    demoMotherInterview,
    'Ik moest mijn verhaal bij elke nieuwe hulpverlener opnieuw vertellen.',
    ['Geen regie'],
    { important: true, quote: true },
  );
  await code(researcher, motherSource, demoMotherInterview, 'De mentor was goud waard.', [
    'Mentor als steun',
  ]);
  await code(researcher, motherSource, demoMotherInterview, 'Wij werden niet gehoord.', [
    'Niet betrokken bij besluiten',
  ]);

  const memoCtx = { ...ctx, reach: caseReach(researcher) };
  await createMemo(
    memoCtx,
    { programmeId, caseId, source: youthSource },
    {
      targetType: 'segment',
      targetId: heard.id,
      title: 'Terugkerend patroon?',
      body: 'Ook de moeder noemt dat besluiten zonder hen vielen. Nagaan in andere casussen.',
    },
  );
  await createMemo(
    memoCtx,
    { programmeId, caseId, source: motherSource },
    {
      targetType: 'segment',
      targetId: waited.id,
      title: '',
      body: 'Acht maanden: vergelijken met de wachttijd in het dossier.',
    },
  );
  await createMemo(
    { ...ctx, reach: reachOf(researcher) },
    { programmeId, caseId: null, source: null },
    {
      targetType: 'code',
      targetId: codes.get('Gehoord worden')!.id,
      title: 'Afbakening',
      body: 'Alleen coderen wat de jongere of ouder zelf zegt over gehoord worden, niet wat anderen over hen zeggen.',
    },
  );

  // The review meeting's reflection, taken as a codable source and coded once.
  const [meeting] = await ctx.db
    .select({ id: reviewMeetings.id })
    .from(reviewMeetings)
    .where(eq(reviewMeetings.caseId, caseId));
  if (meeting) {
    const { sourceId } = await takeCodableSource(
      { ...ctx, reach: caseReach(researcher) },
      caseId,
      'meeting_reflection',
      meeting.id,
    );
    const [taken] = await ctx.db.select().from(qdaSources).where(eq(qdaSources.id, sourceId));
    const { search: _search, ...reflection } = taken!;
    const words = reflection.body.split(/\s+/).slice(0, 12).join(' ');
    await createSegments({ ...ctx, reach: caseReach(researcher) }, reflection, {
      ...rangeOf(reflection.body, words),
      codeIds: [codes.get('Hulpverlening')!.id],
      important: false,
      quote: false,
    });
  }
}
