// @vitest-environment happy-dom
// The review by experts by experience: the conversation says which version each verdict was
// about; the form asks for a verdict and, when changes are asked for, what should change
// (nothing is sent without it), then sends the verdict on the version being read.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptionOf, renderWithProviders, stubFetch } from '../../testing/render';
import { ReviewSection } from './ReviewSection';
import { recommendation } from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReviewSection', () => {
  it('shows the conversation with the version each verdict was about', () => {
    renderWithProviders(<ReviewSection recommendation={recommendation()} onSaved={() => {}} />);
    const conversation = screen.getAllByRole('list')[0]!;
    const [entry] = within(conversation).getAllByRole('listitem');
    expect(entry!.textContent).toContain('Eva Ervaring (fictief)');
    expect(entry!.textContent).toContain('over een eerdere versie (1)');
    expect(entry!.textContent).toContain('Aanpassing gevraagd');
    expect(entry!.textContent).toContain('Schrijf het eenvoudiger');
  });

  it('asks what should change before sending a request for changes, then sends it on this version', async () => {
    const stub = stubFetch(() => ({
      status: 201,
      body: recommendation({ reviewState: 'changes_requested' }),
    }));
    const onSaved = vi.fn();
    renderWithProviders(<ReviewSection recommendation={recommendation()} onSaved={onSaved} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Er moet iets anders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oordeel versturen' }));
    const comment = await screen.findByRole('textbox', { name: /Jouw reactie/ });
    expect(descriptionOf(comment)).toContain('Schrijf op wat er anders moet.');
    expect(stub.calls).toHaveLength(0);
    fireEvent.change(comment, { target: { value: 'Gebruik kortere zinnen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Oordeel versturen' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]).toMatchObject({
      method: 'POST',
      url: expect.stringContaining('/reviews'),
      body: { verdict: 'request_changes', comment: 'Gebruik kortere zinnen', version: 2 },
    });
  });

  it('lets a researcher reply, and offers no verdict', async () => {
    const stub = stubFetch(() => ({ status: 201, body: recommendation() }));
    renderWithProviders(
      <ReviewSection
        recommendation={recommendation({
          abilities: {
            edit: true,
            move: true,
            link: true,
            review: false,
            verdict: false,
            reply: true,
          },
        })}
        onSaved={() => {}}
      />,
    );
    expect(screen.queryByRole('radio')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Jouw reactie/ }), {
      target: { value: 'Aangepast' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reactie plaatsen' }));
    await waitFor(() => expect(stub.calls).toHaveLength(1));
    expect(stub.calls[0]).toMatchObject({
      url: expect.stringContaining('/comments'),
      body: { comment: 'Aangepast' },
    });
  });
});
