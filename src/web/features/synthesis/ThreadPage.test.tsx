// @vitest-environment happy-dom
// The thread page: title, status, theme, codes and the versions with what changed; a superseded
// thread pointing to its successor without edit controls; an edit sent with the version it was
// based on and its note; a stale edit showing both versions; withdrawing only with a reason.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch, type FetchCall } from '../../testing/render';
import type { Thread } from '../../../shared/contract/synthesis';
import { ThreadPage } from './ThreadPage';
import {
  programmeId,
  schoolId,
  successorId,
  testBoard,
  testThread,
  testVersions,
  threadId,
  waitingId,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const route = `/programmes/${programmeId}/synthese/draden/${threadId}`;
const path = '/programmes/:id/synthese/draden/:threadId';
const base = `/api/programmes/${programmeId}/synthesis`;

function answer(
  thread: Thread,
  onWrite?: (call: FetchCall) => { status?: number; body?: unknown },
) {
  return (call: FetchCall) => {
    if (call.method !== 'GET' && onWrite) return onWrite(call);
    if (call.url === `${base}/threads/${threadId}`) return { body: thread };
    if (call.url === `${base}/threads/${threadId}/versions`)
      return { body: { items: testVersions } };
    if (call.url === `${base}/themes`) return { body: testBoard() };
    if (call.url.startsWith(`${base}/threads?`))
      return { body: { items: [], hidden: 0, abilities: { create: true } } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  };
}

describe('the thread page', () => {
  it('shows the thread, its codes and every version with what changed', async () => {
    stubFetch(answer(testThread()));
    renderWithProviders(<ThreadPage />, { route, path });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Rode draad 1: Hulp komt pas als het escaleert',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Actief')).toBeTruthy();
    expect(screen.getByText('Uit thema ‘Hulp komt te laat’')).toBeTruthy();
    expect(screen.getByText('Gezinnen wachten maanden.', { selector: 'p' })).toBeTruthy();
    expect(await screen.findByText('Codes toegevoegd: Thuiszitten')).toBeTruthy();
    expect(screen.getByText('Beschrijving gewijzigd')).toBeTruthy();
    expect(screen.getByText('Toelichting: Na de leerbijeenkomst')).toBeTruthy();
    expect(screen.getByText('gemaakt van een thema')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rode draad wijzigen' })).toBeTruthy();
  });

  it('shows a superseded thread with a link to its successor, and nothing to change', async () => {
    stubFetch(
      answer(
        testThread({
          status: 'superseded',
          supersededBy: {
            id: successorId,
            number: 3,
            title: 'Zonder passende plek',
            status: 'active',
          },
          abilities: { edit: false },
        }),
      ),
    );
    renderWithProviders(<ThreadPage />, { route, path });
    const link = await screen.findByRole('link', { name: 'Rode draad 3: Zonder passende plek' });
    expect(link.getAttribute('href')).toBe(
      `/programmes/${programmeId}/synthese/draden/${successorId}`,
    );
    expect(screen.getByText('Vervangen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rode draad wijzigen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Intrekken…' })).toBeNull();
  });

  it('saves an edit with the version it started from and the note', async () => {
    const { calls } = stubFetch(
      answer(testThread(), () => ({ body: testThread({ version: 3, title: 'Nieuwe titel' }) })),
    );
    renderWithProviders(<ThreadPage />, { route, path });
    fireEvent.click(await screen.findByRole('button', { name: 'Rode draad wijzigen' }));
    const title = await screen.findByLabelText('Titel');
    fireEvent.change(title, { target: { value: 'Nieuwe titel' } });
    fireEvent.click(screen.getByLabelText('Thuiszitten'));
    fireEvent.change(screen.getByLabelText(/Toelichting bij deze versie/), {
      target: { value: 'Scherper' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('Opgeslagen als versie 3.')).toBeTruthy();
    // Focus returns to the button that opened the editor.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Rode draad wijzigen' }),
      ),
    );
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`${base}/threads/${threadId}`);
    expect(put.body).toEqual({
      title: 'Nieuwe titel',
      description: 'Gezinnen wachten maanden.',
      codeIds: [waitingId, schoolId],
      note: 'Scherper',
      version: 2,
    });
  });

  it('shows both versions when someone else saved first', async () => {
    stubFetch(
      answer(testThread(), () => ({
        status: 409,
        body: {
          error: {
            code: 'CONFLICT',
            message: 'Iemand anders heeft deze rode draad intussen gewijzigd.',
            details: {
              current: {
                id: threadId,
                number: 1,
                title: 'Titel van een ander',
                description: 'Gezinnen wachten maanden.',
                status: 'active',
                version: 3,
              },
              yours: {},
            },
          },
        },
      })),
    );
    renderWithProviders(<ThreadPage />, { route, path });
    fireEvent.click(await screen.findByRole('button', { name: 'Rode draad wijzigen' }));
    fireEvent.change(await screen.findByLabelText('Titel'), { target: { value: 'Mijn titel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    const conflict = await screen.findByRole('heading', {
      name: 'Iemand anders heeft dit intussen gewijzigd',
    });
    const region = conflict.closest('section')!;
    expect(within(region).getByText('Mijn titel')).toBeTruthy();
    expect(within(region).getByText('Titel van een ander')).toBeTruthy();
  });

  it('withdraws only with a reason', async () => {
    const { calls } = stubFetch(
      answer(testThread(), () => ({
        body: testThread({ status: 'withdrawn', statusReason: 'Te weinig casussen', version: 3 }),
      })),
    );
    renderWithProviders(<ThreadPage />, { route, path });
    fireEvent.click(await screen.findByRole('button', { name: 'Intrekken…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Intrekken' }));
    expect(
      (await screen.findAllByText('Schrijf op waarom deze rode draad wordt ingetrokken.')).length,
    ).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText('Reden'), { target: { value: 'Te weinig casussen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Intrekken' }));
    await screen.findByRole('heading', { level: 1 });
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      version: 2,
      reason: 'Te weinig casussen',
    });
  });
});
