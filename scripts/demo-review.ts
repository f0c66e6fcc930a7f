// The rest of the demo case's review, after its timeline: a completed dossier review against the
// default checklist, a held review meeting with reflections in every part and an alternative plan
// followed up later, and an explanatory analysis with two versions of the working theory. All of
// it fictional; people appear by role or label. Written through the same commands the API uses.
import type { RequestContext } from '../src/server/db/context';
import type { CaseAccess } from '../src/server/features/cases/case-guard';
import { caseResource } from '../src/server/features/cases/queries';
import { newestPublishedVersion } from '../src/server/features/instruments/queries';
import { saveAnswer, startReview } from '../src/server/features/dossier/save-answer';
import { readTimeline } from '../src/server/features/timeline/queries';
import {
  addAttendee,
  addContribution,
  addFollowUp,
  addPlanStep,
  planMeeting,
  updateMeeting,
} from '../src/server/features/meetings/save-meeting';
import { readMeeting } from '../src/server/features/meetings/queries';
import {
  addFactor,
  addHypothesis,
  addTheory,
  startAnalysis,
} from '../src/server/features/analysis/save-analysis';
import { readAnalysis } from '../src/server/features/analysis/queries';
import type { Actor } from '../src/server/policy/policy';
import type { InstrumentItem } from '../src/shared/contract/instruments';
import type { ReflectionPart, SpeakerRole } from '../src/shared/contract/meetings';

type Ctx = RequestContext & { actor: Actor };

/** Answers for the checklist items (by key); items not named get a typed default with a note. */
const dossierAnswers: Record<
  string,
  {
    value: string | number | string[] | null;
    evidence: string;
    source?: string;
    date?: string;
    items?: string[];
  }
