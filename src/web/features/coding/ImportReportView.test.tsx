// @vitest-environment happy-dom
// The report of an import: the counts (with how many cases were linked to an existing one),
// every coder in the file with whether they became an account or an external coder, and what
// could not be taken over with its place in the file. Focus lands on its heading.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { ImportReportView } from './ImportReportView';
import { importReport } from './test-data';

afterEach(cleanup);

describe('the import report', () => {
  it('shows the counts, the coders and what was not taken over', () => {
    renderWithProviders(<ImportReportView report={importReport} fileName="project.qdpx" />);
    const report = screen.getByRole('region', { name: 'Ingelezen uit project.qdpx' });
    expect(document.activeElement).toBe(
      within(report).getByRole('heading', { name: 'Ingelezen uit project.qdpx' }),
    );
    expect(within(report).getByRole('status').textContent).toBe(
      'Het bestand is ingelezen, maar 1 onderdeel kon niet worden overgenomen. Zie hieronder.',
    );
    const facts = Object.fromEntries(
      [...report.querySelectorAll('.utrecht-data-list__item')].map((item) => [
        item.querySelector('dt')?.textContent,
        item.querySelector('dd')?.textContent,
      ]),
    );
    expect(facts).toEqual({
      Codes: '12',
      Teksten: '3',
      Fragmenten: '140',
      "Memo's": '2',
      Casussen: '2, waarvan 1 gekoppeld aan een bestaande casus',
      Snelheid: '41,3 documenten per seconde',
    });

    const users = within(report).getByRole('table', { name: '2 codeurs in het bestand' });
    expect(
      within(users)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      'Olaf OnderzoekEen account in Ketenlens',
      'J. de Vries (MAXQDA)Externe codeur (geen account)',
    ]);

    within(report).getByRole('heading', { name: 'Niet overgenomen (1)' });
    const gaps = within(report).getByRole('list', { name: 'Wat niet is overgenomen' });
    expect(within(gaps).getByRole('listitem').textContent).toBe(
      'Een PDF-bron wordt niet overgenomen: alleen teksten. (plaats: project.qde regel 40, Sources/PDFSource[1] (name "Scan.pdf"))',
    );
  });

  it('says so when everything was taken over and nobody is named', () => {
    renderWithProviders(
      <ImportReportView
        report={{ ...importReport, users: [], notMapped: [] }}
        fileName="codeboek.qdc"
      />,
    );
    expect(screen.getByText('Het bestand is ingelezen. Alles is overgenomen.')).toBeTruthy();
    expect(screen.getByText('Het bestand noemt geen codeurs.')).toBeTruthy();
    expect(screen.getByText('Alles uit het bestand is overgenomen.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
