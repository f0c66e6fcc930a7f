// The policymakers' aggregates and the thematic report through the HTTP routes, on crafted data
// (report-fixture.ts): small counts and the cells that would give them away are hidden and never
// in the JSON or the files; the report prints consented quotes only, and the preview says how
// many were left out; files read back (PDF, DOCX, CSV, XLSX); rights; bad input stores nothing;
// a published version stays downloadable by policymakers and loses a quote whose consent goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { createTestApp, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { docxText, pdfText } from '../../testing/documents';
import { headersOf } from '../../testing/fixtures';
import {
  aggregatesSchema,
  reportVersionListSchema,
  thematicReportSchema,
  type Aggregates,
  type ThematicReport,
} from '../../../shared/contract/thematic-report';
import { accessLog } from '../audit/schema';
import { reportFixture, quoteText, withdrawnQuoteText } from './report-fixture';
import { thematicReportVersions } from './schema';
import { generateThematicReport } from './data';
import { chartGroups, renderThematicCsv, renderThematicDocx, renderThematicPdf } from './render';

const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

describe.each(testDatabaseKinds())('aggregates and the thematic report (%s)', (kind) => {
  let test: TestApp;
  let data: Awaited<ReturnType<typeof reportFixture>>;
  let policymaker: AuthHeaders;
  let participant: AuthHeaders;
  let otherResearcher: AuthHeaders;
  const now = new Date('2026-06-01T10:00:00Z');

  const call = (method: 'GET' | 'POST', url: string, session: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const base = () => `/api/programmes/${data.fx.programmeId}/synthesis`;
  const versionCount = async () =>
    Number(
      (
        await test.database.db
          .select({ n: count() })
          .from(thematicReportVersions)
          .where(eq(thematicReportVersions.programmeId, data.fx.programmeId))
      )[0]!.n,
    );

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    data = await reportFixture(test);
    policymaker = await loginAs(test, 'policymaker');
    participant = await loginAs(test, 'participant');
    otherResearcher = await loginAs(test, 'researcher');
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  describe('aggregates', () => {
    let body: Aggregates;
    let json: string;
    beforeAll(async () => {
      const response = await call('GET', `${base()}/aggregates`, policymaker);
      expect(response.statusCode, response.body).toBe(200);
      json = response.body;
      body = aggregatesSchema.parse(response.json());
    });

    it('shows the active threads only, with counts and shares where no small count hides', () => {
      expect(body.threshold).toBe(5);
      expect(body.threads.map((t) => t.title)).toEqual([
        'Rondgepompt tussen aanbieders',
        'Nog leeg',
      ]);
      const main = body.threads[0]!;
      expect(main.total.cases).toEqual({ value: 30, suppressed: null });
      expect(main.total.of).toEqual({ value: 57, suppressed: null });
      expect(main.total.share).toBe(52.6);
      const ggz = main.byInstitutionType.find((g) => g.key === 'klinische_jeugd_ggz')!;
      expect(ggz).toMatchObject({ cases: { value: 9 }, of: { value: 17 }, share: 52.9 });
      expect(body.abilities.report).toBe(false);
    });

    it('hides the count of 3 (primary) and the counts that would give it away (secondary)', () => {
      const main = body.threads[0]!;
      const group = (key: string) => main.byInstitutionType.find((g) => g.key === key)!;
      expect(group('jji').cases).toEqual({ value: null, suppressed: 'primary' });
      expect(group('jji').share).toBeNull();
      // Without more hidden cells, 30 − 10 − 8 − 9 = 3 would follow from the total.
      const hidden = main.byInstitutionType.filter((g) => g.cases.value === null);
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hidden.every((g) => g.share === null)).toBe(true);
      const visibleSum = main.byInstitutionType.reduce((a, g) => a + (g.cases.value ?? 0), 0);
      expect(30 - visibleSum).toBeGreaterThanOrEqual(5);
      // The raw values of hidden cells are nowhere in the answer.
      for (const g of hidden) {
        const raw = JSON.stringify(g);
        expect(raw).not.toMatch(/"value":(3|8|10)\b/);
      }
    });

    it('sends no segments, quotes, case codes or unpublished recommendations', () => {
      expect(json).not.toContain(quoteText.slice(0, 20));
      expect(json).not.toContain(withdrawnQuoteText.slice(0, 20));
      expect(json).not.toMatch(/segment/i);
      expect(json).not.toContain('TR-');
      for (const c of data.cases.slice(0, 5)) expect(json).not.toContain(c.id);
      expect(json).not.toContain('Geheime conceptaanbeveling');
      expect(json).not.toContain('School blijft in beeld');
      const groups = body.threads[0]!.recommendations;
      const gemeenten = groups.find((g) => g.code === 'gemeenten')!;
      expect(gemeenten.recommendations.map((r) => r.title)).toEqual([
        'Eén vaste regisseur per jongere',
      ]);
      // The link to an unpublished recommendation is not shown either.
      expect(body.links).toEqual([]);
    });

    it('gives the indicators by kind of institution and region, none over fewer than threshold cases', async () => {
      const median = (list: Aggregates['indicators']['byRegion'], key: string, indicator: string) =>
        list.find((g) => g.key === key)?.medians.find((m) => m.key === indicator)?.median;
      const { byInstitutionType, byRegion } = body.indicators;
      expect(median(byInstitutionType, 'klinische_jeugd_ggz', 'placementChanges')).toBe(5);
      expect(median(byInstitutionType, 'jji', 'placementChanges')).toBe(1);
      expect(median(byRegion, 'JZ16', 'placementChanges')).toBe(5);
      // No case has an early-signal gap: nothing to show.
      expect(median(byRegion, 'JZ16', 'earlySignalGap')).toBeNull();
      await test.database.db.execute(
        sql`update programmes set small_cell_threshold = 10 where id = ${data.fx.programmeId}`,
      );
      try {
        const strict = aggregatesSchema.parse(
          (await call('GET', `${base()}/aggregates`, policymaker)).json(),
        );
        expect(median(strict.indicators.byInstitutionType, 'jji', 'placementChanges')).toBeNull();
        expect(
          median(strict.indicators.byInstitutionType, 'klinische_jeugd_ggz', 'placementChanges'),
        ).toBe(5);
      } finally {
        await test.database.db.execute(
          sql`update programmes set small_cell_threshold = 5 where id = ${data.fx.programmeId}`,
        );
      }
    });

    it('is logged, and answers 404 to whoever may not see aggregates', async () => {
      const entries = await test.database.db
        .select()
        .from(accessLog)
        .where(
          and(
            eq(accessLog.resourceType, 'synthesis_aggregates'),
            eq(accessLog.resourceId, data.fx.programmeId),
          ),
        );
      expect(entries.length).toBeGreaterThan(0);
      expect((await call('GET', `${base()}/aggregates`, participant)).statusCode).toBe(404);
      expect((await call('GET', `${base()}/aggregates`, otherResearcher)).statusCode).toBe(404);
      const unknown = '/api/programmes/00000000-0000-4000-8000-000000000000/synthesis/aggregates';
      expect((await call('GET', unknown, policymaker)).statusCode).toBe(404);
    });
  });

  describe('the draft report', () => {
    it('previews consented quotes only and says how many were left out', async () => {
      const response = await call('GET', `${base()}/report`, data.fx.researcher);
      expect(response.statusCode, response.body).toBe(200);
      const report: ThematicReport = thematicReportSchema.parse(response.json());
      expect(report.version).toBeNull();
      const main = report.threads[0]!;
      expect(main.quotes.map((q) => q.text)).toEqual([quoteText]);
      expect(main.quotes[0]!.perspective).toBe('youth');
      expect(main.quotesLeftOut).toBe(1);
      expect(response.body).not.toContain(withdrawnQuoteText.slice(0, 20));
      // Draft: approved recommendations too, marked; never a draft one.
      const states = main.recommendations.flatMap((g) =>
        g.recommendations.map((r) => `${r.title}:${r.state}`),
      );
      expect(states.sort()).toEqual([
        'Eén vaste regisseur per jongere:published',
        'School blijft in beeld:approved',
      ]);
      expect(report.links).toHaveLength(1);
      expect(main.byInstitutionType.find((g) => g.key === 'jji')!.cases.value).toBeNull();
    });

    it('prints the report as PDF and DOCX: titles, figures, the consented quote, not the withdrawn', async () => {
      const pdf = await call(
        'GET',
        `${base()}/report.pdf?threads=${data.threads.main}`,
        data.fx.researcher,
      );
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = flat(pdfText(pdf.rawPayload));
      if (text) {
        expect(text).toContain('Themarapport');
        expect(text).toContain('RODE DRAAD 1');
        expect(text).toContain('Rondgepompt tussen aanbieders');
        expect(text).toContain('Hoe we leerden');
        expect(text).toContain('52,6%');
        expect(text).toContain(quoteText);
        expect(text).not.toContain(withdrawnQuoteText.slice(0, 30));
        expect(text).toContain('Eén vaste regisseur per jongere');
        expect(text).toContain('goedgekeurd, nog niet gepubliceerd');
        expect(text).not.toContain('Geheime conceptaanbeveling');
        expect(text).toContain('Samenhang tussen aanbevelingen');
      }
      const docx = await call(
        'GET',
        `${base()}/report.docx?threads=${data.threads.main}`,
        data.fx.researcher,
      );
      expect(docx.statusCode).toBe(200);
      const read = docxText(docx.rawPayload);
      expect(read.languages).toContain('nl-NL');
      const words = flat(read.text);
      expect(words).toContain('Rode draad 1: Rondgepompt tussen aanbieders');
      expect(words).toContain(quoteText);
      expect(words).not.toContain(withdrawnQuoteText.slice(0, 30));
      expect(words).toContain('Eén vaste regisseur per jongere');
    });

    it('prints English when asked', async () => {
      const docx = await call('GET', `${base()}/report.docx?lang=en`, data.fx.researcher);
      const read = docxText(docx.rawPayload);
      expect(read.languages).toContain('en-GB');
      expect(read.text).toContain('How we learned');
      expect(read.text).toContain('Thread 1: Rondgepompt tussen aanbieders');
    });

    it('prints large figures for people (20.000) and draws at most 12 regions, the rest in the export', async () => {
      const preview = await call(
        'GET',
        `${base()}/report?threads=${data.threads.main}`,
        data.fx.researcher,
      );
      const report = thematicReportSchema.parse(preview.json());
      const shown = (value: number) => ({ value, suppressed: null });
      // The same report as a large programme would give it: 20,000 cases in 20 regions.
      const big: ThematicReport = {
        ...report,
        cases: shown(20_000),
        threads: report.threads.map((t) => ({
          ...t,
          total: { ...t.total, cases: shown(20_000), of: shown(20_000), share: 100 },
          byRegion: Array.from({ length: 20 }, (_, i) => ({
            key: `R${i}`,
            label: `Regio ${i}`,
            cases: shown(i === 7 ? 12_345 : 100 + i),
            of: shown(20_000),
            share: null,
          })),
        })),
      };
      const pdf = flat(pdfText(await renderThematicPdf(big)));
      if (pdf) {
        expect(pdf).toContain('20.000');
        expect(pdf).toContain('12.345');
        expect(pdf).not.toContain('12345');
        expect(pdf).toContain(
          // (the text reader joins "CSV-" at a line end to the next word)
          'Alleen de 12 grootste staan in de grafiek; de andere 8 staan in de',
        );
      }
      const docx = flat(docxText(await renderThematicDocx(big)).text);
      expect(docx).toContain('20.000');
      expect(docx).toContain('de andere 8 staan in de CSV- en XLSX-export');
      // The largest region is drawn, the smallest only exported.
      expect(chartGroups(big.threads[0]!.byRegion).drawn.map((g) => g.key)).toContain('R7');
      expect(chartGroups(big.threads[0]!.byRegion).drawn.map((g) => g.key)).not.toContain('R0');
      // The export keeps plain numbers for machines.
      const csv = renderThematicCsv(big).toString('utf8');
      expect(csv).toContain('12345');
      expect(csv).toContain('Regio 0');
    });

    it('exports the counts as CSV and XLSX with the marker for hidden counts, never their value', async () => {
      const csv = await call('GET', `${base()}/report.csv`, data.fx.researcher);
      expect(csv.statusCode).toBe(200);
      const rows = parse(csv.rawPayload.toString('utf8').replace(/^\uFEFF/, ''), {
        delimiter: ';',
      }) as string[][];
      expect(rows[0]).toEqual(['Onderdeel', 'Rode draad', 'Groep', 'Maat', 'Waarde']);
      const value = (group: string, measure: string) =>
        rows.find(
          (r) =>
            r[0] === 'Casussen per soort instelling' &&
            r[1] === '1. Rondgepompt tussen aanbieders' &&
            r[2] === group &&
            r[3] === measure,
        )?.[4];
      expect(value('Justitiële jeugdinrichting (JJI)', 'Aantal casussen')).toBe('*');
      expect(value('Justitiële jeugdinrichting (JJI)', 'Van')).toBe('9');
      expect(value('Klinische jeugd-GGZ', 'Aantal casussen')).toBe('9');
      expect(value('Klinische jeugd-GGZ', 'Percentage')).toBe('52,9');
      expect(value('Jeugdzorgplus', 'Aantal casussen')).toBe('*');
      const xlsx = await call('GET', `${base()}/report.xlsx`, data.fx.researcher);
      expect(xlsx.statusCode).toBe(200);
      const [sheet] = await readXlsxFile(xlsx.rawPayload);
      const fromXlsx = sheet!.data.map((row) =>
        row.map((c) => (typeof c === 'number' ? c : String(c ?? ''))),
      );
      expect(fromXlsx).toHaveLength(rows.length);
      const ggz = fromXlsx.find(
        (r) =>
          r[2] === 'Klinische jeugd-GGZ' &&
          r[3] === 'Percentage' &&
          r[0] === 'Casussen per soort instelling',
      );
      expect(ggz?.[4]).toBe(52.9);
      const jji = fromXlsx.find(
        (r) =>
          r[2] === 'Justitiële jeugdinrichting (JJI)' &&
          r[3] === 'Aantal casussen' &&
          r[0] === 'Casussen per soort instelling',
      );
      expect(jji?.[4]).toBe('*');
    });

    it('logs the export, with one entry per case whose quote it prints', async () => {
      const entries = await test.database.db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.resourceType, 'thematic_report'), eq(accessLog.action, 'export')));
      expect(entries.some((e) => e.caseId === null)).toBe(true);
      expect(entries.some((e) => e.caseId === data.people[0]!.caseId)).toBe(true);
      expect(entries.some((e) => e.caseId === data.people[1]!.caseId)).toBe(false);
    });

    it('refuses a report to whoever may not generate it (404, as the policy says)', async () => {
      for (const session of [policymaker, participant, otherResearcher])
        for (const path of ['report', 'report.pdf', 'report.csv'])
          expect((await call('GET', `${base()}/${path}`, session)).statusCode).toBe(404);
      // Before any 400 about the input.
      expect((await call('GET', `${base()}/report.pdf?threads=`, policymaker)).statusCode).toBe(
        404,
      );
    });

    it('refuses an empty selection, an unknown thread, one of another programme, a withdrawn one', async () => {
      const bad = async (threads: string) => {
        const response = await call(
          'GET',
          `${base()}/report.pdf?threads=${threads}`,
          data.fx.researcher,
        );
        expect(response.statusCode, threads).toBe(400);
        const body = response.json() as { error: { code: string; message: string } };
        expect(body.error.code).toBe('INVALID_INPUT');
        expect(body.error.message.length).toBeGreaterThan(5);
        return body.error.message;
      };
      await bad('');
      await bad('not-a-thread');
      await bad('00000000-0000-4000-8000-000000000000');
      expect(await bad(data.otherThread)).toContain('hoort niet bij dit programma');
      expect(await bad(`${data.threads.main},${data.otherThread}`)).toContain(
        'hoort niet bij dit programma',
      );
      expect(await bad(data.threads.withdrawn)).toContain('niet meer actief');
    });
  });

  describe('publishing', () => {
    it('refuses bad input and strangers, storing nothing', async () => {
      const url = `${base()}/report/versions`;
      const before = await versionCount();
      expect(
        (await call('POST', url, policymaker, { threadIds: [data.threads.main] })).statusCode,
      ).toBe(404);
      expect(
        (await call('POST', url, otherResearcher, { threadIds: [data.threads.main] })).statusCode,
      ).toBe(404);
      expect((await call('POST', url, data.fx.researcher, { threadIds: [] })).statusCode).toBe(400);
      const other = await call('POST', url, data.fx.researcher, {
        threadIds: [data.threads.main, data.otherThread],
      });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.code).toBe('INVALID_INPUT');
      expect(await versionCount()).toBe(before);
    });

    it('publishes a version that policymakers list and download; a quote whose consent goes leaves it', async () => {
      const url = `${base()}/report/versions`;
      const created = await call('POST', url, data.fx.researcher, {
        threadIds: [data.threads.main],
        note: 'Eerste uitgave',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        number: 1,
        note: 'Eerste uitgave',
        recommendations: 1,
      });
      const [stored] = await test.database.db
        .select()
        .from(thematicReportVersions)
        .where(eq(thematicReportVersions.programmeId, data.fx.programmeId));
      // Published: only published recommendations; thread and recommendation versions named.
      expect(JSON.stringify(stored!.content)).not.toContain('School blijft in beeld');
      expect(stored!.threadVersions).toEqual([
        { threadId: data.threads.main, number: 1, version: 1 },
      ]);

      const list = reportVersionListSchema.parse((await call('GET', url, policymaker)).json());
      expect(list.items.map((v) => v.number)).toEqual([1]);
      expect(list.items[0]!.publishedBy).toBeNull();
      expect(list.abilities.publish).toBe(false);

      const pdf = await call('GET', `${url}/1.pdf`, policymaker);
      expect(pdf.statusCode, pdf.body).toBe(200);
      const text = flat(pdfText(pdf.rawPayload));
      if (text) {
        expect(text).toContain('Gepubliceerde versie 1');
        expect(text).toContain(quoteText);
      }
      expect((await call('GET', `${url}/2.pdf`, policymaker)).statusCode).toBe(404);
      expect((await call('GET', `${url}/1.pdf`, participant)).statusCode).toBe(404);

      // The youth withdraws quote consent: later copies no longer carry the quote.
      await test.database.db.execute(
        sql`update consents set withdrawn_on = '2026-05-01' where participant_id = ${data.people[0]!.youth}`,
      );
      const docx = await call('GET', `${url}/1.docx`, policymaker);
      expect(docx.statusCode).toBe(200);
      expect(flat(docxText(docx.rawPayload).text)).not.toContain(quoteText);
      const csv = await call('GET', `${url}/1.csv`, policymaker);
      expect(csv.statusCode).toBe(200);
      expect(csv.rawPayload.toString('utf8')).toContain('"*"');
    });

    it('numbers versions one after the other', async () => {
      const url = `${base()}/report/versions`;
      const created = await call('POST', url, data.fx.researcher, {
        threadIds: [data.threads.main, data.threads.empty],
        lang: 'en',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().number).toBe(2);
      expect(created.json().publishedBy).not.toBeNull();
    });
  });

  it('generates a report straight from the database for the bench (no actor: every case)', async () => {
    const { report } = await generateThematicReport(test.database.db, {
      programmeId: data.fx.programmeId,
      now,
    });
    expect(report.threads).toHaveLength(2);
    expect(report.cases).toEqual({ value: 57, suppressed: null });
  });
});
