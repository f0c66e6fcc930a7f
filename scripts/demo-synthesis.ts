// The demo programme's synthesis board and threads (rode draden), built from the codes of the
// coding demo (scripts/demo-coding.ts): three themes on the board, and five threads of which
// three are active — "Hulp komt pas als het escaleert" in a second version, "School valt als
// eerste weg", and "Niet gehoord bij besluiten", which superseded two earlier threads it merged.
// Written through the commands the API uses; all of it fictional.
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../src/server/db/context';
import { programmeResource, type Reach } from '../src/server/features/coding/access';
import { codesOf } from '../src/server/features/coding/codebook';
import { cases } from '../src/server/features/cases/schema';
import { createTheme, placeCode, readBoard } from '../src/server/features/synthesis/themes';
import {
  createThread,
  readThread,
  supersedeThread,
  updateThread,
} from '../src/server/features/synthesis/threads';
import type { Actor } from '../src/server/policy/policy';

type Ctx = RequestContext & { actor: Actor };

export async function seedDemoSynthesis(ctx: Ctx, caseId: string) {
  const [row] = await ctx.db
    .select({ programmeId: cases.programmeId })
    .from(cases)
    .where(eq(cases.id, caseId));
  const programmeId = row!.programmeId;
  const reach: Reach = {
    actor: ctx.actor,
    grounds: 'team_membership',
    resource: await programmeResource(ctx.db, programmeId),
    programmeId,
    caseId: null,
    caseCode: null,
  };
  const c = { ...ctx, reach };
  const codes = new Map((await codesOf(ctx.db, programmeId)).map((code) => [code.name, code.id]));
  const code = (name: string) => {
    const id = codes.get(name);
    if (!id) throw new Error(`the coding demo has no code "${name}"`);
    return id;
  };

  // The board: three themes; the top-level codes and "Beschermende factoren" stay ungrouped.
  const themes: [string, string, string[]][] = [
    [
      'Wachten en versnipperde hulp',
      'Lange wachttijden en niemand die het geheel overziet.',
      ['Wachttijd', 'Geen regie'],
    ],
    [
      'Gehoord en betrokken worden',
      'Of jongeren en ouders meebeslissen, en wie er echt luistert.',
      ['Niet betrokken bij besluiten', 'Iemand die luistert'],
    ],
    [
      'School als anker',
      'Thuiszitten, en de mentor als vast contact.',
      ['Thuiszitten', 'Mentor als steun'],
    ],
  ];
  const themeIds = new Map<string, string>();
  for (const [name, description, members] of themes) {
    const id = await createTheme(c, { name, description });
    themeIds.set(name, id);
    for (const member of members)
      await placeCode(c, { codeId: code(member), themeId: id, fromThemeId: null });
  }
  // Read back once, so the demo fails here if the board does not show what was placed.
  const board = await readBoard(ctx.db, reach);
  if (board.themes.some((t) => t.codeIds.length !== 2))
    throw new Error('demo board: a theme lost its codes');

  // Thread 1, from a theme, then sharpened into a second version.
  const late = await createThread(c, {
    title: 'Hulp komt pas als het escaleert',
    description:
      'Gezinnen wachten maanden op passende hulp. In die tijd lopen de problemen op, tot een crisis een plaatsing afdwingt.',
    codeIds: [],
    themeId: themeIds.get('Wachten en versnipperde hulp')!,
    note: 'Van het themabord',
  });
  await updateThread(c, late, {
    title: 'Hulp komt pas als het escaleert',
    description:
      'Gezinnen wachten maanden op passende hulp, en niemand overziet het geheel. Ouders vertellen hun verhaal steeds opnieuw. In die tijd lopen de problemen op, tot een crisis een plaatsing afdwingt.',
    codeIds: [code('Wachttijd'), code('Geen regie')],
    version: 1,
    note: 'Na de leerbijeenkomst: het ontbreken van regie hoort erbij',
  });

  // Threads 2 and 3: two findings about not being heard, merged into thread 4.
  const heard = await createThread(c, {
    title: 'Jongeren en ouders worden niet gehoord',
    description: 'Jongeren en ouders voelen zich niet gehoord door de hulpverlening.',
    codeIds: [],
    themeId: themeIds.get('Gehoord en betrokken worden')!,
    note: '',
  });
  const moved = await createThread(c, {
    title: 'Overplaatsing zonder uitleg',
    description:
      'Een jongere hoort pas op het laatste moment dat hij wordt overgeplaatst, en waarom niet.',
    codeIds: [code('Niet betrokken bij besluiten')],
    themeId: null,
    note: '',
  });
  const heardNow = await readThread(ctx.db, reach, heard);
  const movedNow = await readThread(ctx.db, reach, moved);
  await supersedeThread(c, heard, {
    version: heardNow.version,
    note: 'Samengevoegd: beide gaan over besluiten zonder jongere en ouders',
    byThreadId: null,
    replacement: {
      title: 'Niet gehoord bij besluiten',
      description:
        'Besluiten over hulp en plaatsing vallen buiten de jongere en de ouders om. Waar wel iemand echt luisterde (een mentor, een pleegmoeder), maakte dat het verschil.',
      codeIds: [code('Niet betrokken bij besluiten'), code('Iemand die luistert')],
    },
    mergeWith: [{ threadId: moved, version: movedNow.version }],
  });

  // Thread 5, from the school theme.
  await createThread(c, {
    title: 'School valt als eerste weg',
    description:
      'Bij een plaatsing of crisis valt school als eerste weg, terwijl een mentor vaak het enige vaste contact is. Jongeren zitten maanden thuis.',
    codeIds: [],
    themeId: themeIds.get('School als anker')!,
    note: '',
  });
}
