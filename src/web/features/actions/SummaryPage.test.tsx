// @vitest-environment happy-dom
// The plain summary: headings per stakeholder group, the counts, each action's plain text, who
// takes care of it and what it changed, and the PDF link in the reader's language.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionSummary } from '../../../shared/contract/actions';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { SummaryPage } from './SummaryPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programmeId = '00000000-0000-4000-8000-0000000000b1';
const summary: ActionSummary = {
  programmeName: 'Programma',
  language: 'nl',
  title: 'Wat er gebeurde met wat we leerden',
  intro: ['Inleiding.'],
  totals: { agreed: 2, underway: 1, done: 1, dropped: 0 },
  groups: [
    {
      code: 'onderwijs',
      label: 'Onderwijs',
      counts: { agreed: 2, underway: 1, done: 1, dropped: 0 },
      sentence: 'Voor onderwijs spraken we 2 dingen af.',
      actions: [
        {
          summary: 'De mentor praat mee.',
          organisation: 'School (fictief)',
          status: 'evaluated',
          statusWords: 'klaar, en we hebben gekeken wat het opleverde',
          dueWords: '',
          result: 'Minder thuiszitters.',
        },
      ],
    },
  ],
  generatedOn: '24 november 2026',
};

describe('SummaryPage', () => {
  it('shows each group with its actions in plain words, and links the PDF', async () => {
    const { calls } = stubFetch(() => ({ body: summary }));
    renderWithProviders(<SummaryPage />, {
      route: `/wat-we-leerden/${programmeId}`,
      path: '/wat-we-leerden/:id',
    });
    await screen.findByRole('heading', { level: 1, name: 'Wat er gebeurde met wat we leerden' });
    const group = screen.getByRole('region', { name: 'Onderwijs' });
    expect(group.textContent).toContain('De mentor praat mee.');
    expect(group.textContent).toContain('Minder thuiszitters.');
    expect(group.textContent).toContain('School (fictief)');
    expect(calls[0]!.url).toBe(`/api/programmes/${programmeId}/action-summary?lang=nl`);
    const pdf = screen.getByRole('link', { name: 'Download deze pagina als PDF' });
    expect(pdf.getAttribute('href')).toBe(
      `/api/programmes/${programmeId}/action-summary.pdf?lang=nl`,
    );
  });
});
