// Closing the loop in the demo programme: a learning-network meeting held last autumn (with the
// demo region's quarterly report of the last quarter as material, attendees by organisation and
// role, outcomes) and improvement actions that came from the demo case's review meeting and from
// that network meeting — one followed through to "evaluated" with follow-ups and evidence of
// effect, one overdue, one dropped with a reason, one agreed and one still proposed. Written
// through the same commands the API uses, each at its own (past) moment. All of it fictional.
import type { RequestContext } from '../src/server/db/context';
import type { AuditGrounds } from '../src/server/features/audit/events';
import { programmeFacts } from '../src/server/features/actions/access';
import {
  addActionFollowUp,
  changeActionStatus,
  createAction,
  type ActionCtx,
} from '../src/server/features/actions/save-action';
import {
  addNetworkAttendee,
  addNetworkMaterial,
  planNetworkMeeting,
  updateNetworkMeeting,
} from '../src/server/features/actions/save-network';
import { listMeetings, readMeeting } from '../src/server/features/meetings/queries';
import type { Actor } from '../src/server/policy/policy';
import type { ActionStatus } from '../src/shared/contract/actions';

type DemoActionsInput = {
  programmeId: string;
  caseId: string;
  regionCode: string;
  organisations: { municipality: string; careProvider: string; institute: string };
  people: { policymaker: string; professional: string };
};

const at = (iso: string) => () => new Date(iso);

