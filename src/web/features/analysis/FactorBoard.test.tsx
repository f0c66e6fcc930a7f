// @vitest-environment happy-dom
// The factor board: a section per domain of the domain set, each factor marked as strength or
// problem in words (not by colour alone); deleting a factor that a hypothesis still uses is
// refused, and the refusal lists that hypothesis in words; deleting a free factor removes it.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { FactorBoard } from './FactorBoard';
import {
  analysisAnswer,
  analysisPath,
  explanatoryAnalysis,
  factors,
  hypotheses,
  ids,
  notFound,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const inUseMessage =
  'Deze factor wordt nog gebruikt in een verband. Pas die eerst aan of verwijder ze.';

describe('FactorBoard', () => {
  it('shows a section per domain, with each factor marked as strength or problem in words', () => {
    stubFetch(() => notFound);
    renderWithProviders(
      <FactorBoard caseId={ids.case} analysis={explanatoryAnalysis()} canEdit={false} />,
    );
    const domains = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(domains).toEqual(['Kind zelf', 'Ouders', 'School en onderwijs', 'Netwerk en omgeving']);
    const network = screen.getByRole('region', { name: 'Netwerk en omgeving' });
    const card = within(network).getByRole('listitem');
    expect(card.textContent).toContain('Kracht');
    expect(card.textContent).toContain('Oma als vast steunpunt');
    expect(card.textContent).toContain('Perspectief: Ouder(s)');
    expect(within(network).getByText('1 kracht, 0 problemen')).toBeTruthy();
    const child = screen.getByRole('region', { name: 'Kind zelf' });
    expect(within(child).getByRole('listitem').textContent).toContain('Probleem');
    // Read-only: no way to add, change or delete.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('refuses to delete a factor still used, listing the hypotheses in words', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url === `${analysisPath}/factors/${ids.grandma}?version=2`)
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: inUseMessage,
              details: { hypotheses: [{ ...hypotheses[1], caseId: ids.case }] },
            },
          },
        };
      if (call.url === `${analysisPath}/factors/${ids.school}?version=1`)
        return {
          body: analysisAnswer(
            explanatoryAnalysis({ factors: [factors.anxiety, factors.grandma], hypotheses: [] }),
          ),
        };
      return notFound;
    });
    renderWithProviders(<FactorBoard caseId={ids.case} analysis={explanatoryAnalysis()} canEdit />);
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen Oma als vast steunpunt' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijder de factor' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Deze factor is niet verwijderd: hij wordt nog gebruikt in dit verband.',
    );
    const listed = within(alert).getAllByRole('listitem');
    expect(listed.map((li) => li.textContent)).toEqual([
      'Verband 2: Omdat ‘Oma als vast steunpunt’ (kracht, Netwerk en omgeving), daarom ‘Angst in grote groepen’ (probleem, Kind zelf).',
    ]);
    expect(within(alert).getByRole('link', { name: 'Verband 2' }).getAttribute('href')).toBe(
      `#an-hypothesis-${ids.grandmaHelps}`,
    );
    expect(calls.map((c) => c.method)).toEqual(['DELETE']);

    // A factor no hypothesis uses goes, and the page says so.
    fireEvent.click(
      screen.getByRole('button', { name: 'Verwijderen Geen passend onderwijs na groep 8' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijder de factor' }));
    await screen.findByText('‘Geen passend onderwijs na groep 8’ is verwijderd.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('School en onderwijs'));
  });
});
