// @vitest-environment happy-dom
// The coding page: a fragment selected after an emoji is sent to the server as code points;
// applying codes, undo (the created segment is removed) and redo (it is restored, with
// Ctrl+Shift+Z) each say what happened; archived codes are not offered; blind coding shows the
// banner with the hidden count and "Vergelijken" asks first; a quote without consent says so.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceDetail } from '../../../shared/contract/coding';
import { renderWithProviders, stubFetch, testSession } from '../../testing/render';
import { CodingPage } from './CodingPage';
import { codebook, ids, segment, source, transcript } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const sourcePath = `/api/sources/${ids.source}`;
const phrase = 'mijn mentor bleef me appen';

function renderPage() {
  return renderWithProviders(<CodingPage />, {
    route: `/sources/${ids.source}`,
    path: '/sources/:sourceId',
    session: testSession(['case.read'], ids.me),
  });
}

/** A server that keeps the source's segments as the calls change them. */
function server(initial: SourceDetail) {
  let current = initial;
  const coded = segment();
  const stub = stubFetch((call) => {
    if (call.url === sourcePath && call.method === 'GET') return { body: current };
    if (call.url === `/api/programmes/${ids.programme}/codebook`) return { body: codebook };
    if (call.url.startsWith('/api/memos')) return { body: { items: [] } };
    if (call.url === `${sourcePath}/segments` && call.method === 'POST') {
      current = { ...current, segments: [coded] };
      return { status: 201, body: { segments: [coded] } };
    }
    if (call.url === `/api/segments/${coded.id}` && call.method === 'DELETE') {
      current = { ...current, segments: [] };
      return { body: current };
    }
    if (call.url === `/api/segments/${coded.id}/restore` && call.method === 'POST') {
      current = { ...current, segments: [coded] };
      return { body: current };
    }
    if (call.url === `${sourcePath}/reveal` && call.method === 'POST') {
      current = { ...current, revealed: true };
      return { body: current };
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Niet gevonden' } } };
  });
  return stub;
}

/** Selects UTF-16 [from, to) of the text as a mouse would, and lets go of the button. */
function selectInText(textbox: HTMLElement, from: number, to: number) {
  const node = textbox.firstChild!;
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(textbox);
}

describe('coding a transcript', () => {
  it('applies a code to a fragment after an emoji, by code points, and undoes and redoes it', async () => {
    const { calls } = server(source());
    renderPage();
    const textbox = await screen.findByRole('textbox', { name: 'Tekst om te coderen' });
    expect(textbox.textContent).toBe(transcript);
    expect(textbox.getAttribute('aria-readonly')).toBe('true');

    const from = transcript.indexOf(phrase);
    selectInText(textbox, from, from + phrase.length);
    const picker = await screen.findByRole('region', { name: 'Codes toepassen' });
    expect(within(picker).getByText(phrase)).toBeTruthy();
    expect(within(picker).getByText('Teken 19 tot en met 44')).toBeTruthy();
    await within(picker).findByRole('checkbox', { name: 'Steun van de mentor' });
    // Archived codes are never offered.
    expect(within(picker).queryByRole('checkbox', { name: 'Oude code' })).toBeNull();

    // Nothing chosen: said, nothing sent.
    fireEvent.click(within(picker).getByRole('button', { name: 'Toepassen' }));
    expect((await within(picker).findAllByText('Kies minstens één code.')).length).toBeGreaterThan(
      0,
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(within(picker).getByRole('checkbox', { name: 'Steun van de mentor' }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Toepassen' }));
    await screen.findByText(`Code Steun van de mentor toegepast op ‘${phrase}’.`);
    const post = calls.find((c) => c.method === 'POST' && c.url === `${sourcePath}/segments`);
    expect(post?.body).toEqual({
      start: 18,
      end: 44,
      codeIds: [ids.codeMentor],
      important: false,
      quote: false,
    });
    expect(post?.headers['x-csrf-token']).toBe('csrf');
    expect(screen.queryByRole('region', { name: 'Codes toepassen' })).toBeNull();
    // The code is listed with its count, as a filter.
    const used = screen.getByRole('region', { name: 'Codes in deze tekst' });
    expect(
      within(used).getByRole('checkbox', { name: /Steun van de mentor\s*1 fragment/ }),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    await screen.findByText(`Ongedaan gemaakt: code Steun van de mentor op ‘${phrase}’.`);
    expect(
      calls.some((c) => c.method === 'DELETE' && c.url === `/api/segments/${ids.segment1}`),
    ).toBe(true);

    act(() => {
      fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    });
    await screen.findByText(`Opnieuw gedaan: code Steun van de mentor op ‘${phrase}’.`);
    expect(
      calls.some((c) => c.method === 'POST' && c.url === `/api/segments/${ids.segment1}/restore`),
    ).toBe(true);
  });

  it('shows the blind banner with what is hidden, and compares only after confirming', async () => {
    const { calls } = server(source({ blind: true, hiddenSegments: 3 }));
    renderPage();
    await screen.findByText(
      'Je codeert blind: je ziet alleen je eigen codering (3 fragmenten van anderen verborgen).',
    );
    expect(screen.getByText(/Je codeert deze tekst blind. Kies eerst ‘Vergelijken’/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Vergelijken' }));
    expect(calls.some((c) => c.url.endsWith('/reveal'))).toBe(false);
    const question = screen.getByRole('group', { name: 'Je codering nu vergelijken?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Ja, vergelijken' }));
    await screen.findByText(
      'Je hebt vergeleken: je ziet nu de codering van iedereen bij deze tekst.',
    );
    expect(calls.some((c) => c.method === 'POST' && c.url === `${sourcePath}/reveal`)).toBe(true);
  });

  it('opens a fragment with Enter and says when a quote cannot be used', async () => {
    server(source({ segments: [segment({ quote: true, quoteUsable: false })] }));
    renderPage();
    const textbox = await screen.findByRole('textbox', { name: 'Tekst om te coderen' });
    await screen.findByRole('checkbox', { name: /Steun van de mentor\s*1 fragment/ });
    const inside = transcript.indexOf('bleef');
    const range = document.createRange();
    range.setStart(textbox.firstChild!, inside);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.keyDown(textbox, { key: 'Enter' });
    const details = await screen.findByRole('region', { name: 'Gecodeerd fragment' });
    expect(
      within(details).getByText('Citaat niet bruikbaar: geen toestemming voor citaten.'),
    ).toBeTruthy();
    expect(
      (within(details).getByRole('checkbox', { name: 'Bruikbaar als citaat' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Gecodeerd fragment'));
  });
});
