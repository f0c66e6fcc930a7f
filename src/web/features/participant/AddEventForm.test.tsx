// @vitest-environment happy-dom
// "Iets toevoegen": the answer to "Wanneer was het?" is sent as the right fuzzy date (an age,
// a month, a year), with how it felt; what is missing is said before anything is sent.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { AddEventForm } from './AddEventForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const caseId = '00000000-0000-4000-8000-0000000000c1';
const youthId = '00000000-0000-4000-8000-0000000000a1';

function setUp(isParent = false) {
  const onDone = vi.fn();
  const { calls } = stubFetch(() => ({ status: 201, body: {} }));
  renderWithProviders(
    <AddEventForm caseId={caseId} participantId={youthId} isParent={isParent} onDone={onDone} />,
  );
  return { calls, onDone };
}

describe('AddEventForm', () => {
  it('sends an age as the date, with the feeling and the lane', async () => {
    const { calls } = setUp();
    fireEvent.change(screen.getByLabelText('Wat gebeurde er?'), {
      target: { value: 'Naar een nieuwe school' },
    });
    fireEvent.change(screen.getByLabelText('Waar gaat het over?'), { target: { value: 'school' } });
    fireEvent.click(screen.getByLabelText('Ik weet hoe oud ik was'));
    fireEvent.change(screen.getByLabelText('Toen ik … jaar was'), { target: { value: '8' } });
    fireEvent.click(screen.getByLabelText('naar'));
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `/api/cases/${caseId}/timeline/items`,
      body: {
        kind: 'event',
        lane: 'school',
        title: 'Naar een nieuwe school',
        start: { precision: 'age', age: 8 },
        end: null,
        valence: 'negative',
        source: 'youth',
        sourceParticipantId: youthId,
      },
    });
  });

  it('sends a month and a year', async () => {
    const { calls } = setUp();
    fireEvent.change(screen.getByLabelText('Wat gebeurde er?'), {
      target: { value: 'Verhuisd' },
    });
    fireEvent.click(screen.getByLabelText('Ik weet de maand'));
    fireEvent.change(screen.getByLabelText('Maand'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Jaar'), { target: { value: '2019' } });
    fireEvent.click(screen.getByLabelText('fijn'));
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({
      start: { precision: 'month', year: 2019, month: 3 },
      valence: 'positive',
      lane: 'family',
    });
  });

  it('says what is missing and sends nothing', () => {
    const { calls } = setUp();
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(screen.getByText('Schrijf op wat er gebeurde.')).toBeTruthy();
    expect(screen.getByText('Vul in wanneer het was.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Wat gebeurde er?'));
    expect(calls).toHaveLength(0);
  });

  it('asks a parent how old their child was', async () => {
    const { calls } = setUp(true);
    fireEvent.change(screen.getByLabelText('Wat gebeurde er?'), { target: { value: 'Ziek' } });
    fireEvent.click(screen.getByLabelText('Ik weet hoe oud mijn kind was'));
    fireEvent.change(screen.getByLabelText('Toen mijn kind … jaar was'), {
      target: { value: '5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ start: { precision: 'age', age: 5 }, source: 'parent' });
  });
});
