import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, login, loginAs, type AuthHeaders, type TestApp } from '../../testing/app';
import { docxText, pdfText } from '../../testing/documents';
import { testDatabaseKinds } from '../../testing/database';
import { caseFixture, headersOf } from '../../testing/fixtures';
import { accessLog } from '../audit/schema';
import { meetingSchema, type Meeting } from '../../../shared/contract/meetings';
import { meetingAttendees, meetingContributions, planSteps, reviewMeetings } from './schema';

describe.each(testDatabaseKinds())('review meetings (%s)', (kind) => {
  let test: TestApp;
  let fx: Awaited<ReturnType<typeof caseFixture>>;
  let youthId: string;
  let motherId: string;
  let mentorId: string;
  const now = new Date('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    test = await createTestApp(kind, { clock: () => now });
    // Born 2008: 17 or 18 in 2026, so the youth alone decides about attending.
    fx = await caseFixture(test, { birthYear: 2008 });
    youthId = await fx.addParticipant({ kind: 'youth', label: 'jongere' });
    motherId = await fx.addParticipant({ kind: 'parent', label: 'moeder', hasAuthority: true });
    mentorId = await fx.addParticipant({ kind: 'network', label: 'mentor' });
  });
  afterAll(() => test.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    session: AuthHeaders,
    payload?: object,
  ) =>
    test.app.inject({ method, url, headers: headersOf(session), ...(payload ? { payload } : {}) });
  const meetings = () => `/api/cases/${fx.caseId}/meetings`;

  async function consent(participantId: string, purpose = 'meeting') {
    const response = await call('POST', `/api/cases/${fx.caseId}/consents`, fx.researcher, {
      participantId,
      purpose,
      givenBy: 'self',
      givenOn: '2026-05-01',
      formVersion: 'v1',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  }

  async function plan(): Promise<Meeting> {
    const response = await call('POST', meetings(), fx.researcher, {
      plannedAt: '2026-05-20T13:00:00+02:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const countOf = async (table: typeof reviewMeetings | typeof meetingContributions) =>
    (await test.database.db.select({ n: count() }).from(table))[0]!.n;

  it('plans a meeting with the default duration and preparation, and lists it', async () => {
    const meeting = await plan();
    expect(meeting).toMatchObject({
      durationMinutes: 180,
      preparationMinutes: 60,
      status: 'planned',
      version: 1,
      attendees: [],
      contributions: [],
      plan: [],
      abilities: { edit: true, report: true },
    });
    expect(meeting.plannedAt).toBe('2026-05-20T11:00:00.000Z');
    // The answer is exactly the contract.
    expect(meetingSchema.parse(meeting)).toEqual(meeting);
    const list = await call('GET', meetings(), fx.researcher);
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(meeting.id);
  });

  it('refuses a participant without consent to attend, and accepts them once they consented', async () => {
    const meeting = await plan();
    const url = `${meetings()}/${meeting.id}/attendees`;
    const refused = await call('POST', url, fx.researcher, {
      kind: 'participant',
      participantId: youthId,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('CONSENT_MISSING');
    expect(refused.json().error.message).toMatch(/jongere kan niet worden uitgenodigd/);
    const stored = await test.database.db
      .select({ n: count() })
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, meeting.id));
    expect(stored[0]!.n).toBe(0);

    await consent(youthId);
    const accepted = await call('POST', url, fx.researcher, {
      kind: 'participant',
      participantId: youthId,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().attendees).toMatchObject([
      { kind: 'participant', label: 'jongere', speakerRole: 'youth', participantId: youthId },
    ]);
    // Twice the same person is a conflict, nothing stored twice.
    const twice = await call('POST', url, fx.researcher, {
      kind: 'participant',
      participantId: youthId,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('takes team members of the case only, and guests by role', async () => {
    const meeting = await plan();
    const url = `${meetings()}/${meeting.id}/attendees`;
    const stranger = await call('POST', url, fx.researcher, {
      kind: 'team_member',
      userId: fx.outsider.user.id,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details.fields[0].path).toBe('userId');
    const member = await call('POST', url, fx.researcher, {
      kind: 'team_member',
      userId: fx.researcher.user.id,
    });
    expect(member.statusCode, member.body).toBe(201);
    const guest = await call('POST', url, fx.researcher, {
      kind: 'guest',
      guestRole: 'leerkracht',
      guestOrganisation: 'VSO De Brug',
    });
    expect(guest.statusCode, guest.body).toBe(201);
    expect(guest.json().attendees.map((a: { speakerRole: string }) => a.speakerRole)).toEqual([
      'researcher',
      'guest',
    ]);
    const empty = await call('POST', url, fx.researcher, { kind: 'guest', guestRole: '  ' });
    expect(empty.statusCode).toBe(400);
  });

  it('records the reflection by part and role, pinned to timeline items of this case only', async () => {
    const meeting = await plan();
    const item = await call('POST', `/api/cases/${fx.caseId}/timeline/items`, fx.researcher, {
      kind: 'event',
      lane: 'living',
      title: 'Uithuisplaatsing',
      start: { precision: 'year', year: 2020 },
      source: 'professional',
    });
    expect(item.statusCode, item.body).toBe(201);
    const guest = await call('POST', `${meetings()}/${meeting.id}/attendees`, fx.researcher, {
      kind: 'guest',
      guestRole: 'wijkteam',
    });
    const guestId = guest.json().attendees[0].id;
    const url = `${meetings()}/${meeting.id}/contributions`;
    const wentWell = await call('POST', url, fx.researcher, {
      part: 'went_well',
      text: 'De mentor bleef contact houden, ook na de plaatsing.',
      speakerRole: 'guest',
      attendeeId: guestId,
      timelineItemId: item.json().id,
    });
    expect(wentWell.statusCode, wentWell.body).toBe(201);
    const inList = (await call('GET', meetings(), fx.researcher))
      .json()
      .items.find((m: { id: string }) => m.id === meeting.id);
    expect(inList).toMatchObject({ attendees: 1, contributions: 1 });
    expect(wentWell.json().contributions).toMatchObject([
      {
        part: 'went_well',
        speakerRole: 'guest',
        attendeeLabel: 'wijkteam',
        timelineItemTitle: 'Uithuisplaatsing',
      },
    ]);
    const before = await countOf(meetingContributions);
    // The role must fit the attendee; the pin must be an item of this case; the part must exist.
    for (const [payload, path] of [
      [{ speakerRole: 'youth', attendeeId: guestId }, 'speakerRole'],
      [
        { speakerRole: 'guest', timelineItemId: '00000000-0000-4000-8000-000000000000' },
        'timelineItemId',
      ],
      [{ part: 'gossip' }, 'part'],
      [{ text: 'x'.repeat(4001) }, 'text'],
    ] as const) {
      const bad = await call('POST', url, fx.researcher, {
        part: 'hindered',
        text: 'Lange wachttijd',
        speakerRole: 'professional',
        ...payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json().error.details.fields[0].path).toBe(path);
    }
    expect(await countOf(meetingContributions)).toBe(before);
  });

  it('answers a stale change with 409 and both versions, and keeps the history', async () => {
    const meeting = await plan();
    const added = await call('POST', `${meetings()}/${meeting.id}/contributions`, fx.researcher, {
      part: 'learning_point',
      text: 'Eerder met school om tafel.',
      speakerRole: 'researcher',
    });
    const contribution = added.json().contributions[0];
    const url = `${meetings()}/${meeting.id}/contributions/${contribution.id}`;
    const first = await call('PUT', url, fx.researcher, {
      part: 'learning_point',
      text: 'Eerder met school en leerplicht om tafel.',
      speakerRole: 'researcher',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call('PUT', url, fx.researcher, {
      part: 'learning_point',
      text: 'Iets anders',
      speakerRole: 'researcher',
      version: 1,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.text).toBe(
      'Eerder met school en leerplicht om tafel.',
    );
    expect(second.json().error.details.yours.text).toBe('Iets anders');

    const moved = await call('PUT', `${meetings()}/${meeting.id}`, fx.researcher, {
      plannedAt: '2026-05-21T13:00:00+02:00',
      durationMinutes: 150,
      status: 'held',
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'held', durationMinutes: 150, version: 2 });
    const staleMeeting = await call('PUT', `${meetings()}/${meeting.id}`, fx.researcher, {
      plannedAt: '2026-05-22T13:00:00+02:00',
      status: 'held',
      version: 1,
    });
    expect(staleMeeting.statusCode).toBe(409);

    const removed = await call('DELETE', `${url}?version=2`, fx.researcher);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().contributions).toEqual([]);

    const history = await call('GET', `${meetings()}/${meeting.id}/history`, fx.researcher);
    const changes = history
      .json()
      .items.map((h: { entity: string; change: string }) => `${h.entity}:${h.change}`);
    expect(changes).toEqual([
      'meeting:created',
      'contribution:created',
      'contribution:updated',
      'meeting:updated',
      'contribution:deleted',
    ]);
    const update = history.json().items[2];
    expect(update.fields).toEqual([
      {
        field: 'text',
        before: 'Eerder met school om tafel.',
        after: 'Eerder met school en leerplicht om tafel.',
      },
    ]);
  });

  it('keeps an alternative plan with follow-ups over later sessions, never dated ahead', async () => {
    const meeting = await plan();
    const added = await call('POST', `${meetings()}/${meeting.id}/plan`, fx.researcher, {
      what: 'Eén vaste contactpersoon voor school en jeugdhulp',
      who: 'gebiedsteam',
      due: '2026-09-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const step = added.json().plan[0];
    const url = `${meetings()}/${meeting.id}/plan/${step.id}/follow-ups`;
    const future = await call('POST', url, fx.researcher, { on: '2026-07-01', tried: 'Gesprek' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].path).toBe('on');
    const early = await call('POST', url, fx.researcher, { on: '2026-05-01', tried: 'Gesprek' });
    expect(early.statusCode).toBe(400);
    const ok = await call('POST', url, fx.researcher, {
      on: '2026-05-28',
      tried: 'Contactpersoon aangewezen bij het gebiedsteam',
      result: 'School belt nu één nummer',
      next: 'Evalueren na de zomer',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().plan[0].followUps).toMatchObject([
      { on: '2026-05-28', result: 'School belt nu één nummer' },
    ]);
    // The list counts what is in each meeting.
    const listed = (await call('GET', meetings(), fx.researcher))
      .json()
      .items.find((m: { id: string }) => m.id === meeting.id);
    expect(listed).toMatchObject({ attendees: 0, contributions: 0, planSteps: 1 });
    const done = await call('PUT', `${meetings()}/${meeting.id}/plan/${step.id}`, fx.researcher, {
      what: step.what,
      who: step.who,
      due: step.due,
      status: 'done',
      version: 1,
    });
    expect(done.json().plan[0].status).toBe('done');
  });

  it('lets an expert by experience read but not write, and hides the case from outsiders', async () => {
    const meeting = await plan();
    const outsider = await call('GET', `${meetings()}/${meeting.id}`, fx.outsider);
    expect(outsider.statusCode).toBe(404);
    const write = await call('POST', meetings(), fx.outsider, { plannedAt: 'nonsense' });
    // 404 before the body is read: a 400 would tell the case exists.
    expect(write.statusCode).toBe(404);
    const expert = await loginAs(test, 'expert_by_experience');
    await fx.call(fx.admin, 'PUT', `/api/teams/${fx.teamId}/members`, {
      userId: expert.user.id,
      roleLabel: 'ervaringsdeskundige',
    });
    expect((await call('GET', `${meetings()}/${meeting.id}`, expert)).statusCode).toBe(200);
    const tries = await call('POST', `${meetings()}/${meeting.id}/contributions`, expert, {
      part: 'helped',
      text: 'x',
      speakerRole: 'expert_by_experience',
    });
    // Like every right the actor lacks on a record: answered as if it were not there.
    expect(tries.statusCode).toBe(404);
  });

  it('removes a participant from planned meetings when their consent to attend is withdrawn', async () => {
    const meeting = await plan();
    const consentId = await consent(mentorId);
    await call('POST', `${meetings()}/${meeting.id}/attendees`, fx.researcher, {
      kind: 'participant',
      participantId: mentorId,
    });
    const preview = await call(
      'GET',
      `/api/cases/${fx.caseId}/consents/${consentId}/withdrawal-preview`,
      fx.researcher,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().removes).toMatchObject([
      { resourceType: 'meeting_attendee', description: expect.stringMatching(/mentor/) },
    ]);
    const withdrawn = await call(
      'POST',
      `/api/cases/${fx.caseId}/consents/${consentId}/withdraw`,
      fx.researcher,
      { withdrawnOn: '2026-06-01', confirmRemoval: true },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);
    const after = await call('GET', `${meetings()}/${meeting.id}`, fx.researcher);
    expect(after.json().attendees).toEqual([]);
    const logged = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.resourceType, 'meeting_attendee'),
          eq(accessLog.action, 'delete'),
          eq(accessLog.grounds, 'consent'),
        ),
      );
    expect(logged[0]!.n).toBe(1);
    // The mother has given no meeting consent: she was never invitable.
    expect(motherId).toBeTruthy();
  });

  it('logs every read and write of a meeting', async () => {
    const before = (
      await test.database.db
        .select({ n: count() })
        .from(accessLog)
        .where(eq(accessLog.resourceType, 'review_meeting'))
    )[0]!.n;
    const meeting = await plan();
    await call('GET', `${meetings()}/${meeting.id}`, fx.researcher);
    const after = await test.database.db
      .select({ action: accessLog.action, n: count() })
      .from(accessLog)
      .where(eq(accessLog.resourceType, 'review_meeting'))
      .groupBy(accessLog.action);
    const total = after.reduce((sum, r) => sum + r.n, 0);
    // create + read (the answer to the create) + read.
    expect(total - before).toBe(3);
    expect((await test.database.db.select({ n: count() }).from(planSteps))[0]!.n).toBeGreaterThan(
      0,
    );
  });

  it('writes a report youth and parents can read, with their own words marked, as PDF and DOCX', async () => {
    const meeting = await plan();
    const base = `${meetings()}/${meeting.id}`;
    // The youth consented to attend in an earlier test; invite them to this meeting too.
    const withYouth = await call('POST', `${base}/attendees`, fx.researcher, {
      kind: 'participant',
      participantId: youthId,
    });
    expect(withYouth.statusCode, withYouth.body).toBe(201);
    const youthAttendee = withYouth.json().attendees[0].id;
    for (const payload of [
      {
        part: 'hindered',
        text: 'Acht maanden wachten op een plek in de jeugd-GGZ.',
        speakerRole: 'professional',
      },
      {
        part: 'went_well',
        text: 'Mijn mentor bleef me appen, ook toen ik niet naar school ging.',
        speakerRole: 'youth',
        attendeeId: youthAttendee,
      },
    ])
      expect((await call('POST', `${base}/contributions`, fx.researcher, payload)).statusCode).toBe(
        201,
      );
    const step = await call('POST', `${base}/plan`, fx.researcher, {
      what: 'Bij schoolverzuim binnen twee weken een gesprek met leerplicht en jeugdhulp samen',
      who: 'leerplichtambtenaar',
      due: '2026-10-01',
    });
    expect(step.statusCode).toBe(201);

    const pdf = await call('GET', `${base}/report.pdf`, fx.researcher);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/casusreview-KL-2026-\d{3}-2026-05-20\.pdf/);
    const text = pdfText(pdf.rawPayload);
    if (text === null) console.warn('pdftotext is not installed: PDF text not checked');
    else {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Verslag van de casusreview');
      expect(flat).toContain('Mijn mentor bleef me appen');
      expect(flat).toContain('Dit zei jongere');
      expect(flat).toContain('Dit zei een hulpverlener');
      expect(flat).toContain('Bij schoolverzuim binnen twee weken');
      // "What went well" comes first; no staff member is named.
      expect(flat.indexOf('Wat ging goed')).toBeLessThan(flat.indexOf('Wat zat in de weg'));
      expect(flat).not.toContain('Test researcher');
      expect(flat).not.toContain('Dit zei jij');
    }

    const docx = await call('GET', `${base}/report.docx`, fx.researcher);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const word = docxText(docx.rawPayload);
    expect(word.languages).toContain('nl-NL');
    expect(word.text).toContain('Mijn mentor bleef me appen');
    expect(word.text.indexOf('Wat ging goed')).toBeLessThan(word.text.indexOf('Wat zat in de weg'));

    // The youth, logged in as participant, reads the same report with their words as theirs.
    const invitation = await call(
      'POST',
      `/api/cases/${fx.caseId}/participants/${youthId}/invitation`,
      fx.researcher,
      { email: 'jongere@example.org' },
    );
    expect(invitation.statusCode, invitation.body).toBe(201);
    const token = invitation.json().url.split('/link/')[1];
    const password = 'een lang wachtwoord 42';
    await test.app.inject({
      method: 'POST',
      url: `/api/links/${token}/password`,
      payload: { password },
    });
    const youth = await login(test, { email: 'jongere@example.org', password });
    // The youth finds the reports of meetings that were held.
    const listed = await call('GET', `/api/cases/${fx.caseId}/meeting-reports`, youth);
    const ids = (r: { json: () => { items: { id: string }[] } }) => r.json().items.map((m) => m.id);
    expect(ids(listed)).not.toContain(meeting.id);
    await call('PUT', base, fx.researcher, {
      plannedAt: meeting.plannedAt,
      status: 'held',
      version: 1,
    });
    const held = await call('GET', `/api/cases/${fx.caseId}/meeting-reports`, youth);
    expect(ids(held)).toContain(meeting.id);
    const own = await call('GET', `${base}/report.docx`, youth);
    expect(own.statusCode, own.body.slice(0, 200)).toBe(200);
    expect(docxText(own.rawPayload).text).toContain('Dit zei jij');
    // The meeting itself (everything staff wrote while preparing) stays with the staff.
    expect((await call('GET', base, youth)).statusCode).toBe(404);
    expect((await call('GET', `${base}/report.pdf`, fx.outsider)).statusCode).toBe(404);
    const exports = await test.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(and(eq(accessLog.resourceType, 'meeting_report'), eq(accessLog.action, 'export')));
    expect(exports[0]!.n).toBe(3);
  });
});