export async function seedDemoActions(
  ctx: RequestContext & { actor: Actor },
  input: DemoActionsInput,
): Promise<void> {
  const programme = await programmeFacts(ctx.db, input.programmeId);
  if (!programme) throw new Error('demo programme missing');
  const as = (actor: Actor, grounds: AuditGrounds, moment: string): ActionCtx => ({
    ...ctx,
    actor,
    now: at(moment),
    reach: { actor, grounds, programme },
  });
  const staff = (moment: string) => as(ctx.actor, 'team_membership', moment);
  const policymaker: Actor = {
    userId: input.people.policymaker,
    role: 'policymaker',
    organisationId: input.organisations.municipality,
    sessionIdHash: 'demo',
    sessionStage: 'full',
    teamIds: [],
  };
  const owner = (moment: string) => as(policymaker, 'self', moment);
  const move = async (
    actionId: string,
    steps: [ActionStatus, string][],
    by: (moment: string) => ActionCtx = staff,
    startVersion = 1,
  ) => {
    let version = startVersion;
    for (const [status, moment] of steps) {
      await changeActionStatus(by(moment), actionId, { status, reason: '', version });
      version += 1;
    }
    return version;
  };

  // The review meeting of the demo case and the first step of its alternative plan.
  const [meeting] = await listMeetings(ctx.db, input.caseId);
  const plan = meeting ? (await readMeeting(ctx.db, input.caseId, meeting.id))?.plan : undefined;
  const step = plan?.[0];

  // The learning network's autumn meeting, with last quarter's report of the demo region.
  const networkId = await planNetworkMeeting(staff('2026-09-01T09:00:00Z'), {
    theme: 'Wachttijden en passende hulp voor jongeren in gesloten jeugdhulp',
    meetsOn: '2026-10-15',
    location: 'Stadhuis Voorbeeldstad (fictief)',
  });
  for (const group of [
    {
      organisationId: input.organisations.municipality,
      roleLabel: 'beleidsmedewerker jeugd',
      count: 2,
    },
    {
      organisationId: input.organisations.careProvider,
      roleLabel: 'gedragswetenschapper',
      count: 3,
    },
    {
      organisationId: input.organisations.careProvider,
      roleLabel: 'ervaringsdeskundige',
      count: 1,
    },
    { organisationId: input.organisations.institute, roleLabel: 'onderzoeker', count: 1 },
  ])
    await addNetworkAttendee(staff('2026-10-15T13:00:00Z'), networkId, { kind: 'group', ...group });
  await addNetworkAttendee(staff('2026-10-15T13:00:00Z'), networkId, {
    kind: 'user',
    userId: input.people.policymaker,
  });
  await addNetworkMaterial(staff('2026-10-10T09:00:00Z'), networkId, {
    kind: 'quarterly_report',
    regionCode: input.regionCode,
    year: 2026,
    quarter: 3,
  });
  await addNetworkMaterial(staff('2026-10-10T09:05:00Z'), networkId, {
    kind: 'case_summary',
    title: 'Jongere van 15: drie plaatsingen in twee jaar',
    body: 'Na drie wisselingen van woonplek viel school weg. Niemand hield het overzicht; de wachttijd voor passende behandeling was acht maanden. (Fictief en zonder herkenbare details.)',
  });
  await updateNetworkMeeting(staff('2026-10-16T10:00:00Z'), networkId, {
    theme: 'Wachttijden en passende hulp voor jongeren in gesloten jeugdhulp',
    meetsOn: '2026-10-15',
    location: 'Stadhuis Voorbeeldstad (fictief)',
    status: 'held',
    outcomes:
      'De kwartaalrapportage laat zien dat bij een derde van de aanmeldingen aan tafel geen passend aanbod is. Afgesproken: de wachtlijst maandelijks delen met de toegang, en een ervaringsdeskundige bij elke leerbijeenkomst.',
    version: 1,
  });

  // 1. From the review meeting: followed through to evaluated, with evidence of effect.
  const mentor = await createAction(staff('2026-03-20T10:00:00Z'), {
    title: 'Mentor van school schuift aan bij elk plan-overleg',
    description:
      'Bij jongeren in gesloten jeugdhulp nodigt de regiebehandelaar de mentor van school uit voor elk overleg waarin het behandelplan wordt gemaakt of bijgesteld.',
    plainSummary: 'De mentor van school praat mee als er een plan voor je wordt gemaakt.',
    plainResult:
      'Jongeren zeggen dat school en hulp nu beter samenwerken. Minder jongeren zitten thuis zonder school.',
    ownerOrganisationId: input.organisations.careProvider,
    ownerUserId: input.people.professional,
    dueOn: '2026-06-30',
    stakeholderGroup: 'onderwijs',
    links: [
      ...(meeting ? [{ kind: 'review_meeting' as const, targetId: meeting.id }] : []),
      ...(step ? [{ kind: 'plan_step' as const, targetId: step.id }] : []),
    ],
  });
  await move(mentor, [
    ['agreed', '2026-03-27T10:00:00Z'],
    ['in_progress', '2026-04-07T10:00:00Z'],
  ]);
  await addActionFollowUp(staff('2026-05-12T10:00:00Z'), mentor, {
    on: '2026-05-12',
    done: 'In vier plan-overleggen zat de mentor erbij; de uitnodiging staat nu standaard in het draaiboek.',
    effect: 'In drie van de vier plannen staat nu een afspraak over school.',
    nextStep: 'Na de zomer navragen bij jongeren en mentoren hoe het gaat.',
  });
  await move(mentor, [['done', '2026-06-26T10:00:00Z']], staff, 3);
  await addActionFollowUp(staff('2026-09-22T10:00:00Z'), mentor, {
    on: '2026-09-22',
    done: 'Evaluatie met zes jongeren, hun ouders en vier mentoren.',
    effect:
      'Verzuim van jongeren met een behandelplan daalde van gemiddeld 9 naar 4 weken per half jaar. Jongeren en mentoren noemen het overleg nuttig.',
    nextStep: 'Meenemen in het regionale kwaliteitskader.',
  });
  await move(mentor, [['evaluated', '2026-09-23T10:00:00Z']], staff, 4);

  // 2. From the network meeting: owned by the municipality's policymaker, overdue.
  const waitingList = await createAction(staff('2026-10-16T10:30:00Z'), {
    title: 'Wachtlijst maandelijks delen met de toegang',
    description:
      'De gemeente deelt elke maand de wachtlijst voor gesloten en intensieve jeugdhulp met Team Toegang, zodat de tafel ziet waar passend aanbod ontbreekt.',
    plainSummary: 'De gemeente laat elke maand zien hoe lang jongeren moeten wachten op hulp.',
    plainResult: '',
    ownerOrganisationId: input.organisations.municipality,
    ownerUserId: input.people.policymaker,
    dueOn: '2026-11-01',
    stakeholderGroup: 'gemeenten',
    links: [{ kind: 'network_meeting', targetId: networkId }],
  });
  await move(waitingList, [['agreed', '2026-10-20T09:00:00Z']]);
  await move(waitingList, [['in_progress', '2026-10-28T09:00:00Z']], owner, 2);
  await addActionFollowUp(owner('2026-10-30T09:00:00Z'), waitingList, {
    on: '2026-10-30',
    done: 'Eerste overzicht gemaakt; de koppeling met de gegevens van de aanbieders ontbreekt nog.',
    effect: '',
    nextStep: 'Afspraak met twee aanbieders over het aanleveren van wachttijden.',
  });

  // 3. Dropped, with the reason.
  const beds = await createAction(staff('2026-04-02T10:00:00Z'), {
    title: 'Extra crisisbedden in de regio',
    description: 'Twee extra crisisbedden voor jongeren die nu buiten de regio worden geplaatst.',
    plainSummary: 'Meer plekken in de regio voor jongeren die snel ergens moeten kunnen wonen.',
    plainResult: '',
    ownerOrganisationId: input.organisations.municipality,
    ownerUserId: null,
    dueOn: '2026-12-31',
    stakeholderGroup: 'zorgaanbieders_branches',
    links: meeting ? [{ kind: 'review_meeting', targetId: meeting.id }] : [],
  });
  await move(beds, [['agreed', '2026-04-20T10:00:00Z']]);
  await changeActionStatus(staff('2026-09-01T10:00:00Z'), beds, {
    status: 'dropped',
    reason:
      'De regio koopt deze plekken in via het bovenregionale contract; een eigen voorziening is niet meer nodig.',
    version: 2,
  });

  // 4. Agreed, not yet started; 5. proposed in the network meeting.
  const school = await createAction(staff('2026-10-16T10:40:00Z'), {
    title: 'Schoolplek eerst regelen bij een overplaatsing',
    description: 'Bij elke overplaatsing is de schoolplek geregeld vóór de verhuisdatum.',
    plainSummary: 'Als je moet verhuizen naar een andere plek, is je school eerst geregeld.',
    plainResult: '',
    ownerOrganisationId: input.organisations.careProvider,
    ownerUserId: input.people.professional,
    dueOn: '2027-02-28',
    stakeholderGroup: 'professionals',
    links: [{ kind: 'network_meeting', targetId: networkId }],
  });
  await move(school, [['agreed', '2026-10-23T10:00:00Z']]);
  await createAction(staff('2026-10-16T10:50:00Z'), {
    title: 'Ervaringsdeskundige bij elke leerbijeenkomst',
    description: 'Elke leerbijeenkomst heeft een ervaringsdeskundige jongere of ouder aan tafel.',
    plainSummary:
      'Bij elke bijeenkomst waarin we leren van wat er gebeurde, praat iemand mee die het zelf heeft meegemaakt.',
    plainResult: '',
    ownerOrganisationId: input.organisations.institute,
    ownerUserId: null,
    dueOn: '2027-03-31',
    stakeholderGroup: 'ervaringsdeskundigen',
    links: [{ kind: 'network_meeting', targetId: networkId }],
  });
}
