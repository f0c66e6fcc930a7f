// Item keys are the thread between versions of an instrument: answers given under version 1 and
// version 3 are compared by key. So a key keeps its answer type once it has been published; a
// question that changes its type gets a new key.
import type { InstrumentContent } from '../contract/instruments';

export type KeyProblem = { path: string; message: string };

/** The items of a new version whose key had another answer type in an earlier published version. */
export function answerTypeChanges(
  content: InstrumentContent,
  published: readonly { number: number; content: InstrumentContent }[],
): KeyProblem[] {
  const earlier = new Map<string, { number: number; type: string }>();
  for (const version of [...published].sort((a, b) => a.number - b.number))
    for (const section of version.content.sections)
      for (const item of section.items)
        earlier.set(item.key, { number: version.number, type: item.answer.type });
  const problems: KeyProblem[] = [];
  content.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const before = earlier.get(item.key);
      if (before && before.type !== item.answer.type)
        problems.push({
          path: `content.sections.${s}.items.${i}.answer.type`,
          message: `De sleutel ${item.key} had in versie ${before.number} het antwoordtype ${before.type}. Geef een vraag met een ander antwoordtype een nieuwe sleutel, zodat antwoorden vergelijkbaar blijven.`,
        });
    }),
  );
  return problems;
}
