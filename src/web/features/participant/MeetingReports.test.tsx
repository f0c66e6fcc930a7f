// @vitest-environment happy-dom
// "Verslag van het gesprek" on the participant's own page: the reports of the meetings that were
// held, each to download as PDF or Word (links that say which meeting they are for), and
// nothing at all before there is one.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { MeetingReports } from './MeetingReports';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseId = '00000000-0000-4000-8000-0000000000c1';
const meetingId = '00000000-0000-4000-8000-0000000002a1';

describe('MeetingReports', () => {
  it('lists the reports with a PDF and a Word link each', async () => {
    stubFetch(() => ({
      body: { items: [{ id: meetingId, plannedAt: '2026-05-20T11:00:00.000Z', status: 'held' }] },
    }));
    renderWithProviders(<MeetingReports caseId={caseId} />);
    const section = await screen.findByRole('region', { name: 'Verslag van het gesprek' });
    expect(within(section).getByText('Gesprek van 20 mei 2026')).toBeTruthy();
    const pdf = within(section).getByRole('link', { name: /^Verslag als PDF/ });
    expect(pdf.textContent).toBe('Verslag als PDF van het gesprek van 20 mei 2026');
    expect(pdf.getAttribute('href')).toBe(`/api/cases/${caseId}/meetings/${meetingId}/report.pdf`);
    expect(
      within(section)
        .getByRole('link', { name: /^Verslag in Word/ })
        .getAttribute('href'),
    ).toBe(`/api/cases/${caseId}/meetings/${meetingId}/report.docx`);
  });

  it('shows nothing before a meeting was held', async () => {
    const { calls } = stubFetch(() => ({ body: { items: [] } }));
    const { container } = renderWithProviders(<MeetingReports caseId={caseId} />);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
    expect(calls[0]?.url).toBe(`/api/cases/${caseId}/meeting-reports`);
  });
});
