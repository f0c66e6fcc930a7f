// @vitest-environment happy-dom
// The programme form: editing the stakeholder-group list (rename, remove, add with a code made
// from the name), sending `version` on edit, and a 409 offering to load the latest version.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme } from '../../../shared/contract/organisations';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { ProgrammeForm } from './ProgrammeForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const programme: Programme = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Actieleren Gooi en Vechtstreek 2026',
  periodStart: '2026-01-01',
  periodEnd: null,
  learningGoals: '',
  stakeholderGroups: [
    { code: 'professionals', label: 'Professionals' },
    { code: 'gemeenten', label: 'Gemeenten' },
  ],
  smallCellThreshold: 5,
  teamCount: 0,
  version: 3,
  archivedAt: null,
  abilities: { update: true, archive: true },
};

describe('ProgrammeForm', () => {
  it('renames, removes and adds stakeholder groups and sends the version', async () => {
    const { calls } = stubFetch(() => ({ body: { ...programme, version: 4 } }));
    const onSaved = vi.fn();
    renderWithProviders(<ProgrammeForm programme={programme} onSaved={onSaved} />);

    fireEvent.change(screen.getByLabelText('Naam van groep 1'), {
      target: { value: 'Professionals in de wijk' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verwijder Gemeenten' }));
    fireEvent.click(screen.getByRole('button', { name: 'Groep toevoegen' }));
    const added = screen.getByLabelText('Naam van groep 2');
    expect(document.activeElement).toBe(added);
    fireEvent.change(added, { target: { value: 'Jeugd & gezin' } });
    fireEvent.change(screen.getByLabelText('Kleine-aantallendrempel'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      url: `/api/programmes/${programme.id}`,
      method: 'PUT',
      body: {
        version: 3,
        smallCellThreshold: 10,
        stakeholderGroups: [
          { code: 'professionals', label: 'Professionals in de wijk' },
          { code: 'jeugd_gezin', label: 'Jeugd & gezin' },
        ],
      },
    });
  });

  it('does not send a group without a name, and says where the problem is', () => {
    const { calls } = stubFetch(() => ({ status: 500 }));
    renderWithProviders(<ProgrammeForm programme={programme} onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Groep toevoegen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    const empty = screen.getByLabelText('Naam van groep 3');
    expect(empty.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('link', { name: /Vul een naam in voor deze groep/ })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('tells the user someone else changed the programme and offers to reload', async () => {
    stubFetch(() => ({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'Iemand anders heeft dit intussen gewijzigd.' } },
    }));
    const onReload = vi.fn();
    renderWithProviders(
      <ProgrammeForm programme={programme} onSaved={vi.fn()} onReload={onReload} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    const reload = await screen.findByRole('button', { name: 'Nieuwste versie laden' });
    expect(screen.getByRole('status').textContent).toContain(
      'Iemand anders heeft dit intussen gewijzigd',
    );
    fireEvent.click(reload);
    expect(onReload).toHaveBeenCalled();
  });

  it('shows a server error about a group code at that group', async () => {
    stubFetch(() => ({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Niet alle velden zijn goed ingevuld.',
          details: {
            fields: [
              { path: 'stakeholderGroups.1.code', message: 'Deze code komt twee keer voor' },
            ],
          },
        },
      },
    }));
    renderWithProviders(<ProgrammeForm programme={programme} onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    const second = screen.getByLabelText('Naam van groep 2');
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    const described = (second.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('Deze code komt twee keer voor');
  });
});
