// The default domain set of the explanatory analysis (Dutch), loaded as version 1 at the first
// start: six domains, each with its risk and its protective factors. The names of the seven
// factors of the 7-factorenmodel are licensed and not verified here (research-domain.md C.4), so
// they are not built in: an administrator loads the licensed list as a new version by import.
import type { InstrumentContentInput } from '../../../shared/contract/instruments';

const domains: { key: string; title: string; examples: string }[] = [
  {
    key: 'kind',
    title: 'Kind zelf',
    examples: 'ontwikkeling, gezondheid, temperament, gedrag, wat het kind zelf vertelt en wil',
  },
  {
    key: 'ouders',
    title: 'Ouders',
    examples:
      'opvoedvaardigheden, eigen problemen (psychisch, verslaving, schulden), eigen jeugd, draagkracht',
  },
  {
    key: 'gezin',
    title: 'Gezinssysteem',
    examples: 'relaties in het gezin, broers en zussen, scheiding, huiselijk geweld, wonen',
  },
  {
    key: 'school',
    title: 'School en onderwijs',
    examples: 'passend onderwijs, schoolgang, relatie met leerkrachten en mentor, vrijstellingen',
  },
  {
    key: 'netwerk',
    title: 'Netwerk en omgeving',
    examples: 'familie, vrienden, buurt, sport, geloofsgemeenschap, sleutelfiguren',
  },
  {
    key: 'hulpverlening',
    title: 'Hulpverleningsgeschiedenis',
    examples:
      'eerdere hulp en wat die opleverde, wachttijden, overplaatsingen, wisselende hulpverleners',
  },
];

export const defaultAnalysisDomains: InstrumentContentInput = {
  title: 'Domeinen van de verklarende analyse',
  description:
    'De standaardindeling van factoren in domeinen. Een beheerder kan de gelicentieerde lijst van het 7-factorenmodel als nieuwe versie importeren.',
  sections: domains.map((domain) => ({
    key: domain.key,
    title: domain.title,
    items: [
      {
        key: `${domain.key}_risico`,
        question: `Welke risicofactoren spelen in het domein ${domain.title.toLowerCase()}?`,
        help: `Bijvoorbeeld: ${domain.examples}.`,
        answer: { type: 'text' },
      },
      {
        key: `${domain.key}_beschermend`,
        question: `Welke beschermende factoren en krachten zijn er in het domein ${domain.title.toLowerCase()}?`,
        help: `Bijvoorbeeld: ${domain.examples}.`,
        answer: { type: 'text' },
      },
    ],
  })),
};
