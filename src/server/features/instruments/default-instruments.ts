// The two instruments every installation starts with, loaded at start: the dossier checklist
// and the domain set of the explanatory analysis, each as published version 1. An instrument
// that exists already (perhaps with newer versions) is left as it is.
import type { Db } from '../../db/connect';
import {
  instrumentContentSchema,
  type InstrumentContentInput,
  type InstrumentKind,
} from '../../../shared/contract/instruments';
import { defaultAnalysisDomains } from './default-analysis-domains';
import { defaultDossierChecklist } from './default-dossier-checklist';
import { instrumentVersions, instruments } from './schema';

export const defaultInstruments: {
  code: string;
  kind: InstrumentKind;
  content: InstrumentContentInput;
}[] = [
  { code: 'dossier-checklist', kind: 'dossier_checklist', content: defaultDossierChecklist },
  { code: 'analysis-domains', kind: 'analysis_domains', content: defaultAnalysisDomains },
];

export async function syncInstruments(db: Db, now: Date = new Date()): Promise<void> {
  for (const instrument of defaultInstruments) {
    // The defaults pass the same gate as an import: a broken default stops the start.
    const content = instrumentContentSchema.parse(instrument.content);
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(instruments)
        .values({ code: instrument.code, kind: instrument.kind, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: instruments.id });
      if (!created) return;
      await tx.insert(instrumentVersions).values({
        instrumentId: created.id,
        number: 1,
        status: 'published',
        content,
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      });
    });
  }
}
