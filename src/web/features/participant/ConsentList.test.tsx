// @vitest-environment happy-dom
// The consent list: every purpose as a plain question with its answer; withdrawing first
// shows what the server says will be removed and only then withdraws (with confirmRemoval);
// giving sends the purpose; a parent sees their child's questions with why they decide.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyCase } from '../../../shared/contract/participant';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { ConsentList } from './ConsentList';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseId = '00000000-0000-4000-8000-0000000000c1';
const youthId = '00000000-0000-4000-8000-0000000000a1';
const parentId = '00000000-0000-4000-8000-0000000000a2';
const consentId = '00000000-0000-4000-8000-0000000000d1';

const none = { consentId: null, givenOn: null, withdrawnOn: null };
const youthCase: MyCase = {
  caseId,
  code: 'KL-2026-001',
  participantId: youthId,
  label: 'jongere',
  kind: 'youth',
  consents: [
    {
      purpose: 'interview',
      ...none,
      forParticipantId: youthId,
      forLabel: 'jongere',
      onBehalf: false,
    },
    {
      purpose: 'dossier',
      consentId,
      givenOn: '2026-03-02',
      withdrawnOn: null,
      forParticipantId: youthId,
      forLabel: 'jongere',
      onBehalf: false,
    },
  ],
  stillNeeded: ['Voor een interview is jouw toestemming nodig.'],
};

describe('ConsentList', () => {
  it('shows each purpose in plain words with its answer, and what is still needed', () => {
    stubFetch(() => ({ body: youthCase }));
    renderWithProviders(<ConsentList myCase={youthCase} />);
    expect(screen.getByText('Mag de onderzoeker met je praten (interview)?')).toBeTruthy();
    expect(screen.getByText('Nog niet gegeven')).toBeTruthy();
    expect(screen.getByText('Mogen onderzoekers je dossier lezen?')).toBeTruthy();
    expect(screen.getByText('Ja, gegeven op 2 maart 2026')).toBeTruthy();
    expect(screen.getByText('Voor een interview is jouw toestemming nodig.')).toBeTruthy();
  });

  it('withdraws only after showing what will be removed', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url.endsWith('/withdrawal-preview'))
        return {
          body: {
            removes: [
              {
                resourceType: 'timeline_item',
                id: consentId,
                description: 'Gebeurtenis uit het dossier: “Uit huis geplaatst”',
              },
            ],
            explanation: 'Wat uit je dossier komt, gaat van de tijdlijn.',
          },
        };
      if (call.url.endsWith('/withdraw')) return { body: { removed: [] } };
      return { body: youthCase };
    });
    renderWithProviders(<ConsentList myCase={youthCase} />);
    fireEvent.click(
      screen.getByRole('button', { name: /^Intrekken ?: Mogen onderzoekers je dossier lezen\?$/ }),
    );
    const question = await screen.findByRole('group', {
      name: 'Wil je deze toestemming intrekken?',
    });
    await within(question).findByText('Gebeurtenis uit het dossier: “Uit huis geplaatst”');
    expect(within(question).getByText('Dit wordt dan weggehaald:')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(false);

    fireEvent.click(within(question).getByRole('button', { name: 'Ja, trek in' }));
    await screen.findByText('Je toestemming is ingetrokken.');
    const previewAt = calls.findIndex((c) => c.url.endsWith('/withdrawal-preview'));
    const withdrawAt = calls.findIndex((c) => c.url.endsWith('/withdraw'));
    expect(previewAt).toBeGreaterThanOrEqual(0);
    expect(withdrawAt).toBeGreaterThan(previewAt);
    expect(calls[withdrawAt]).toMatchObject({
      method: 'POST',
      url: `/api/my/cases/${caseId}/consents/${consentId}/withdraw`,
      body: { confirmRemoval: true },
    });
  });

  it('gives a consent for the purpose asked', async () => {
    const { calls } = stubFetch((call) =>
      call.method === 'POST' ? { status: 201, body: { id: consentId } } : { body: youthCase },
    );
    renderWithProviders(<ConsentList myCase={youthCase} />, {
      session: {
        user: { id: youthId, email: 'j@example.org', displayName: 'jongere', role: 'participant' },
        csrfToken: 'csrf',
        isDemo: false,
        stage: 'full',
        hasTotp: false,
        isTotpRequired: false,
        permissions: ['own_case.read', 'own_case.consent'],
      },
    });
    fireEvent.click(
      screen.getByRole('button', {
        name: /^Ja, dat mag ?: Mag de onderzoeker met je praten \(interview\)\?$/,
      }),
    );
    await screen.findByText('Je toestemming is opgeslagen.');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/my/cases/${caseId}/consents`,
      body: { purpose: 'interview', forParticipantId: null },
    });
  });

  it('lets a parent decide for their child, and says why', async () => {
    const parentCase: MyCase = {
      ...youthCase,
      participantId: parentId,
      label: 'moeder',
      kind: 'parent',
      consents: [
        {
          purpose: 'interview',
          ...none,
          forParticipantId: parentId,
          forLabel: 'moeder',
          onBehalf: false,
        },
        {
          purpose: 'interview',
          ...none,
          forParticipantId: youthId,
          forLabel: 'jongere',
          onBehalf: true,
        },
      ],
    };
    const { calls } = stubFetch((call) =>
      call.method === 'POST' ? { status: 201, body: { id: consentId } } : { body: parentCase },
    );
    renderWithProviders(<ConsentList myCase={parentCase} />);
    expect(screen.getByRole('heading', { name: 'Jouw toestemming' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Voor je kind (jongere)' })).toBeTruthy();
    expect(screen.getByText('Omdat je kind jonger is dan 16, beslis jij mee.')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', {
        name: /^Ja, dat mag ?: Mag de onderzoeker met je kind praten \(interview\)\?$/,
      }),
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      purpose: 'interview',
      forParticipantId: youthId,
    });
  });
});
