// @vitest-environment happy-dom
// Comparing two versions of the working theory: the two versions chosen are asked for older
// first; the older text shows the words taken out as <del>, the newer the words put in as
// <ins>, each with a visible sign and words for screen readers; the parents' own words of the
// version where they partly disagreed are shown.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { sideParts, TheoryCompare } from './TheoryComparison';
import { analysisPath, ids, notFound, theories } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const comparison = {
  from: theories[0],
  to: theories[1],
  changes: [
    { kind: 'same', text: 'De jongere liep vast omdat er geen passende school ' },
    { kind: 'removed', text: 'was.' },
    { kind: 'added', text: 'was en de angst niet werd behandeld.' },
  ],
};

describe('TheoryCompare', () => {
  it('marks the words taken out and put in, not by colour alone', async () => {
    const { calls } = stubFetch((call) =>
      call.url.startsWith(`${analysisPath}/theories/compare`) ? { body: comparison } : notFound,
    );
    renderWithProviders(<TheoryCompare caseId={ids.case} theories={theories} />);
    // Picked the other way round: still asked older first.
    fireEvent.change(screen.getByLabelText('Oudere versie'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Nieuwere versie'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vergelijken' }));

    const heading = await screen.findByRole('heading', {
      name: 'Versie 1 en versie 2 naast elkaar',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.map((c) => c.url)).toEqual([`${analysisPath}/theories/compare?from=1&to=2`]);
    expect(screen.getByText('7 woorden toegevoegd, 1 woord weggehaald.')).toBeTruthy();

    const older = screen.getByRole('region', { name: /^Versie 1 ·/ });
    const newer = screen.getByRole('region', { name: /^Versie 2 ·/ });
    const removed = older.querySelector('.kl-an-compare__text del');
    expect(removed?.textContent).toBe('weggehaald: −\u2060was. (einde weggehaald)');
    expect(removed?.querySelector('[aria-hidden="true"]')?.textContent).toBe('−');
    expect(older.querySelector('.kl-an-compare__text ins')).toBeNull();
    const added = newer.querySelector('.kl-an-compare__text ins');
    expect(added?.textContent).toBe(
      'toegevoegd: +\u2060was en de angst niet werd behandeld. (einde toegevoegd)',
    );
    expect(newer.querySelector('.kl-an-compare__text del')).toBeNull();
    expect(newer.querySelector('.kl-an-compare__text')?.textContent).toContain(
      'De jongere liep vast omdat er geen passende school ',
    );
    // Who agreed, and the parents' own words where they partly disagreed.
    expect(within(newer).getByText('Deels eens')).toBeTruthy();
    expect(newer.querySelector('blockquote')?.textContent).toBe(
      'De ouders zeiden: “Het lag ook aan de wachtlijst, niet alleen aan school.”',
    );
  });

  it('asks for two different versions', () => {
    const { calls } = stubFetch(() => notFound);
    renderWithProviders(<TheoryCompare caseId={ids.case} theories={theories} />);
    fireEvent.change(screen.getByLabelText('Nieuwere versie'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vergelijken' }));
    expect(screen.getByText('Kies twee verschillende versies.')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('shows each side in its own spacing, whatever space the word comparison moved', () => {
    const changes = [
      { kind: 'same', text: 'geen ' },
      { kind: 'removed', text: 'passende school' },
      { kind: 'added', text: 'passend onderwijs' },
      { kind: 'same', text: ' was ' },
      { kind: 'added', text: 'en zijn angst' },
      { kind: 'same', text: '.' },
    ] as const;
    const older = sideParts('geen passende school was.', [...changes], 'removed');
    expect(older.map((p) => p.text).join('')).toBe('geen passende school was.');
    expect(older.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual([
      'passende school',
    ]);
    const newer = sideParts('geen passend onderwijs was en zijn angst.', [...changes], 'added');
    expect(newer.map((p) => p.text).join('')).toBe('geen passend onderwijs was en zijn angst.');
    expect(newer.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual([
      'passend onderwijs',
      'en zijn angst',
    ]);
  });
});