> = {
  hulpvraag_in_dossier: {
    value: 'partly',
    evidence:
      'Aanmelding wijkteam 2019: "moeder vraagt hulp bij boosheid van haar zoon". De vraag van de jongere zelf staat nergens.',
    source: 'Aanmeldformulier wijkteam',
    date: '2019-11-04',
  },
  hulpvraag_soort: {
    value: 'gezin',
    evidence: 'De scheiding, de ziekte van moeder en de boosheid worden samen genoemd als reden.',
    source: 'Aanmeldformulier wijkteam',
    date: '2019-11-04',
  },
  verklarende_analyse: {
    value: 'no',
    evidence: 'Geen verklarende analyse gevonden; wel losse behandelplannen per aanbieder.',
    source: 'Behandelplan jeugd-GGZ',
    date: '2021-03-15',
  },
  verklarende_analyse_gedeeld: {
    value: 'not_applicable',
    evidence: 'Er was geen verklarende analyse om te delen.',
  },
  verklarende_analyse_bijgesteld: {
    value: 'not_applicable',
    evidence: 'Er was geen verklarende analyse om bij te stellen.',
  },
  volgens_richtlijn: {
    value: 'partly',
    evidence:
      'ADHD-diagnostiek op basis van vragenlijsten van school; traumascreening pas in 2023 na overplaatsing.',
    source: 'Psychodiagnostisch verslag',
    date: '2018-06-12',
    items: ['Diagnose ADHD'],
  },
  richtlijn_naam: {
    value: 'Richtlijn ADHD; Richtlijn Kindermishandeling (traumasignalen)',
    evidence: 'Genoemd in het verslag van de gedragswetenschapper.',
  },
  diagnose_bijgesteld: {
    value: 'yes',
    evidence: 'In 2023 PTSS vastgesteld; de ADHD-diagnose is toen herzien.',
    source: 'Verslag traumabehandeling',
    date: '2023-09-20',
    items: ['PTSS; ADHD-diagnose herzien', 'Diagnose ADHD'],
  },
  problemen_ouders: {
    value: 'partly',
    evidence: 'De ziekte van moeder is genoemd, maar er is geen hulp voor haar zelf geregeld.',
    source: 'Gezinsplan wijkteam',
    date: '2020-02-10',
  },
  netwerk_in_kaart: {
    value: 'no',
    evidence: 'Oma en de voetbaltrainer komen in het dossier niet voor als steunfiguren.',
  },
  hulp_gericht_op: {
    value: 'jongere',
    evidence: 'Alle plannen richten zich op de jongere alleen.',
  },
  onderwijs_voorrang: {
    value: 'no',
    evidence:
      'Tijdens het thuiszitten geen onderwijsplan; leerplicht pas na vijf maanden betrokken.',
    source: 'Verslag leerplicht',
    date: '2022-04-01',
    items: ['Thuiszitten'],
  },
  leerplicht_vrijstelling: {
    value: 'no',
    evidence: 'Geen vrijstelling aangevraagd; wel langdurig verzuim.',
  },
  maanden_zonder_school: {
    value: 7,
    evidence: 'Van november 2021 tot juni 2022 niet naar school.',
    items: ['Thuiszitten'],
  },
  betrokken_bij_beslissingen: {
    value: 'partly',
    evidence: 'Moeder tekende de plannen; de mening van de jongere staat er niet in.',
  },
  afstemming_aanbieders: {
    value: 'no',
    evidence: 'Drie aanbieders tegelijk zonder gezamenlijk plan of regiehouder.',
  },
  dreiging_maatregel: {
    value: 'yes',
    evidence: 'OTS aangekondigd als het thuiszitten doorging.',
    items: ['Ondertoezichtstelling'],
  },
  eerste_aanmelding: { value: '2016-10-03', evidence: 'Eerste contact consultatiebureau.' },
  wachttijden: {
    value: 'yes',
    evidence: 'Wachtlijst jeugd-GGZ acht maanden; crisisopvang als overbrugging.',
    items: ['Behandeling jeugd-GGZ', 'Crisisopvang'],
  },
  langste_wachttijd: { value: 34, evidence: 'Aanmelding maart 2020, start november 2020.' },
  uithuisplaatsing_onderbouwd: {
    value: 'partly',
    evidence: 'De eerste plaatsing is onderbouwd; de overplaatsingen daarna niet.',
    items: ['Pleeggezin A', 'Pleeggezin B'],
  },
  aantal_overplaatsingen: {
    value: 5,
    evidence: 'Oma, pleeggezin A, pleeggezin B, gezinshuis, open groep, Jeugdzorgplus.',
  },
  wisseling_hulpverleners: {
    value: 'yes',
    evidence: 'Zeven jeugdbeschermers in vier jaar.',
  },
  wat_hielp: {
    value: 'De vaste voetbaltrainer en de gezinshuisouders; onderwijs op de instelling.',
    evidence: 'Samenvatting van het dossier.',
  },
  wat_belemmerde: {
    value:
      'Wachttijden, steeds nieuwe hulpverleners, geen plan voor school tijdens het thuiszitten.',
    evidence: 'Samenvatting van het dossier.',
  },
};

function defaultAnswer(item: InstrumentItem): string | number | string[] | null {
  switch (item.answer.type) {
    case 'ynpu':
      return 'unknown';
    case 'number':
      return null;
    case 'date':
      return null;
    case 'choice':
      return null;
    case 'text':
      return 'Niets over gevonden in het dossier.';
  }
}

