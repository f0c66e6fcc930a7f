// @vitest-environment happy-dom
// One case's page: the consent grid per participant with what is still missing in words;
// withdrawing a consent shows what will be removed (loaded first) and only then posts, with
// confirmRemoval, and a refusal (409) shows what the server now would remove; adding a participant and recording consent on behalf of the youth; and no
// forms at all for someone who may only read the case.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../../shared/contract/cases';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import { CaseDetailPage } from './CaseDetailPage';
import { caseDetail, caseServer, ids } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };
const previewPath = `/api/cases/${ids.case}/consents/${ids.consent}/withdrawal-preview`;
const withdrawPath = `/api/cases/${ids.case}/consents/${ids.consent}/withdraw`;

function server(
  detail: CaseDetail,
  other: (call: FetchCall) => Answer | undefined = () => undefined,
) {
  return stubFetch(
    caseServer(
      (call) =>
        other(call) ?? (call.url === `/api/cases/${ids.case}` ? { body: detail } : undefined),
    ),
  );
}

function renderPage() {
  return renderWithProviders(<CaseDetailPage />, {
    route: `/cases/${ids.case}`,
    path: '/cases/:id',
  });
}

/** The card of one purpose in one participant's grid. */
function card(participantHeading: string, purpose: string) {
  const section = screen.getByRole('region', { name: participantHeading });
  return within(section)
    .getByRole('heading', { level: 4, name: purpose })
    .closest('li') as HTMLElement;
}

