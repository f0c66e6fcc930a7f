// The words of the analysis screen: kinds, perspectives and agreement in the reader's language,
// and a hypothesis as one sentence ("Omdat A en B, daarom het probleem") — the text the graph
// is an alternative for, and what a refused deletion lists.
import type { TFunction } from 'i18next';
import type {
  AgreementView,
  Factor,
  FactorKind,
  FactorPerspective,
  Hypothesis,
} from '../../../shared/contract/analysis';
import type { ExplanatoryAnalysis } from './api';

export function kindText(kind: FactorKind, t: TFunction): string {
  return t(`analysis.kind.${kind}`);
}

export function perspectiveText(perspective: FactorPerspective, t: TFunction): string {
  return t(`analysis.perspective.${perspective}`);
}

export function agreementText(view: AgreementView, t: TFunction): string {
  return t(`analysis.agreement.${view}`);
}

/** A sign that goes with each agreement, so it never rests on colour. */
export const agreementSign: Record<AgreementView, string> = {
  agreed: '✓',
  partly: '±',
  disagreed: '✗',
  not_asked: '–',
};

export function domainTitle(analysis: ExplanatoryAnalysis, key: string): string {
  return analysis.domainSet.domains.find((d) => d.key === key)?.title ?? key;
}

export function factorById(analysis: ExplanatoryAnalysis, id: string): Factor | undefined {
  return analysis.factors.find((f) => f.id === id);
}

/** "‘Angst in grote groepen’ (probleem, Kind zelf)". */
export function factorPhrase(
  analysis: ExplanatoryAnalysis,
  id: string | null,
  t: TFunction,
): string {
  if (id === null) return t('analysis.hypotheses.theProblem');
  const factor = factorById(analysis, id);
  if (!factor) return t('analysis.hypotheses.removedFactor');
  return t('analysis.hypotheses.factorPhrase', {
    title: factor.title,
    kind: kindText(factor.kind, t).toLowerCase(),
    domain: domainTitle(analysis, factor.domainKey),
  });
}

/** "A, B en C" in the reader's language. */
export function joinWords(words: string[], language: string): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'long',
    type: 'conjunction',
  }).format(words);
}

/** The hypothesis as one sentence: "Omdat ‘A’ (…) en ‘B’ (…), daarom het probleem." */
export function hypothesisSentence(
  analysis: ExplanatoryAnalysis,
  hypothesis: Pick<Hypothesis, 'causeIds' | 'effectFactorId'>,
  t: TFunction,
  language: string,
): string {
  return t('analysis.hypotheses.sentence', {
    causes: joinWords(
      hypothesis.causeIds.map((id) => factorPhrase(analysis, id, t)),
      language,
    ),
    effect: factorPhrase(analysis, hypothesis.effectFactorId, t),
  });
}

/** The number a hypothesis has in the list and on the graph (1, 2, …). */
export function hypothesisNumber(analysis: ExplanatoryAnalysis, id: string): number | null {
  const index = analysis.hypotheses.findIndex((h) => h.id === id);
  return index === -1 ? null : index + 1;
}
