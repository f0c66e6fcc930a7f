// @vitest-environment happy-dom
// The hypotheses as a graph and in words: the graph points to its text alternative, the
// numbered list saying each hypothesis as "Omdat … daarom …" with the same numbers as the
// graph's junctions; every factor, the problem and every junction can be reached with Tab,
// and Enter on one says its links in words.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { HypothesesSection } from './HypothesesSection';
import { explanatoryAnalysis, ids, notFound } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HypothesesSection', () => {
  it('gives the graph a text alternative: the hypotheses in words, numbered as on the graph', () => {
    stubFetch(() => notFound);
    renderWithProviders(
      <HypothesesSection caseId={ids.case} analysis={explanatoryAnalysis()} canEdit={false} />,
    );
    const graph = screen.getByRole('group', { name: 'Grafiek van de verbanden' });
    const how = document.getElementById(graph.getAttribute('aria-describedby') ?? '');
    const link = within(how as HTMLElement).getByRole('link', {
      name: 'Dezelfde verbanden in woorden',
    });
    const target = document.getElementById(link.getAttribute('href')?.slice(1) ?? '');
    const list = within(target as HTMLElement).getByRole('list', {
      name: 'De verbanden in woorden',
    });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.kl-an-hypothesis__sentence')?.textContent),
    ).toEqual([
      'Verband 1 Omdat ‘Geen passend onderwijs na groep 8’ (probleem, School en onderwijs) en ‘Angst in grote groepen’ (probleem, Kind zelf), daarom het probleem.',
      'Verband 2 Omdat ‘Oma als vast steunpunt’ (kracht, Netwerk en omgeving), daarom ‘Angst in grote groepen’ (probleem, Kind zelf).',
    ]);
    expect(within(list).getByText(/Omdat oma hem ophaalt/)).toBeTruthy();
    // The junctions carry the same numbers.
    expect(
      [...graph.querySelectorAll('.kl-an-g-junction__number')].map((n) => n.textContent),
    ).toEqual(['1', '2']);
  });

  it('lets every node be reached with Tab, and says the links of the one marked', () => {
    stubFetch(() => notFound);
    renderWithProviders(
      <HypothesesSection caseId={ids.case} analysis={explanatoryAnalysis()} canEdit={false} />,
    );
    const graph = screen.getByRole('group', { name: 'Grafiek van de verbanden' });
    const reachable = [...graph.querySelectorAll('[tabindex="0"]')].map((el) =>
      el.getAttribute('aria-label'),
    );
    // Three factors, the problem and two junctions.
    expect(reachable).toHaveLength(6);
    expect(reachable).toContain('Angst in grote groepen: probleem, Kind zelf, perspectief Jongere');
    const anxiety = within(graph).getByRole('button', { name: /^Angst in grote groepen/ });
    fireEvent.keyDown(anxiety, { key: 'Enter' });
    expect(anxiety.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/^‘Angst in grote groepen’:/).textContent).toBe(
      '‘Angst in grote groepen’: oorzaak in verband 1 en gevolg in verband 2.',
    );
    const problem = within(graph).getByRole('button', { name: /^Het probleem:/ });
    fireEvent.click(problem);
    expect(screen.getByText('Het probleem volgt uit verband 1.')).toBeTruthy();
    // Links not touching the problem fade; the one into it stands out.
    expect(graph.querySelectorAll('.kl-an-g-link--strong')).toHaveLength(1);
    expect(graph.querySelectorAll('.kl-an-g-link--dim')).toHaveLength(1);
  });
});
