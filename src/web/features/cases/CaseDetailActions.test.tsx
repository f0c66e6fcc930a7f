// @vitest-environment happy-dom
// What the case page changes beyond participants and consent: the progress (closing needs a
// retention date, said at the field whether the browser or the server finds it; a stale version
// offers to load the latest), the assigned colleagues (added from the case's team, removed after
// a confirmation, a refused role said at the field), inviting the youth (the one-time link and
// the QR code as an image with alt text; a taken address said at the field), and the timeline as
// PDF.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../../shared/contract/cases';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  type FetchCall,
} from '../../testing/render';
import { CaseDetailPage } from './CaseDetailPage';
import { caseDetail, caseServer, ids } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };
const casePath = `/api/cases/${ids.case}`;

function server(
  detail: () => CaseDetail,
  other: (call: FetchCall) => Answer | undefined = () => undefined,
) {
  return stubFetch(
    caseServer((call) => other(call) ?? (call.url === casePath ? { body: detail() } : undefined)),
  );
}

function renderPage() {
  return renderWithProviders(<CaseDetailPage />, {
    route: `/cases/${ids.case}`,
    path: '/cases/:id',
  });
}

/** Answers PUT /api/cases/:id (the progress) with `answer`. */
const onPut =
  (answer: () => Answer) =>
  (call: FetchCall): Answer | undefined =>
    call.method === 'PUT' && call.url === casePath ? answer() : undefined;

const fieldError = (status: number, code: string, path: string, message: string): Answer => ({
  status,
  body: { error: { code, message: 'Niet gelukt.', details: { fields: [{ path, message }] } } },
});

