// The fictional demo programme: every name is visibly made up. Grows with each feature.
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/server/db/connect';
import type { RequestContext } from '../src/server/db/context';
import { createUser } from '../src/server/features/auth/create-user';
import { createOrganisation } from '../src/server/features/organisations/save-organisation';
import { createProgramme } from '../src/server/features/organisations/save-programme';
import { addTeamMember, createTeam } from '../src/server/features/organisations/save-team';
import { addParticipant, createCase, giveConsent } from '../src/server/features/cases/save-case';
import { eq } from 'drizzle-orm';
import { participants } from '../src/server/features/cases/schema';
import type { Role } from '../src/shared/contract/auth';
import { seedDemoTimeline } from './demo-timeline';
import { seedDemoReview } from './demo-review';
import { seedDemoCoding } from './demo-coding';
import { seedDemoSynthesis } from './demo-synthesis';
import { seedDemoRecommendations } from './demo-recommendations';
import { seedDemoActions } from './demo-actions';
import { seedDemoMonitoring } from './demo-monitoring';
import type { TeamRoleLabel } from '../src/shared/contract/organisations';

export type DemoLogin = { role: Role; email: string; displayName: string };

export async function seedDemo(db: Db): Promise<{ password: string; logins: DemoLogin[] }> {
  const ctx: RequestContext = { db, actor: null, requestId: 'demo-seed' };
  const password = `demo-${randomBytes(6).toString('base64url')}`;

  const careProvider = await createOrganisation(ctx, {
    name: 'Jeugdhulp De Verzonnen Haven (fictief)',
    type: 'care_provider',
    municipalityCode: '0402',
  });
  const municipality = await createOrganisation(ctx, {
    name: 'Gemeente Voorbeeldstad (fictief)',
    type: 'municipality',
    municipalityCode: '0406',
  });
  await createOrganisation(ctx, {
    name: 'Het Denkbeeldig College (fictief)',
    type: 'school',
    municipalityCode: '0402',
  });
  const institute = await createOrganisation(ctx, {
    name: 'Kenniscentrum Fantasia (fictief)',
    type: 'knowledge_institute',
    municipalityCode: null,
  });

  const programme = await createProgramme(ctx, {
    name: 'Actieleren Voorbeeldregio 2026 (fictief)',
    periodStart: '2026-01-01',
    periodEnd: '2027-06-30',
    learningGoals:
      'Leren van de levensloop van jongeren in gesloten jeugdhulp, zodat we eerder passende hulp bieden en uithuisplaatsing voorkomen. (Fictief demoprogramma.)',
    stakeholderGroups: [
      { code: 'ervaringsdeskundigen', label: 'Ervaringsdeskundigen' },
      { code: 'professionals', label: 'Professionals' },
      { code: 'zorgaanbieders_branches', label: 'Zorgaanbieders en branches' },
      { code: 'gemeenten', label: 'Gemeenten' },
      { code: 'opleiders', label: 'Opleiders' },
      { code: 'onderwijs', label: 'Onderwijs' },
    ],
    smallCellThreshold: 5,
  });
  const teamNorth = await createTeam(ctx, {
    name: 'Uitvoeringsteam Hilversum (fictief)',
    programmeId: programme,
    municipalityCode: '0402',
    plannedSessions: 6,
  });
  const teamSouth = await createTeam(ctx, {
    name: 'Uitvoeringsteam Huizen (fictief)',
    programmeId: programme,
    municipalityCode: '0406',
    plannedSessions: 4,
  });

  const people: { role: Role; key: string; displayName: string; organisationId: string | null }[] =
    [
      {
        role: 'admin',
        key: 'beheerder',
        displayName: 'Bea Beheer (fictief)',
        organisationId: institute,
      },
      {
        role: 'researcher',
        key: 'onderzoeker',
        displayName: 'Olaf Onderzoek (fictief)',
        organisationId: institute,
      },
      {
        role: 'professional',
        key: 'professional',
        displayName: 'Priya Praktijk (fictief)',
        organisationId: careProvider,
      },
      {
        role: 'expert_by_experience',
        key: 'ervaringsdeskundige',
        displayName: 'Eva Ervaring (fictief)',
        organisationId: null,
      },
      {
        role: 'policymaker',
        key: 'beleid',
        displayName: 'Bram Beleid (fictief)',
        organisationId: municipality,
      },
      {
        role: 'log_administrator',
        key: 'logbeheer',
        displayName: 'Lotte Logbeheer (fictief)',
        organisationId: institute,
      },
      {
        role: 'participant',
        key: 'jongere',
        displayName: 'Jay Jongere (fictief)',
        organisationId: null,
      },
    ];
  const ids = new Map<string, string>();
  for (const person of people) {
    const id = await createUser(ctx, {
      email: `${person.key}@demo.ketenlens.test`,
      displayName: person.displayName,
      role: person.role,
      password,
      organisationId: person.organisationId,
    });
    ids.set(person.key, id);
  }
  const memberships: [string, string, TeamRoleLabel][] = [
    [teamNorth, 'onderzoeker', 'action_learner'],
    [teamNorth, 'professional', 'gedragswetenschapper'],
    [teamNorth, 'ervaringsdeskundige', 'ervaringsdeskundige'],
    [teamSouth, 'onderzoeker', 'kwaliteitsmedewerker'],
  ];
  for (const [teamId, key, roleLabel] of memberships) {
    await addTeamMember(ctx, teamId, { userId: ids.get(key)!, roleLabel });
  }
  // A fictional case in the north team, opened by the researcher, with participants and consents.
  const researcher = {
    userId: ids.get('onderzoeker')!,
    role: 'researcher' as const,
    organisationId: institute,
    sessionIdHash: 'demo',
    sessionStage: 'full' as const,
    teamIds: [teamNorth, teamSouth],
  };
  const caseCtx = { ...ctx, actor: researcher };
  const caseId = await createCase(caseCtx, {
    programmeId: programme,
    teamId: teamNorth,
    institutionType: 'jeugdzorgplus',
    regionCode: 'JZ16',
    birthYear: 2011,
    gender: null,
  });
  const youth = await addParticipant(caseCtx, caseId, {
    kind: 'youth',
    label: 'jongere',
    hasAuthority: false,
  });
  const mother = await addParticipant(caseCtx, caseId, {
    kind: 'parent',
    label: 'moeder',
    hasAuthority: true,
  });
  await addParticipant(caseCtx, caseId, {
    kind: 'main_practitioner',
    label: 'hoofdbehandelaar',
    hasAuthority: false,
  });
  await addParticipant(caseCtx, caseId, {
    kind: 'network',
    label: 'mentor school',
    hasAuthority: false,
  });
  for (const purpose of ['interview', 'dossier', 'meeting'] as const) {
    await giveConsent(caseCtx, caseId, {
      participantId: youth,
      purpose,
      givenBy: 'self',
      representativeId: null,
      givenOn: '2026-02-03',
      formVersion: 'demo-v1',
    });
    await giveConsent(caseCtx, caseId, {
      participantId: youth,
      purpose,
      givenBy: 'legal_representative',
      representativeId: mother,
      givenOn: '2026-02-03',
      formVersion: 'demo-v1',
    });
  }
  await giveConsent(caseCtx, caseId, {
    participantId: mother,
    purpose: 'meeting',
    givenBy: 'self',
    representativeId: null,
    givenOn: '2026-02-03',
    formVersion: 'demo-v1',
  });
  await giveConsent(caseCtx, caseId, {
    participantId: mother,
    purpose: 'interview',
    givenBy: 'self',
    representativeId: null,
    givenOn: '2026-02-03',
    formVersion: 'demo-v1',
  });

  // The demo participant login is the youth of this case: it sees the case's timeline.
  await db
    .update(participants)
    .set({ userId: ids.get('jongere')! })
    .where(eq(participants.id, youth));
  await seedDemoTimeline(caseCtx, caseId, { youth, mother });
  await seedDemoReview(caseCtx, caseId, { youth, mother });
  // The mother agrees to be quoted; the youth has not (yet): the demo shows both.
  await giveConsent(caseCtx, caseId, {
    participantId: mother,
    purpose: 'quotes',
    givenBy: 'self',
    representativeId: null,
    givenOn: '2026-03-05',
    formVersion: 'demo-v1',
  });
  await seedDemoCoding(caseCtx, caseId, {
    youth,
    mother,
    expert: {
      userId: ids.get('ervaringsdeskundige')!,
      role: 'expert_by_experience',
      organisationId: null,
      sessionIdHash: 'demo',
      sessionStage: 'full',
      teamIds: [teamNorth],
    },
  });
  await seedDemoSynthesis(caseCtx, caseId);
  await seedDemoRecommendations(caseCtx, {
    programmeId: programme,
    expert: { userId: ids.get('ervaringsdeskundige')!, teamIds: [teamNorth] },
  });

  await seedDemoActions(caseCtx, {
    programmeId: programme,
    caseId,
    regionCode: 'JZ16',
    organisations: { municipality, careProvider, institute },
    people: { policymaker: ids.get('beleid')!, professional: ids.get('professional')! },
  });
  await seedDemoMonitoring(ctx, { regionCode: 'JZ16', memberUserIds: [ids.get('professional')!] });

  return {
    password,
    logins: people.map((p) => ({
      role: p.role,
      email: `${p.key}@demo.ketenlens.test`,
      displayName: p.displayName,
    })),
  };
}