export async function seedDemoReview(
  ctx: Ctx,
  caseId: string,
  people: { youth: string; mother: string },
) {
  const resource = await caseResource(ctx.db, caseId);
  const access: CaseAccess = {
    actor: ctx.actor,
    grounds: 'team_membership',
    resource: { ...resource, dossierConsent: true },
  };
  const cmd = { ...ctx, access };
  const timeline = await readTimeline(ctx.db, caseId);
  const itemId = (title: string) => {
    const item = timeline.items.find((i) => i.title === title);
    if (!item) throw new Error(`demo timeline has no item "${title}"`);
    return item.id;
  };

  // Dossier review: every item answered (unknown where the file says nothing).
  const checklist = await newestPublishedVersion(ctx.db, 'dossier-checklist');
  if (!checklist) throw new Error('the default dossier checklist is missing');
  await startReview(cmd, caseId, { instrumentVersionId: checklist.id });
  for (const item of checklist.content.sections.flatMap((s) => s.items)) {
    const given = dossierAnswers[item.key];
    await saveAnswer(cmd, caseId, item.key, {
      value: given ? given.value : defaultAnswer(item),
      evidence: given?.evidence ?? 'Niet terug te vinden in het dossier.',
      sourceDocument: given?.source ?? null,
      sourceDate: given?.date ?? null,
      timelineItemIds: (given?.items ?? []).map(itemId),
      version: 0,
    });
  }

  // The review meeting, held, with reflections in every part and an alternative plan.
  const meetingId = await planMeeting(cmd, caseId, {
    plannedAt: '2026-04-14T13:00:00+02:00',
    durationMinutes: 180,
    preparationMinutes: 60,
    location: 'Gemeentehuis Voorbeeldstad (fictief)',
    notes: 'Voorbereiding: iedereen leest de tijdlijn; de onderzoeker ook het dossier.',
  });
  const attendee = async (input: Parameters<typeof addAttendee>[3]) => {
    await addAttendee(cmd, caseId, meetingId, input);
  };
  await attendee({ kind: 'participant', participantId: people.youth });
  await attendee({ kind: 'participant', participantId: people.mother });
  await attendee({ kind: 'team_member', userId: ctx.actor.userId });
  await attendee({ kind: 'guest', guestRole: 'leerplichtambtenaar', guestOrganisation: '' });
  await attendee({
    kind: 'guest',
    guestRole: 'jeugdbeschermer',
    guestOrganisation: 'Gecertificeerde instelling (fictief)',
  });
  const meeting = await readMeeting(ctx.db, caseId, meetingId);
  const byRole = (role: SpeakerRole) => meeting?.attendees.find((a) => a.speakerRole === role)?.id;
  const guest = (role: string) => meeting?.attendees.find((a) => a.guestRole === role)?.id;
  const said: [ReflectionPart, SpeakerRole, string, string | undefined, string | null][] = [
    [
      'went_well',
      'youth',
      'De voetbaltrainer bleef altijd. Bij hem hoefde ik niks uit te leggen.',
      byRole('youth'),
      'Voetbaltrainer',
    ],
    [
      'went_well',
      'parent',
      'In het gezinshuis werd ik als moeder serieus genomen.',
      byRole('parent'),
      'Gezinshuis De Linde',
    ],
    [
      'went_well',
      'guest',
      'Op de instelling kreeg hij weer les en haalde hij zijn eerste certificaat.',
      guest('jeugdbeschermer'),
      'Onderwijs op de instelling',
    ],
    [
      'could_differ',
      'parent',
      'Toen ik in het ziekenhuis lag, had iemand moeten vragen wat mijn zoon nodig had.',
      byRole('parent'),
      'Moeder opgenomen in het ziekenhuis',
    ],
    [
      'could_differ',
      'researcher',
      'De ADHD-diagnose is nooit getoetst aan wat er thuis gebeurde; de traumasignalen werden laat gezien.',
      byRole('researcher'),
      'Diagnose ADHD',
    ],
    [
      'helped',
      'youth',
      'Dat oma er was. Daar kon ik gewoon zijn.',
      byRole('youth'),
      'Bij oma gewoond',
    ],
    [
      'hindered',
      'guest',
      'Vijf maanden thuiszitten voordat leerplicht erbij kwam. Niemand had de regie.',
      guest('leerplichtambtenaar'),
      'Thuiszitten',
    ],
    [
      'hindered',
      'parent',
      'Elke keer een nieuwe jeugdbeschermer, en dan moest ik alles opnieuw vertellen.',
      byRole('parent'),
      null,
    ],
    [
      'cooperation',
      'guest',
      'Drie aanbieders tegelijk, geen gezamenlijk plan; school wist niet wat de GGZ deed.',
      guest('jeugdbeschermer'),
      null,
    ],
    [
      'learning_point',
      'researcher',
      'Bij schoolverzuim van een kind in zorg binnen twee weken samen om tafel: school, leerplicht, jeugdhulp en ouders.',
      byRole('researcher'),
      null,
    ],
    [
      'learning_point',
      'youth',
      'Vraag het mij. Ik wist vaak beter wat er aan de hand was dan de mensen die over mij praatten.',
      byRole('youth'),
      null,
    ],
  ];
  for (const [part, speakerRole, text, attendeeId, item] of said) {
    await addContribution(cmd, caseId, meetingId, {
      part,
      speakerRole,
      text,
      attendeeId: attendeeId ?? null,
      timelineItemId: item ? itemId(item) : null,
    });
  }
  const steps = [
    {
      what: 'Bij schoolverzuim van een jongere in zorg binnen twee weken een gesprek met school, leerplicht, jeugdhulp en ouders',
      who: 'leerplicht en gebiedsteam',
      due: '2026-09-01',
      status: 'in_progress' as const,
    },
    {
      what: 'Eén vaste jeugdbeschermer per gezin zolang de maatregel loopt',
      who: 'gecertificeerde instelling',
      due: '2026-12-31',
      status: 'open' as const,
    },
    {
      what: 'Bij een traumasignaal eerst traumascreening, vóór een nieuwe diagnose',
      who: 'jeugd-GGZ aanbieders in de regio',
      due: '2026-10-01',
      status: 'done' as const,
    },
  ];
  for (const step of steps) await addPlanStep(cmd, caseId, meetingId, step);
  const held = await readMeeting(ctx.db, caseId, meetingId);
  if (!held) throw new Error('demo meeting vanished');
  await addFollowUp(cmd, caseId, meetingId, held.plan[0]!.id, {
    on: '2026-05-20',
    tried:
      'Afspraak gemaakt tussen leerplicht en het gebiedsteam: bij tien dagen verzuim bellen ze elkaar.',
    result: 'Twee jongeren zijn sindsdien binnen twee weken besproken.',
    next: 'Evalueren in de volgende leerbijeenkomst.',
  });
  await addFollowUp(cmd, caseId, meetingId, held.plan[2]!.id, {
    on: '2026-06-02',
    tried: 'Screening op trauma opgenomen in het aanmeldprotocol van twee aanbieders.',
    result: 'Werkt; de derde aanbieder volgt.',
    next: '',
  });
  await updateMeeting(cmd, caseId, meetingId, {
    plannedAt: '2026-04-14T13:00:00+02:00',
    durationMinutes: 180,
    preparationMinutes: 60,
    location: 'Gemeentehuis Voorbeeldstad (fictief)',
    notes: 'Voorbereiding: iedereen leest de tijdlijn; de onderzoeker ook het dossier.',
    status: 'held',
    version: 1,
  });

  // The explanatory analysis, with two versions of the working theory.
  await startAnalysis(cmd, caseId, {
    problemStatement:
      'Waarom kwam een jongen die al op de basisschool signalen liet zien, na vijf overplaatsingen in gesloten jeugdhulp terecht?',
  });
  const factors: [
    string,
    'strength' | 'problem',
    string,
    string,
    'youth' | 'parent' | 'professional' | 'dossier',
  ][] = [
    [
      'kind',
      'problem',
      'Onverwerkte trauma-ervaringen',
      'PTSS pas in 2023 vastgesteld.',
      'dossier',
    ],
    ['kind', 'strength', 'Sportief en loyaal', 'Voetbal geeft structuur en trots.', 'youth'],
    [
      'ouders',
      'problem',
      'Ziekte en overbelasting van moeder',
      'Geen eigen hulp voor moeder.',
      'parent',
    ],
    [
      'gezin',
      'problem',
      'Scheiding met veel conflict',
      'Vader vertrok naar het buitenland.',
      'parent',
    ],
    [
      'school',
      'problem',
      'Maanden thuiszitten zonder onderwijsplan',
      'Zeven maanden geen school.',
      'dossier',
    ],
    [
      'netwerk',
      'strength',
      'Oma en de voetbaltrainer als vaste steun',
      'Niet benut in de plannen.',
      'youth',
    ],
    [
      'hulpverlening',
      'problem',
      'Wachttijden en steeds nieuwe hulpverleners',
      'Acht maanden wachtlijst, zeven jeugdbeschermers.',
      'professional',
    ],
  ];
  for (const [domainKey, kind, title, description, perspective] of factors)
    await addFactor(cmd, caseId, { domainKey, kind, title, description, perspective });
  const analysis = await readAnalysis(ctx.db, caseId);
  const factor = (title: string) => {
    const found = analysis?.factors.find((f) => f.title === title);
    if (!found) throw new Error(`demo factor "${title}" missing`);
    return found.id;
  };
  const hypotheses: [string[], string | null, string][] = [
    [
      ['Scheiding met veel conflict', 'Ziekte en overbelasting van moeder'],
      'Onverwerkte trauma-ervaringen',
      'Omdat het thuis jarenlang onveilig en onrustig was en moeder zelf geen steun kreeg, bouwde hij trauma op dat niemand zag.',
    ],
    [
      ['Onverwerkte trauma-ervaringen', 'Wachttijden en steeds nieuwe hulpverleners'],
      null,
      'Omdat zijn gedrag als ADHD werd gezien en de hulp steeds wisselde, werd de echte oorzaak niet behandeld; daardoor liep het vast tot in gesloten jeugdhulp.',
    ],
    [
      ['Maanden thuiszitten zonder onderwijsplan'],
      null,
      'Omdat hij maanden niet naar school ging, verloor hij zijn dagritme en vrienden; daardoor nam het risico op escalatie toe.',
    ],
    [
      ['Oma en de voetbaltrainer als vaste steun'],
      'Onverwerkte trauma-ervaringen',
      'Omdat oma en de trainer er altijd waren, had hij momenten van rust; dat is een kracht om op te bouwen.',
    ],
  ];
  for (const [causes, effect, explanation] of hypotheses)
    await addHypothesis(cmd, caseId, {
      causeIds: causes.map(factor),
      effectFactorId: effect ? factor(effect) : null,
      explanation,
    });
  await addTheory(cmd, caseId, {
    dated: '2026-03-10',
    text: 'De problemen van de jongere komen vooral voort uit ADHD en de scheiding van zijn ouders. Door wachttijden kwam behandeling te laat.',
    evaluation: 'Eerste versie, na het dossieronderzoek.',
    youthView: 'partly',
    youthWords: 'Het was niet de ADHD. Ik was gewoon bang en boos, en niemand vroeg waarom.',
    parentView: 'agreed',
    parentWords: '',
  });
  await addTheory(cmd, caseId, {
    dated: '2026-04-14',
    text: 'De problemen van de jongere komen vooral voort uit onverwerkt trauma door de onveilige jaren thuis en de scheiding. Door wachttijden, wisselende hulpverleners en maanden thuiszitten werd dat niet gezien en niet behandeld.',
    evaluation: 'Bijgesteld in de casusreview, na wat de jongere zelf vertelde.',
    youthView: 'agreed',
    youthWords: '',
    parentView: 'partly',
    parentWords: 'Ik had zelf ook hulp nodig in die tijd. Dat mag er wel in staan.',
  });
}
