// @vitest-environment happy-dom
// The interviews of a case: without anyone's interview consent the form explains and points to
// the case's consent; a transcript file is sent as bytes after the interview is made, and when
// the server refuses it (a PDF) its Dutch reason shows at the new interview; a stale edit of the
// details shows both versions; removing says that codings and memos go too.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch, testSession } from '../../testing/render';
import { InterviewsPage } from './InterviewsPage';
import { caseDetail, ids, interview, interviewList, teamMembers } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const listPath = `/api/cases/${ids.case}/interviews`;
const motherInterview = '00000000-0000-4000-8000-0000000001e2';

function renderPage() {
  return renderWithProviders(<InterviewsPage />, {
    route: `/cases/${ids.case}/interviews`,
    path: '/cases/:id/interviews',
    session: testSession(['case.read'], ids.me),
  });
}

function commonAnswers(url: string) {
  if (url === `/api/cases/${ids.case}`) return { body: caseDetail };
  if (url === `/api/teams/${ids.team}/members`) return { body: teamMembers };
  if (url === `/api/cases/${ids.case}/quotes`) return { body: { items: [] } };
  return null;
}

describe('the interviews of a case', () => {
  it('explains that interview consent is needed when nobody may be interviewed', async () => {
    stubFetch((call) => {
      const common = commonAnswers(call.url);
      if (common) return common;
      if (call.url === listPath) return { body: interviewList({ items: [], interviewable: [] }) };
      return { status: 404 };
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Interviews van casus KL-2026-007' });
    const add = screen.getByRole('region', { name: 'Interview toevoegen' });
    expect(
      within(add).getByText(/^Er is nog niemand met toestemming voor een interview/),
    ).toBeTruthy();
    expect(
      within(add)
        .getByRole('link', { name: 'Naar de toestemming bij de casus' })
        .getAttribute('href'),
    ).toBe(`/cases/${ids.case}#consent-heading`);
    expect(within(add).queryByRole('button', { name: 'Interview toevoegen' })).toBeNull();
  });

  it('lists an interview with its facts and the way to code it', async () => {
    stubFetch((call) => {
      const common = commonAnswers(call.url);
      if (common) return common;
      if (call.url === listPath)
        return {
          body: interviewList({
            items: [
              interview({ interviewerId: ids.me, interviewerName: 'Bea Beheer', segmentCount: 3 }),
            ],
          }),
        };
      return { status: 404 };
    });
    renderPage();
    const card = await screen.findByRole('article', { name: 'Jongere' });
    expect(within(card).getByText('Face-to-face')).toBeTruthy();
    expect(within(card).getByText('Bea Beheer')).toBeTruthy();
    expect(within(card).getByText('12 woorden')).toBeTruthy();
    expect(
      within(card)
        .getByRole('link', { name: /^Coderen/ })
        .getAttribute('href'),
    ).toBe(`/sources/${ids.source}`);
    // Coded already: the transcript can no longer be replaced.
    expect(within(card).queryByRole('button', { name: 'Transcript vervangen' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: /^Verwijderen/ }));
    const question = within(card).getByRole('group', {
      name: 'Het interview met Jongere van 1 mrt 2026 verwijderen?',
    });
    expect(
      within(question).getByText(
        "Het transcript gaat mee, met alle coderingen (3 fragmenten) en de memo's erbij. Dit kan niet ongedaan worden gemaakt.",
      ),
    ).toBeTruthy();
  });

  it('sends a transcript file as bytes and shows why the server could not read it', async () => {
    const refusal = 'Dit is een PDF-bestand; voeg het transcript toe als .txt, .docx of .odt.';
    const added = interview({
      id: motherInterview,
      participantId: ids.mother,
      participantLabel: 'moeder',
      perspective: 'parent',
      length: 0,
      words: 0,
    });
    const { calls } = stubFetch((call) => {
      const common = commonAnswers(call.url);
      if (common) return common;
      if (call.url === listPath && call.method === 'GET')
        return {
          body: interviewList({
            interviewable: [
              { id: ids.youth, label: 'jongere' },
              { id: ids.mother, label: 'moeder' },
            ],
          }),
        };
      if (call.url === listPath && call.method === 'POST')
        return { status: 201, body: interviewList({ items: [interview(), added] }) };
      if (call.url === `${listPath}/${motherInterview}/transcript`)
        return { status: 400, body: { error: { code: 'INVALID_INPUT', message: refusal } } };
      return { status: 404 };
    });
    renderPage();
    const add = await screen.findByRole('region', { name: 'Interview toevoegen' });
    const form = within(add);
    fireEvent.change(form.getByLabelText('Met wie'), { target: { value: ids.mother } });
    expect(form.getByRole('option', { name: 'moeder (Ouder of verzorger)' })).toBeTruthy();
    fireEvent.change(form.getByLabelText('Datum van het interview'), {
      target: { value: '2026-03-04' },
    });
    fireEvent.click(form.getByRole('radio', { name: 'Telefoon' }));
    fireEvent.click(form.getByRole('radio', { name: /^Een bestand kiezen/ }));
    const file = new File(['%PDF-1.7 ...'], 'interview.pdf', { type: 'application/pdf' });
    fireEvent.change(form.getByLabelText('Bestand met het transcript'), {
      target: { files: [file] },
    });
    fireEvent.click(form.getByRole('button', { name: 'Interview toevoegen' }));

    await screen.findByText(
      'Het interview met moeder (Ouder of verzorger) is toegevoegd, maar het bestand kon niet worden ingelezen.',
    );
    const post = calls.find((c) => c.method === 'POST' && c.url === listPath);
    expect(post?.body).toEqual({
      participantId: ids.mother,
      heldOn: '2026-03-04',
      mode: 'phone',
      interviewerId: null,
    });
    const upload = calls.find((c) => c.url === `${listPath}/${motherInterview}/transcript`);
    expect(upload?.method).toBe('PUT');
    expect(upload?.headers['content-type']).toBe('application/octet-stream');
    expect(upload?.headers['x-csrf-token']).toBe('csrf');
    const card = screen.getByRole('article', { name: 'moeder (Ouder of verzorger)' });
    expect(
      within(card).getByText(
        `Het interview is vastgelegd, maar het bestand kon niet worden ingelezen: ${refusal} Voeg het transcript opnieuw toe.`,
      ),
    ).toBeTruthy();
    // The form to try again is open at the new interview, which has the focus.
    expect(within(card).getByRole('form', { name: 'Transcript toevoegen' })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('moeder (Ouder of verzorger)'),
    );
  });

  it('shows both versions when someone else changed the details meanwhile', async () => {
    stubFetch((call) => {
      const common = commonAnswers(call.url);
      if (common) return common;
      if (call.url === listPath) return { body: interviewList() };
      if (call.url === `${listPath}/${ids.interview}` && call.method === 'PUT')
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Iemand anders heeft dit interview intussen gewijzigd.',
              details: {
                current: { heldOn: '2026-02-27', interviewerId: null, mode: 'video', version: 2 },
                yours: {},
              },
            },
          },
        };
      return { status: 404 };
    });
    renderPage();
    const card = await screen.findByRole('article', { name: 'Jongere' });
    fireEvent.click(within(card).getByRole('button', { name: 'Gegevens wijzigen' }));
    const form = within(card).getByRole('form', { name: 'Gegevens van het interview wijzigen' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Telefoon' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan' }));
    const conflict = await within(card).findByRole('region', {
      name: 'Iemand anders heeft dit intussen gewijzigd',
    });
    expect(within(conflict).getByRole('radio', { name: 'Jouw versie: Telefoon' })).toBeTruthy();
    expect(
      within(conflict).getByRole('radio', { name: 'Huidige versie: Videobellen' }),
    ).toBeTruthy();
    expect(
      within(conflict).getByRole('radio', { name: 'Huidige versie: 27 feb 2026' }),
    ).toBeTruthy();
  });
});
