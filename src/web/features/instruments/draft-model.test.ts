// The editor's pure parts: content survives the trip into editable rows and back unchanged,
// keys are suggested from text without clashing, a difference of two versions matches items
// by key (a moved item is "moved", not "removed and added"), and an import path is said in
// words with the document's own titles.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { contentDifferences } from './content-diff';
import { contentOf, draftFromContent, sameContent, suggestKey } from './draft-model';
import { pathInWords } from './labels';
import { content } from './test-data';

const t = i18n.getFixedT('nl');

describe('the working copy', () => {
  it('gives back the content it was made from, so an untouched draft has nothing to save', () => {
    const draft = draftFromContent(content);
    expect(contentOf(draft)).toEqual(content);
    expect(sameContent(draft, draftFromContent(content))).toBe(true);
  });

  it('suggests keys from text, without accents, and never one that is taken', () => {
    expect(suggestKey('Is er één plan (2026)?', new Set())).toBe('is_er_een_plan_2026');
    expect(suggestKey('Plan', new Set(['plan', 'plan_2']))).toBe('plan_3');
    expect(suggestKey('2026', new Set())).toBe('');
  });
});

describe('contentDifferences', () => {
  it('matches items by key: a moved item shows where it went, with both sides in words', () => {
    const [first, second] = content.sections;
    const moved = {
      ...content,
      sections: [
        { ...first!, items: [first!.items[1]!] },
        { ...second!, items: [...second!.items, first!.items[0]!] },
      ],
    };
    expect(contentDifferences(moved, content, t, 'nl')).toEqual([
      {
        label: 'Vraag hulpvraag_in_dossier: onderdeel',
        yours: 'Verloop',
        current: 'Hulpvraag',
      },
    ]);
  });
});

describe('pathInWords', () => {
  it('names the parts of the document, with their titles where the document has them', () => {
    const document = { format: 'iets', content };
    expect(pathInWords('format', document, t)).toBe('bestandsformaat');
    expect(pathInWords('content.sections.1.items.0.answer.min', document, t)).toBe(
      'onderdeel 2 ‘Verloop’ › vraag 1 ‘Hoeveel plaatsingen waren er?’ › soort antwoord › minimum',
    );
    expect(pathInWords('content.sections.0.items.1.answer.options.1.code', document, t)).toBe(
      'onderdeel 1 ‘Hulpvraag’ › vraag 2 ‘Waar ging de hulpvraag over?’ › soort antwoord › keuze 2 ‘Een woonplek’ › code',
    );
    expect(pathInWords('content.sections', document, t)).toBe('onderdelen');
    expect(pathInWords('', document, t)).toBe('het bestand');
  });
});