describe('CaseDetailPage: progress', () => {
  it('moves the case forward with its version and shows the retention date in the facts', async () => {
    let saved = false;
    const { calls } = server(
      () =>
        caseDetail(saved ? { status: 'timeline', retentionUntil: '2036-01-31', version: 2 } : {}),
      onPut(() => {
        saved = true;
        return { body: { id: ids.case } };
      }),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Voortgang' });
    expect(screen.getByText('Nog niet gekozen')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Stap'), { target: { value: 'timeline' } });
    fireEvent.change(within(form).getByLabelText(/Bewaren tot/), {
      target: { value: '2036-01-31' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Voortgang opslaan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        url: casePath,
        body: { status: 'timeline', retentionUntil: '2036-01-31', gender: null, version: 1 },
      }),
    );
    expect(await screen.findByText('De voortgang is opgeslagen: Tijdlijn.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/31 jan\.? 2036/)).toBeTruthy());
  });

  it('needs a retention date to close: checked before sending, and the server’s at the field', async () => {
    const { calls } = server(
      () => caseDetail(),
      onPut(() =>
        fieldError(
          400,
          'INVALID_INPUT',
          'retentionUntil',
          'De bewaartermijn ligt in het verleden.',
        ),
      ),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Voortgang' });
    fireEvent.change(within(form).getByLabelText('Stap'), { target: { value: 'closed' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Voortgang opslaan' }));
    const retention = within(form).getByLabelText(/Bewaren tot/);
    expect(retention.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(retention)).toContain('nodig om de casus af te sluiten');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    fireEvent.change(retention, { target: { value: '2020-01-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Voortgang opslaan' }));
    await waitFor(() =>
      expect(descriptionOf(retention)).toContain('De bewaartermijn ligt in het verleden.'),
    );
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      status: 'closed',
      retentionUntil: '2020-01-01',
    });
  });

  it('says a colleague changed the case (409) and loads the latest on request', async () => {
    let version = 1;
    server(
      () => caseDetail({ version, status: version > 1 ? 'dossier' : 'consent' }),
      onPut(() => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'Iemand anders heeft deze casus gewijzigd.' } },
      })),
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Voortgang' });
    fireEvent.change(within(form).getByLabelText('Stap'), { target: { value: 'timeline' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Voortgang opslaan' }));
    const reload = await within(form).findByRole('button', { name: /nieuwste versie|opnieuw/i });
    version = 2;
    fireEvent.click(reload);
    await waitFor(() =>
      expect(
        (
          within(screen.getByRole('form', { name: 'Voortgang' })).getByLabelText(
            'Stap',
          ) as HTMLSelectElement
        ).value,
      ).toBe('dossier'),
    );
    expect(within(screen.getByRole('form', { name: 'Voortgang' })).queryByRole('alert')).toBeNull();
  });
});

describe('CaseDetailPage: assigned colleagues', () => {
  it('assigns a member of the case’s team and removes an assignment after confirming', async () => {
    let assigned: CaseDetail['assignments'] = [
      { userId: ids.sanne, displayName: 'Sanne Ervaring', role: 'expert_by_experience' },
    ];
    const { calls } = server(
      () => caseDetail({ assignments: assigned }),
      (call) => {
        if (call.url === `${casePath}/assignments/${ids.rik}` && call.method === 'PUT') {
          assigned = [
            ...assigned,
            { userId: ids.rik, displayName: 'Rik Onderzoeker', role: 'researcher' },
          ];
          return { status: 204 };
        }
        if (call.url === `${casePath}/assignments/${ids.sanne}` && call.method === 'DELETE') {
          assigned = assigned.filter((a) => a.userId !== ids.sanne);
          return { status: 204 };
        }
        return undefined;
      },
    );
    renderPage();
    const section = await screen.findByRole('region', { name: 'Toegewezen' });
    const names = () =>
      within(section)
        .queryAllByRole('listitem')
        .map((li) => li.querySelector('.kl-assignments__item > span')?.textContent);
    expect(names()).toEqual(['Sanne Ervaring Ervaringsdeskundige']);

    const form = within(section).getByRole('form', { name: 'Collega toewijzen' });
    const person = within(form).getByLabelText('Collega') as HTMLSelectElement;
    // Only team members not yet assigned are offered.
    await waitFor(() => expect(person.options.length).toBe(2));
    expect(person.options[1]?.textContent).toBe('Rik Onderzoeker (actieleerder)');
    fireEvent.change(person, { target: { value: ids.rik } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toewijzen' }));
    expect(await within(section).findByText('Rik Onderzoeker is toegewezen.')).toBeTruthy();
    await waitFor(() =>
      expect(names()).toEqual([
        'Sanne Ervaring Ervaringsdeskundige',
        'Rik Onderzoeker Onderzoeker',
      ]),
    );

    fireEvent.click(within(section).getByRole('button', { name: 'Verwijderen Sanne Ervaring' }));
    const question = within(section).getByRole('group', {
      name: 'Sanne Ervaring niet meer aan deze casus toewijzen?',
    });
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, verwijder de toewijzing' }));
    expect(
      await within(section).findByText('Sanne Ervaring is niet meer toegewezen.'),
    ).toBeTruthy();
    await waitFor(() => expect(names()).toEqual(['Rik Onderzoeker Onderzoeker']));
    expect(calls.filter((c) => c.url.includes('/assignments/')).map((c) => c.method)).toEqual([
      'PUT',
      'DELETE',
    ]);
  });

  it('says at the field when the server refuses the colleague’s role', async () => {
    server(
      () => caseDetail(),
      (call) =>
        call.method === 'PUT' && call.url.includes('/assignments/')
          ? fieldError(
              400,
              'INVALID_INPUT',
              'userId',
              'Alleen onderzoekers, professionals en ervaringsdeskundigen.',
            )
          : undefined,
    );
    renderPage();
    const form = await screen.findByRole('form', { name: 'Collega toewijzen' });
    const person = within(form).getByLabelText('Collega') as HTMLSelectElement;
    await waitFor(() => expect(person.options.length).toBe(3));
    fireEvent.change(person, { target: { value: ids.sanne } });
    fireEvent.click(within(form).getByRole('button', { name: 'Toewijzen' }));
    await waitFor(() => expect(descriptionOf(person)).toContain('Alleen onderzoekers'));
  });
});

describe('CaseDetailPage: inviting the youth', () => {
  const invitationPath = `${casePath}/participants/${ids.youth}/invitation`;
  const qrSvg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>';

  it('shows the one-time link and the QR code as an image with alt text', async () => {
    const { calls } = server(
      () => caseDetail(),
      (call) =>
        call.url === invitationPath
          ? {
              status: 201,
              body: {
                userId: ids.rik,
                url: 'http://localhost/link/abc123',
                qrSvg,
                expiresAt: '2026-03-09T10:00:00.000Z',
                purpose: 'invitation',
              },
            }
          : undefined,
    );
    renderPage();
    const access = await screen.findByRole('region', {
      name: 'Eigen toegang voor jongere en ouders',
    });
    // The youth and the mother can be invited.
    expect(within(access).getAllByRole('button', { name: /^Uitnodigen/ })).toHaveLength(2);
    fireEvent.click(within(access).getByRole('button', { name: 'Uitnodigen jongere' }));
    const form = within(access).getByRole('form', { name: 'jongere uitnodigen' });
    fireEvent.change(within(form).getByLabelText('E-mailadres'), {
      target: { value: 'Jongere@Example.org ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Link maken' }));

    const link = (await within(access).findByLabelText('Link')) as HTMLTextAreaElement;
    expect(link.value).toBe('http://localhost/link/abc123');
    expect(within(access).getByRole('button', { name: 'Kopieer de link' })).toBeTruthy();
    const qr = within(access).getByRole('img', {
      name: 'QR-code met de uitnodigingslink voor jongere',
    }) as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`,
    );
    // The server's SVG is never markup in the page.
    expect(document.querySelector('svg script')).toBeNull();
    expect(
      within(access).getByText(
        'Geef deze link of QR-code persoonlijk aan de jongere of ouder. De link werkt één keer en is 7 dagen geldig.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.url === invitationPath)?.body).toEqual({
      email: 'Jongere@Example.org',
    });
  });

  it('checks the address, and says at the field when it belongs to another account (409)', async () => {
    const { calls } = server(
      () => caseDetail(),
      (call) =>
        call.url === invitationPath
          ? fieldError(409, 'CONFLICT', 'email', 'Dit e-mailadres hoort al bij een ander account.')
          : undefined,
    );
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Uitnodigen jongere' }));
    const form = screen.getByRole('form', { name: 'jongere uitnodigen' });
    const email = within(form).getByLabelText('E-mailadres');
    fireEvent.change(email, { target: { value: 'geen-adres' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link maken' }));
    expect(descriptionOf(email)).toContain('Vul een geldig e-mailadres in');
    expect(calls.some((c) => c.url === invitationPath)).toBe(false);

    fireEvent.change(email, { target: { value: 'moeder@example.org' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link maken' }));
    await waitFor(() =>
      expect(descriptionOf(email)).toContain('Dit e-mailadres hoort al bij een ander account.'),
    );
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('offers the timeline as a PDF download', async () => {
    server(() => caseDetail());
    renderPage();
    const pdf = await screen.findByRole('link', { name: 'Tijdlijn als PDF' });
    expect(pdf.getAttribute('href')).toBe(`${casePath}/timeline.pdf`);
    expect(pdf.hasAttribute('download')).toBe(true);
  });
});
