import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import {
  createTestApp,
  createUser,
  login,
  loginAs,
  type AuthHeaders,
  type TestApp,
} from '../../testing/app';
import { testDatabaseKinds } from '../../testing/database';
import { docxText, pdfText } from '../../testing/documents';
import { headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { users } from '../auth/schema';
import {
  quarterlyReportSchema,
  type QuarterlyReport,
  type Registration,
  type RegistrationInput,
} from '../../../shared/contract/monitoring';
import { accessRegistrations } from './schema';

type Session = AuthHeaders & { user: { id: string } };

describe.each(testDatabaseKinds())('access-table monitoring (%s)', (kind) => {
  let test: TestApp;
  const now = new Date('2026-06-15T10:00:00Z');
  let admin: Session;
  let member: Session;
  let otherMember: Session;
  let outsider: Session;
  let researcher: Session;
  let policymaker: Session;
  let otherPolicymaker: Session;
  let participant: Session;
  let tableId: string;
  let otherTableId: string;
  const region = 'JZ13';
  const otherRegion = 'JZ01';

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });

  async function ok<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) {
    const response = await call(method, url, session, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as T;
  }

  const input = (overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
    tableId,
    discussedOn: '2026-05-12',
    reference: 'TT-2026-001',
    referringTeam: 'Gebiedsteam Noord',
    ageBand: '12-15',
    problemAreas: ['behaviour', 'school_absence'],
    questionType: 'treatment',
    informationSufficient: 'yes',
    informationMissing: '',
    outcome: 'fitting_help',
    missingHelp: '',
    daysWaiting: 12,
    hasExplanatoryAnalysis: true,
    bottlenecks: '',
    ...overrides,
  });

  const liveRows = async () =>
    Number(
      (
        await test.database.db
          .select({ n: count() })
          .from(accessRegistrations)
          .where(isNull(accessRegistrations.deletedAt))
      )[0]!.n,
    );

  /** A policymaker whose organisation is in the given municipality, logged in. */
  async function policymakerOf(municipalityCode: string): Promise<Session> {
    const org = await ok<{ id: string }>('POST', '/api/organisations', admin, {
      name: `Gemeente ${municipalityCode}`,
      type: 'municipality',
      municipalityCode,
    });
    const user = await createUser(test, 'policymaker');
    await test.database.db
      .update(users)
      .set({ organisationId: org.id })
      .where(eq(users.id, user.id));
    return { ...(await login(test, user)), user };
  }

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    admin = await loginAs(test, 'admin');
    member = await loginAs(test, 'professional');
    otherMember = await loginAs(test, 'professional');
    outsider = await loginAs(test, 'professional');
    researcher = await loginAs(test, 'researcher');
    participant = await loginAs(test, 'participant');
    tableId = (
      await ok<{ id: string }>('POST', '/api/access-tables', admin, {
        regionCode: region,
        name: 'Team Toegang Amsterdam',
        kind: 'team_toegang',
        smallCellThreshold: 3,
      })
    ).id;
    otherTableId = (
      await ok<{ id: string }>('POST', '/api/access-tables', admin, {
        regionCode: otherRegion,
        name: 'REX Noord',
        kind: 'regional_expert_team',
        smallCellThreshold: 3,
      })
    ).id;
    await ok('PUT', `/api/access-tables/${tableId}/members`, admin, { userId: member.user.id });
    await ok('PUT', `/api/access-tables/${otherTableId}/members`, admin, {
      userId: otherMember.user.id,
    });
    // A policymaker of Amsterdam's municipality, and one of a municipality in another region.
    policymaker = await policymakerOf('0363');
    otherPolicymaker = await policymakerOf('0014');
  });
  afterAll(() => test.close());

  describe('access tables', () => {
    it('lets administrators manage tables and members, and nobody else', async () => {
      const list = await ok<{ items: { id: string; members: { userId: string }[] }[] }>(
        'GET',
        '/api/access-tables',
        admin,
      );
      expect(list.items.find((t) => t.id === tableId)!.members.map((m) => m.userId)).toEqual([
        member.user.id,
      ]);
      for (const session of [member, researcher, policymaker]) {
        expect((await call('GET', '/api/access-tables', session)).statusCode).toBe(404);
        expect(
          (
            await call('POST', '/api/access-tables', session, {
              regionCode: region,
              name: 'X',
              kind: 'other',
            })
          ).statusCode,
        ).toBe(404);
      }
    });

    it('refuses a bad threshold, an unknown region and a policymaker as member, storing nothing', async () => {
      const before = (await ok<{ items: unknown[] }>('GET', '/api/access-tables', admin)).items
        .length;
      const low = await call('POST', '/api/access-tables', admin, {
        regionCode: region,
        name: 'X',
        kind: 'other',
        smallCellThreshold: 1,
      });
      expect(low.statusCode).toBe(400);
      expect(low.json().error.code).toBe('INVALID_INPUT');
      const unknown = await call('POST', '/api/access-tables', admin, {
        regionCode: 'JZ99',
        name: 'X',
        kind: 'other',
      });
      expect(unknown.statusCode).toBe(400);
      expect(
        (await ok<{ items: unknown[] }>('GET', '/api/access-tables', admin)).items.length,
      ).toBe(before);
      const pmMember = await call('PUT', `/api/access-tables/${tableId}/members`, admin, {
        userId: policymaker.user.id,
      });
      expect(pmMember.statusCode).toBe(400);
    });

    it('changes a table with a version check', async () => {
      const table = await ok<{ version: number }>('PUT', `/api/access-tables/${tableId}`, admin, {
        name: 'Team Toegang Amsterdam',
        kind: 'team_toegang',
        smallCellThreshold: 3,
        isArchived: false,
        version: 1,
      });
      expect(table.version).toBe(2);
      const stale = await call('PUT', `/api/access-tables/${tableId}`, admin, {
        name: 'Oud',
        kind: 'other',
        smallCellThreshold: 3,
        isArchived: false,
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
    });
  });

  describe('the register', () => {
    it('lets a member register, read, change and remove, each in the access log', async () => {
      const created = await ok<Registration>(
        'POST',
        `/api/access-regions/${region}/registrations`,
        member,
        input(),
      );
      expect(created.tableName).toBe('Team Toegang Amsterdam');
      const read = await ok<Registration>(
        'GET',
        `/api/access-regions/${region}/registrations/${created.id}`,
        member,
      );
      expect(read.reference).toBe('TT-2026-001');
      const changed = await ok<Registration>(
        'PUT',
        `/api/access-regions/${region}/registrations/${created.id}`,
        member,
        {
          ...input({ outcome: 'no_fitting_offer', missingHelp: 'Gesloten plaats dichtbij' }),
          version: 1,
        },
      );
      expect(changed.version).toBe(2);
      const stale = await call(
        'PUT',
        `/api/access-regions/${region}/registrations/${created.id}`,
        member,
        { ...input(), version: 1 },
      );
      expect(stale.statusCode).toBe(409);
      expect(
        (
          await call(
            'DELETE',
            `/api/access-regions/${region}/registrations/${created.id}?version=2`,
            member,
          )
        ).statusCode,
      ).toBe(204);
      expect(
        (await call('GET', `/api/access-regions/${region}/registrations/${created.id}`, member))
          .statusCode,
      ).toBe(404);
      const entries = await test.database.db
        .select({ action: accessLog.action })
        .from(accessLog)
        .where(
          and(
            eq(accessLog.resourceType, 'access_registration'),
            eq(accessLog.resourceId, created.id),
          ),
        );
      expect(entries.map((e) => e.action).sort()).toEqual(
        ['create', 'delete', 'read', 'read', 'read', 'update'].sort(),
      );
    });

    it('keeps the register from policymakers, administrators, researchers outside the table and other regions', async () => {
      await ok(
        'POST',
        `/api/access-regions/${region}/registrations`,
        member,
        input({ reference: 'TT-2026-002' }),
      );
      for (const session of [policymaker, admin, researcher, outsider, otherMember, participant]) {
        const list = await call('GET', `/api/access-regions/${region}/registrations`, session);
        expect(list.statusCode, list.body).toBe(404);
        const post = await call(
          'POST',
          `/api/access-regions/${region}/registrations`,
          session,
          input(),
        );
        expect(post.statusCode).toBe(404);
      }
      const denied = await test.database.db
        .select({ n: count() })
        .from(accessLog)
        .where(
          and(eq(accessLog.resourceType, 'access_registration'), eq(accessLog.outcome, 'denied')),
        );
      expect(Number(denied[0]!.n)).toBeGreaterThan(0);
      // The other region's member sees only their own region.
      expect(
        (await call('GET', `/api/access-regions/${otherRegion}/registrations`, otherMember))
          .statusCode,
      ).toBe(200);
      expect((await call('GET', `/api/access-regions/JZ99/registrations`, member)).statusCode).toBe(
        404,
      );
    });

    it('refuses a date in the future, negative days, an unknown problem area, a name as reference and a table of another region', async () => {
      const before = await liveRows();
      const cases: [Partial<RegistrationInput>, string][] = [
        [{ discussedOn: '2026-06-16' }, 'discussedOn'],
        [{ daysWaiting: -1 }, 'daysWaiting'],
        [{ problemAreas: ['dragons'] }, 'problemAreas'],
        [{ questionType: 'unknown_kind' }, 'questionType'],
        [{ reference: 'Jan Jansen' }, 'reference'],
        [{ tableId: otherTableId }, 'tableId'],
        [{ informationSufficient: 'no', informationMissing: '' }, 'informationMissing'],
        [{ outcome: 'no_fitting_offer', missingHelp: '' }, 'missingHelp'],
      ];
      for (const [overrides, field] of cases) {
        const response = await call(
          'POST',
          `/api/access-regions/${region}/registrations`,
          member,
          input(overrides),
        );
        expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
        const body = response.json();
        expect(body.error.code).toBe('INVALID_INPUT');
        expect(body.error.details.fields.map((f: { path: string }) => f.path).join(' ')).toContain(
          field,
        );
      }
      expect(await liveRows()).toBe(before);
    });

    it('keeps an archived problem area valid on old rows and refuses it on new ones', async () => {
      const old = await ok<Registration>(
        'POST',
        `/api/access-regions/${region}/registrations`,
        member,
        input({ problemAreas: ['trauma'], reference: 'TT-2026-003' }),
      );
      await ok('PUT', '/api/monitoring-lists/problem_area/entries/trauma', admin, {
        label: 'Trauma',
        isArchived: true,
      });
      const refused = await call(
        'POST',
        `/api/access-regions/${region}/registrations`,
        member,
        input({ problemAreas: ['trauma'] }),
      );
      expect(refused.statusCode).toBe(400);
      const kept = await ok<Registration>(
        'PUT',
        `/api/access-regions/${region}/registrations/${old.id}`,
        member,
        {
          ...input({ problemAreas: ['trauma'], reference: 'TT-2026-003', daysWaiting: 30 }),
          version: 1,
        },
      );
      expect(kept.daysWaiting).toBe(30);
      await ok('PUT', '/api/monitoring-lists/problem_area/entries/trauma', admin, {
        label: 'Trauma',
        isArchived: false,
      });
    });

    it('filters and pages the register in the database', async () => {
      await ok(
        'POST',
        `/api/access-regions/${region}/registrations`,
        member,
        input({
          reference: 'TT-2026-010',
          outcome: 'waiting',
          discussedOn: '2026-01-05',
          questionType: 'housing',
          problemAreas: ['addiction'],
        }),
      );
      const waiting = await ok<{ items: Registration[]; total: number }>(
        'GET',
        `/api/access-regions/${region}/registrations?outcome=waiting`,
        member,
      );
      expect(waiting.items.map((r) => r.reference)).toEqual(['TT-2026-010']);
      const byArea = await ok<{ items: Registration[] }>(
        'GET',
        `/api/access-regions/${region}/registrations?problemArea=addiction`,
        member,
      );
      expect(byArea.items.map((r) => r.reference)).toEqual(['TT-2026-010']);
      const period = await ok<{ items: Registration[] }>(
        'GET',
        `/api/access-regions/${region}/registrations?from=2026-01-01&to=2026-03-31&questionType=housing&tableId=${tableId}`,
        member,
      );
      expect(period.items).toHaveLength(1);
      const paged = await ok<{ items: Registration[]; total: number }>(
        'GET',
        `/api/access-regions/${region}/registrations?pageSize=1&page=2`,
        member,
      );
      expect(paged.items).toHaveLength(1);
      expect(paged.total).toBeGreaterThanOrEqual(3);
    });
  });

  describe('the import', () => {
    const header =
      'Tafel;Datum;Referentie;Gebiedsteam;Leeftijd;Probleemgebieden;Soort vraag;Informatie voldoende;Wat ontbrak;Uitkomst;Ontbrekende hulp;Wachtdagen;Verklarende analyse;Knelpunten';
    const good = (ref: string) =>
      `Team Toegang Amsterdam;03-04-2026;${ref};Gebiedsteam Zuid;16-17;Gedragsproblemen, Verslaving;Behandeling;ja;;geen passend aanbod;Klinische verslavingszorg jeugd;20;nee;Wachtlijst GGZ`;
    const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8');

    async function upload(body: Buffer, session: Session = member) {
      return test.app.inject({
        method: 'POST',
        url: `/api/access-regions/${region}/imports?fileName=test.csv`,
        headers: { ...headersOf(session), 'content-type': 'application/octet-stream' },
        payload: body,
      });
    }

    it('suggests a mapping from Dutch headers, reports errors by row and column, and imports nothing', async () => {
      const before = await liveRows();
      const response = await upload(
        csv([
          good('IMP-1'),
          'Team Toegang Amsterdam;2027-01-01;IMP-2;Gebiedsteam Zuid;16-17;Verslaving;Behandeling;ja;;wachten;;5;ja;',
          'Team Toegang Amsterdam;2026-04-03;IMP-3;Gebiedsteam Zuid;16-17;Draken;Behandeling;ja;;wachten;;-4;ja;',
          good('IMP-4'),
        ]),
      );
      expect(response.statusCode, response.body).toBe(201);
      const uploaded = response.json();
      expect(uploaded.rowCount).toBe(4);
      expect(uploaded.mapping.discussedOn).toBe(1);
      expect(uploaded.mapping.daysWaiting).toBe(11);
      const check = await ok<{
        errors: { row: number; column: string; message: string }[];
        validRows: number;
        invalidRows: number;
      }>('POST', `/api/access-regions/${region}/imports/${uploaded.importId}/check`, member, {
        mapping: uploaded.mapping,
      });
      expect(check.validRows).toBe(2);
      expect(check.invalidRows).toBe(2);
      expect(check.errors).toContainEqual(
        expect.objectContaining({
          row: 3,
          column: 'Datum',
          message: expect.stringContaining('toekomst'),
        }),
      );
      expect(check.errors).toContainEqual(
        expect.objectContaining({
          row: 4,
          column: 'Probleemgebieden',
          message: expect.stringContaining('Draken'),
        }),
      );
      expect(check.errors).toContainEqual(
        expect.objectContaining({ row: 4, column: 'Wachtdagen' }),
      );
      const refused = await call(
        'POST',
        `/api/access-regions/${region}/imports/${uploaded.importId}/commit`,
        member,
        { mapping: uploaded.mapping },
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('INVALID_INPUT');
      expect(refused.json().error.details.rows.length).toBeGreaterThanOrEqual(3);
      expect(await liveRows()).toBe(before);

      const skipped = await ok<{ imported: number; skipped: number }>(
        'POST',
        `/api/access-regions/${region}/imports/${uploaded.importId}/commit`,
        member,
        { mapping: uploaded.mapping, skipInvalidRows: true },
      );
      expect(skipped).toEqual({ imported: 2, skipped: 2 });
      expect(await liveRows()).toBe(before + 2);
      const imported = await ok<{ items: Registration[] }>(
        'GET',
        `/api/access-regions/${region}/registrations?outcome=no_fitting_offer&from=2026-04-03&to=2026-04-03`,
        member,
      );
      expect(imported.items.map((r) => r.reference).sort()).toEqual(['IMP-1', 'IMP-4']);
      expect(imported.items[0]!.problemAreas.sort()).toEqual(['addiction', 'behaviour']);
      // The upload is gone once imported.
      expect(
        (
          await call(
            'POST',
            `/api/access-regions/${region}/imports/${uploaded.importId}/commit`,
            member,
            { mapping: uploaded.mapping },
          )
        ).statusCode,
      ).toBe(404);
    });

    it('reads XLSX by its content, whatever its name', async () => {
      const rows = [header.split(';'), good('XLS-1').split(';')].map((r) =>
        r.map((value) => ({ value })),
      );
      const file = Buffer.from(await writeXlsxFile(rows).toBuffer());
      const response = await upload(file);
      expect(response.statusCode, response.body).toBe(201);
      const uploaded = response.json();
      const result = await ok<{ imported: number }>(
        'POST',
        `/api/access-regions/${region}/imports/${uploaded.importId}/commit`,
        member,
        { mapping: uploaded.mapping },
      );
      expect(result.imported).toBe(1);
    });

    it("refuses a binary file, an empty file, another user's upload and a missing required column", async () => {
      expect((await upload(Buffer.from([0, 1, 2, 3, 4, 5]))).statusCode).toBe(400);
      expect((await upload(Buffer.alloc(0))).statusCode).toBe(400);
      const uploaded = (await upload(csv([good('IMP-9')]))).json();
      const foreign = await call(
        'POST',
        `/api/access-regions/${region}/imports/${uploaded.importId}/check`,
        otherMember,
        { mapping: uploaded.mapping },
      );
      expect(foreign.statusCode).toBe(404);
      const missing = await call(
        'POST',
        `/api/access-regions/${region}/imports/${uploaded.importId}/check`,
        member,
        {
          mapping: { ...uploaded.mapping, discussedOn: null },
        },
      );
      expect(missing.statusCode).toBe(400);
      expect((await upload(csv([good('X-1')]), policymaker)).statusCode).toBe(404);
    });
  });

  describe('the quarterly report', () => {
    let reportRegion: string;
    beforeAll(async () => {
      // The other region's table (threshold 3), with crafted data around Q1 2026.
      reportRegion = otherRegion;
      const rows: Partial<RegistrationInput>[] = [];
      for (let i = 0; i < 6; i += 1)
        rows.push({
          discussedOn: '2026-02-10',
          outcome: 'fitting_help',
          problemAreas: ['behaviour'],
          questionType: 'treatment',
          daysWaiting: 10 + i,
          bottlenecks: 'Wachtlijst GGZ',
        });
      for (let i = 0; i < 4; i += 1)
        rows.push({
          discussedOn: '2026-03-01',
          outcome: 'no_fitting_offer',
          missingHelp: i < 3 ? 'Gesloten plaats' : 'Gezinshuis',
          problemAreas: ['psychiatric'],
          questionType: 'housing',
          informationSufficient: i < 2 ? 'no' : 'yes',
          informationMissing: i < 2 ? 'Diagnose' : '',
          daysWaiting: 40 + i,
          bottlenecks: 'wachtlijst ggz; Geen plek',
        });
      rows.push({
        discussedOn: '2026-01-20',
        outcome: 'waiting',
        problemAreas: ['behaviour'],
        questionType: 'treatment',
        daysWaiting: 100,
      });
      rows.push({
        discussedOn: '2025-11-20',
        outcome: 'waiting',
        problemAreas: ['behaviour'],
        questionType: 'treatment',
        daysWaiting: 3,
      });
      for (const [i, row] of rows.entries())
        await ok(
          'POST',
          `/api/access-regions/${reportRegion}/registrations`,
          otherMember,
          input({ tableId: otherTableId, reference: `RPT-${i + 1}`, ...row }),
        );
    });

    it('counts, suppresses small cells and their complements, and lists missing help', async () => {
      const report = quarterlyReportSchema.parse(
        await ok<QuarterlyReport>(
          'GET',
          `/api/access-regions/${reportRegion}/report?quarter=2026-Q1&tableId=${otherTableId}`,
          otherPolicymaker,
        ),
      );
      expect(report.threshold, JSON.stringify(report)).toBe(3);
      expect(report.registrations.value, JSON.stringify(report.trend)).toBe(11);
      const q1 = report.trend.rows.at(-1)!;
      expect(q1.label).toBe('2026-Q1');
      expect(q1.total.value).toBe(11);
      // Outcome waiting: 1 in Q1 is below 3: hidden.
      expect(q1.cells[2]!.suppressed).toBe('primary');
      // Its row needs a complement: another of the row's cells is hidden too.
      expect(q1.cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
      expect(report.trend.rows).toHaveLength(8);
      const missing = report.missingHelp.map((g) => [g.text, g.count.value]);
      expect(missing).toContainEqual(['Gesloten plaats', 3]);
      // Gezinshuis was named once: the text is listed, its count is not.
      expect(report.missingHelp.find((g) => g.text === 'Gezinshuis')!.count.suppressed).toBe(
        'primary',
      );
      expect(report.bottlenecks[0]!.text.toLowerCase()).toBe('wachtlijst ggz');
      expect(report.waiting!.min).toBeGreaterThanOrEqual(0);
      expect(report.waiting!.median).toBeGreaterThan(0);
    });

    it('gives the report to entitled readers only', async () => {
      const url = `/api/access-regions/${reportRegion}/report?quarter=2026-Q1`;
      for (const session of [otherMember, researcher, admin, otherPolicymaker])
        expect((await call('GET', url, session)).statusCode).toBe(200);
      for (const session of [policymaker, outsider, member, participant])
        expect((await call('GET', url, session)).statusCode).toBe(404);
      expect(
        (
          await call(
            'GET',
            `/api/access-regions/${reportRegion}/report?quarter=2026-5`,
            otherMember,
          )
        ).statusCode,
      ).toBe(400);
    });

    it('writes the PDF and DOCX with the figures and never a suppressed value', async () => {
      const base = `/api/access-regions/${reportRegion}/report`;
      const pdf = await call(
        'GET',
        `${base}.pdf?quarter=2026-Q1&tableId=${otherTableId}`,
        otherPolicymaker,
      );
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload);
      if (text !== null) {
        expect(text).toContain('Kwartaalrapportage toegangstafels');
        expect(text).toContain('Gesloten plaats');
        expect(text).toContain('2026-Q1');
      }
      const docx = await call(
        'GET',
        `${base}.docx?quarter=2026-Q1&tableId=${otherTableId}&lang=en`,
        otherPolicymaker,
      );
      expect(docx.statusCode).toBe(200);
      const doc = docxText(docx.rawPayload);
      expect(doc.text).toContain('Access-table quarterly report');
      expect(doc.text).toContain('Gesloten plaats');
      expect(doc.languages).toContain('en-GB');
      expect(docx.rawPayload.includes(Buffer.from('word/media/'))).toBe(true);
      const exports = await test.database.db
        .select({ n: count() })
        .from(accessLog)
        .where(and(eq(accessLog.resourceType, 'access_report'), eq(accessLog.action, 'export')));
      expect(Number(exports[0]!.n)).toBeGreaterThanOrEqual(2);
    });

    it('exports the figures as CSV and XLSX that read back the same, with the marker for hidden cells', async () => {
      const base = `/api/access-regions/${reportRegion}/report`;
      const csv = await call(
        'GET',
        `${base}.csv?quarter=2026-Q1&tableId=${otherTableId}`,
        otherMember,
      );
      expect(csv.statusCode).toBe(200);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('"Onderdeel";"Rij";"Kolom";"Waarde"');
      expect(lines).toContain(
        '"Geen passend aanbod: welke hulp ontbreekt";"Gesloten plaats";"Aantal";"3"',
      );
      expect(lines).toContain(
        '"Geen passend aanbod: welke hulp ontbreekt";"Gezinshuis";"Aantal";"*"',
      );
      const xlsx = await call(
        'GET',
        `${base}.xlsx?quarter=2026-Q1&tableId=${otherTableId}`,
        otherMember,
      );
      expect(xlsx.statusCode).toBe(200);
      const [sheet] = await readXlsxFile(xlsx.rawPayload);
      const fromXlsx = sheet!.data.map((row) => row.map((c) => String(c ?? '')));
      const fromCsv = lines.map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
      expect(fromXlsx).toEqual(fromCsv);
    });
  });

  it('lists the regions each reader may use, with what they may do there', async () => {
    const forMember = await ok<{ items: { code: string; abilities: { register: boolean } }[] }>(
      'GET',
      '/api/access-regions',
      member,
    );
    expect(forMember.items.map((r) => r.code)).toEqual([region]);
    expect(forMember.items[0]!.abilities.register).toBe(true);
    const forPolicymaker = await ok<{
      items: { code: string; abilities: { register: boolean } }[];
    }>('GET', '/api/access-regions', policymaker);
    expect(forPolicymaker.items.map((r) => r.code)).toEqual([region]);
    expect(forPolicymaker.items[0]!.abilities.register).toBe(false);
    const forResearcher = await ok<{ items: unknown[] }>('GET', '/api/access-regions', researcher);
    expect(forResearcher.items).toHaveLength(2);
    expect((await call('GET', '/api/access-regions', participant)).statusCode).toBe(404);
  });

  it('lets administrators add, rename, archive and order list entries, refusing duplicates', async () => {
    const added = await ok<{ lists: { list: string; entries: { code: string }[] }[] }>(
      'POST',
      '/api/monitoring-lists/problem_area/entries',
      admin,
      { code: 'eating_disorder', label: 'Eetstoornis' },
    );
    const codes = added.lists.find((l) => l.list === 'problem_area')!.entries.map((e) => e.code);
    expect(codes.at(-1)).toBe('eating_disorder');
    expect(
      (
        await call('POST', '/api/monitoring-lists/problem_area/entries', admin, {
          code: 'eating_disorder',
          label: 'Dubbel',
        })
      ).statusCode,
    ).toBe(409);
    const reordered = await ok<{ lists: { list: string; entries: { code: string }[] }[] }>(
      'PUT',
      '/api/monitoring-lists/problem_area/order',
      admin,
      { codes: [...codes].reverse() },
    );
    expect(reordered.lists.find((l) => l.list === 'problem_area')!.entries[0]!.code).toBe(
      'eating_disorder',
    );
    expect(
      (
        await call('PUT', '/api/monitoring-lists/problem_area/order', admin, {
          codes: ['behaviour'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/monitoring-lists/problem_area/entries', member, {
          code: 'x_y',
          label: 'X',
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('GET', '/api/monitoring-lists', member)).statusCode).toBe(200);
  });
});