describe('CaseDetailPage', () => {
  it('shows the facts, a way to the timeline, and per participant the consent per purpose', async () => {
    server(caseDetail());
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Casus KL-2026-001' });
    expect(screen.getByRole('link', { name: 'Tijdlijn' }).getAttribute('href')).toBe(
      `/cases/${ids.case}/timeline`,
    );
    expect(screen.getByText('Jeugdzorgplus')).toBeTruthy();

    const interview = card('jongere', 'Interview');
    expect(within(interview).getByText('Deels gegeven')).toBeTruthy();
    expect(interview.textContent).toMatch(
      /Gegeven op .*2026 door jongere zelf\. Formulierversie v2\./,
    );
    expect(interview.textContent).toContain(
      'Nog nodig: toestemming van moeder (ouder met gezag), omdat de jongere jonger is dan 16.',
    );
    expect(interview.textContent).not.toContain('de jongere zelf');

    const recording = card('jongere', 'Geluidsopname');
    expect(within(recording).getByText('Ontbreekt')).toBeTruthy();
    expect(
      within(recording)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Nog nodig: toestemming van de jongere zelf (jongere), omdat de jongere 12 jaar of ouder is.',
      'Nog nodig: toestemming van moeder (ouder met gezag), omdat de jongere jonger is dan 16.',
    ]);

    const mother = card('moeder (Ouder of verzorger)', 'Dossierinzage');
    expect(mother.textContent).toContain('Nog nodig: toestemming van moeder zelf.');
  });

  it('says when no parent with authority is known yet, and shows a withdrawn consent', async () => {
    const detail = caseDetail();
    server({
      ...detail,
      consents: detail.consents.map((c) => ({ ...c, withdrawnOn: '2026-03-10' })),
      missingConsents: detail.missingConsents.map((m) => ({
        ...m,
        missing:
          m.participantId === ids.youth
            ? [{ participantId: null, label: 'ouder met gezag', reason: '…' }]
            : m.missing,
      })),
    });
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    const interview = card('jongere', 'Interview');
    expect(interview.textContent).toContain(
      'Nog nodig: toestemming van een ouder of voogd met gezag, omdat de jongere jonger is dan 16.',
    );
    expect(interview.textContent).toMatch(/Ingetrokken op .*2026\. Was gegeven op .*2026/);
    expect(within(interview).getByText('Ontbreekt')).toBeTruthy();
    expect(within(interview).queryByRole('button', { name: /Intrekken/ })).toBeNull();
  });

  it('withdraws only after showing what will be removed, and then posts confirmRemoval', async () => {
    let withdrawn = false;
    const { calls } = server(caseDetail(), (call) => {
      if (call.url === previewPath) {
        return {
          body: {
            removes: [
              {
                resourceType: 'interview_segment',
                id: ids.youth,
                description: 'Interviewfragment 3 van jongere',
              },
              {
                resourceType: 'quote',
                id: ids.mother,
                description: 'Citaat “ik werd niet gehoord”',
              },
            ],
            explanation: 'Zonder toestemming mag het interview niet meer gebruikt worden.',
          },
        };
      }
      if (call.url === withdrawPath) {
        withdrawn = true;
        return { body: { id: ids.consent, removed: [] } };
      }
      if (call.url === `/api/cases/${ids.case}` && withdrawn) {
        const detail = caseDetail();
        return {
          body: {
            ...detail,
            consents: detail.consents.map((c) => ({ ...c, withdrawnOn: '2026-03-12' })),
          },
        };
      }
      return undefined;
    });
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    expect(calls.some((c) => c.url === previewPath)).toBe(false);

    const interview = card('jongere', 'Interview');
    fireEvent.click(
      within(interview).getByRole('button', {
        name: 'Intrekken toestemming voor Interview van jongere zelf',
      }),
    );
    const question = screen.getByRole('group', {
      name: 'Toestemming voor ‘Interview’ van jongere zelf intrekken?',
    });
    expect(document.activeElement).toBe(question);
    const confirm = within(question).getByRole('button', { name: 'Ja, trek de toestemming in' });
    // Nothing can be confirmed before the preview is there.
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(await within(question).findByText('Interviewfragment 3 van jongere')).toBeTruthy();
    expect(within(question).getByText('Deze 2 onderdelen worden verwijderd:')).toBeTruthy();
    expect(within(question).getByText('Citaat “ik werd niet gehoord”')).toBeTruthy();
    expect(question.textContent).toContain('Zonder toestemming mag het interview niet meer');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(question).getByLabelText('Datum van intrekken'), {
      target: { value: '2026-03-12' },
    });
    await waitFor(() => expect(confirm.getAttribute('aria-disabled')).not.toBe('true'));
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: withdrawPath,
        body: { withdrawnOn: '2026-03-12', confirmRemoval: true },
      }),
    );
    const previewIndex = calls.findIndex((c) => c.url === previewPath);
    const postIndex = calls.findIndex((c) => c.method === 'POST');
    expect(previewIndex).toBeGreaterThanOrEqual(0);
    expect(previewIndex).toBeLessThan(postIndex);
    await waitFor(() =>
      expect(
        screen.getByText('Toestemming voor ‘Interview’ van jongere zelf is ingetrokken.'),
      ).toBeTruthy(),
    );
    await waitFor(() => expect(card('jongere', 'Interview').textContent).toMatch(/Ingetrokken op/));
    expect(document.activeElement).toBe(
      screen.getAllByRole('heading', { level: 4, name: 'Interview' })[0],
    );
  });

  it('says so when nothing is removed, and after a 409 shows what now would be removed', async () => {
    const { calls } = server(caseDetail(), (call) => {
      if (call.url === previewPath) return { body: { removes: [], explanation: '' } };
      if (call.url === withdrawPath) {
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Er wordt meer verwijderd dan getoond.',
              details: {
                removes: [
                  {
                    resourceType: 'timeline_item',
                    id: ids.mother,
                    description: 'Tijdlijn: verhuizing naar opa en oma (uit het dossier)',
                  },
                ],
              },
            },
          },
        };
      }
      return undefined;
    });
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: /^Intrekken/ }));
    const question = screen.getByRole('group');
    expect(await within(question).findByText('Er wordt niets verwijderd.')).toBeTruthy();
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, trek de toestemming in' }));
    expect(
      await screen.findByText(/Er is intussen meer dat bij intrekken wordt verwijderd/),
    ).toBeTruthy();
    // What the server now would remove, from the refusal's details.
    expect(screen.getByText('Dit wordt verwijderd:')).toBeTruthy();
    expect(screen.getByText('Tijdlijn: verhuizing naar opa en oma (uit het dossier)')).toBeTruthy();
    expect(calls.filter((c) => c.url === previewPath)).toHaveLength(1);

    // Opening the question again asks the server again.
    fireEvent.click(screen.getByRole('button', { name: /^Intrekken/ }));
    await waitFor(() => expect(calls.filter((c) => c.url === previewPath)).toHaveLength(2));
  });

  it('adds a parent with authority and records consent on behalf of the youth', async () => {
    const { calls } = server(caseDetail(), (call) =>
      call.method === 'POST' ? { status: 201, body: { id: ids.consent } } : undefined,
    );
    renderPage();
    await screen.findByRole('heading', { level: 1 });

    const participantForm = screen.getByRole('form', { name: 'Deelnemer toevoegen' });
    fireEvent.change(within(participantForm).getByLabelText('Soort deelnemer'), {
      target: { value: 'parent' },
    });
    fireEvent.change(within(participantForm).getByLabelText('Omschrijving'), {
      target: { value: 'vader' },
    });
    fireEvent.click(within(participantForm).getByLabelText(/Heeft gezag/));
    fireEvent.click(within(participantForm).getByRole('button', { name: 'Deelnemer toevoegen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/participants'))?.body).toEqual({
        kind: 'parent',
        label: 'vader',
        hasAuthority: true,
      }),
    );
    expect(await screen.findByText('vader is toegevoegd.')).toBeTruthy();

    const consentForm = screen.getByRole('form', { name: 'Toestemming vastleggen' });
    // In this order: the representative field appears once "on behalf of" is chosen.
    for (const [label, value] of [
      ['Deelnemer', ids.youth],
      ['Waarvoor', 'interview'],
      ['Wie gaf toestemming?', 'legal_representative'],
      ['Ouder of voogd met gezag', ids.mother],
      ['Datum van de toestemming', '2026-03-04'],
      ['Versie van het formulier', 'v2'],
    ] as const) {
      fireEvent.change(within(consentForm).getByLabelText(label), { target: { value } });
    }
    fireEvent.click(within(consentForm).getByRole('button', { name: 'Toestemming vastleggen' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/consents'))?.body).toEqual({
        participantId: ids.youth,
        purpose: 'interview',
        givenBy: 'legal_representative',
        representativeId: ids.mother,
        givenOn: '2026-03-04',
        formVersion: 'v2',
      }),
    );
    expect(
      await screen.findByText('Toestemming voor ‘Interview’ van jongere is vastgelegd.'),
    ).toBeTruthy();
  });

  it('shows no forms and no withdraw buttons to someone who may only read the case', async () => {
    server(caseDetail({ abilities: { update: false } }));
    renderPage();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('heading', { level: 2, name: 'Toestemming' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: /Intrekken/ })).toBeNull();
  });
});
