// @vitest-environment happy-dom
// The codebook page against a stubbed server: the tree built from the flat list (sort order,
// then Dutch order; archived codes only on request, a merged one saying where it went), a branch
// closed and opened with its button, a chosen code shown beside the tree; a sub-code refused for
// its name at the field and then added; a change that meets a newer version (both versions,
// then a save on top of the current one); a merge with its consequence in words; and an import
// whose report is shown, and a refused file whose place in the file is named.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Code, Codebook } from '../../../shared/contract/coding';
import {
  descriptionOf,
  renderWithProviders,
  stubFetch,
  testSession,
  type FetchCall,
} from '../../testing/render';
import { CodebookPage } from './CodebookPage';
import {
  code,
  codebook,
  codebookPath,
  ids,
  ijzer,
  importReport,
  notFound,
  reads,
  samenwerking,
} from './test-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status?: number; body?: unknown };

function server(
  current: () => Codebook = () => codebook(),
  other: (call: FetchCall) => Answer | undefined = () => undefined,
) {
  const read = reads(current);
  return stubFetch((call) => other(call) ?? read(call) ?? notFound);
}

function renderPage(query = '') {
  return renderWithProviders(<CodebookPage />, {
    route: `/programmes/${ids.programme}/codebook${query}`,
    path: '/programmes/:id/codebook',
    session: testSession(['codebook.read', 'codebook.manage', 'qda.exchange']),
  });
}

const tree = () => screen.getByRole('list', { name: 'Codes van het codeboek' });
const codeButtons = () =>
  within(tree())
    .getAllByRole('button')
    .filter((b) => b.classList.contains('kl-cd-tree__select'))
    .map((b) => b.textContent?.trim());

async function choose(name: string) {
  fireEvent.click(within(tree()).getByRole('button', { name: new RegExp(`^${name}`) }));
  return screen.findByRole('heading', { level: 2, name });
}

describe('the codebook page', () => {
  it('shows the tree from the flat list, opens and closes a branch, and shows the chosen code', async () => {
    server();
    renderPage();
    await screen.findByRole('heading', {
      level: 1,
      name: 'Codeboek van Actieleren Gooi en Vechtstreek 2026',
    });
    // Same sort order: IJ counts as i+j, before S. The archived code is not shown.
    expect(codeButtons()).toEqual(['IJzeren regels', 'Samenwerking', 'Overdracht']);
    expect(screen.getByText('3 codes in gebruik · 1 gearchiveerd')).toBeTruthy();

    const toggle = within(tree()).getByRole('button', { name: '1 subcode van Samenwerking' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(codeButtons()).toEqual(['IJzeren regels', 'Samenwerking']);
    fireEvent.click(toggle);
    expect(codeButtons()).toContain('Overdracht');

    await choose('Samenwerking');
    const chosen = within(tree()).getByRole('button', { name: /^Samenwerking/ });
    expect(chosen.getAttribute('aria-current')).toBe('true');
    expect(chosen.textContent).toContain('(gekozen)');
    const detail = screen.getByRole('region', { name: 'Samenwerking' });
    expect(within(detail).getByText('Hoofdcode')).toBeTruthy();
    expect(within(detail).getByText('#2e7d32')).toBeTruthy();
    expect(within(detail).getByText('Overdracht')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Gearchiveerde codes tonen' }));
    await waitFor(() => expect(codeButtons()).toEqual(expect.arrayContaining(['Afstemming'])));
    expect(within(tree()).getByText('Samengevoegd met Samenwerking')).toBeTruthy();
  });

  it('refuses a sub-code whose name is taken, then adds it under a code without sub-codes and shows it', async () => {
    const added = code({
      id: '00000000-0000-4000-8000-0000000003a9',
      name: 'Doorverwijzing',
      parentId: ids.ijzer,
      color: ijzer.color,
      sortOrder: 9,
    });
    let codes: Code[] = codebook().codes;
    const { calls } = server(
      () => codebook({ codes }),
      (call) => {
        if (call.method !== 'POST') return undefined;
        const body = call.body as { name: string };
        if (body.name === 'Regels')
          return {
            status: 400,
            body: {
              error: {
                code: 'INVALID_INPUT',
                message: 'Niet alle velden zijn goed ingevuld.',
                details: {
                  fields: [
                    { path: 'name', message: 'Er staat al een code "Regels" op deze plek.' },
                  ],
                },
              },
            },
          };
        // The codebook read after the change has it; the answer comes first.
        codes = [...codes, added];
        return { status: 201, body: added };
      },
    );
    renderPage(`?code=${ids.ijzer}`);
    const detail = await screen.findByRole('region', { name: 'IJzeren regels' });
    expect(within(tree()).queryByRole('button', { name: /subcode van IJzeren regels/ })).toBeNull();
    fireEvent.click(within(detail).getByRole('button', { name: 'Subcode toevoegen' }));
    const form = screen.getByRole('form', { name: 'Nieuwe subcode van IJzeren regels' });
    const name = within(form).getByLabelText('Naam');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect((within(form).getByLabelText(/^Valt onder/) as HTMLSelectElement).value).toBe(ids.ijzer);

    fireEvent.change(name, { target: { value: 'Regels' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Code toevoegen' }));
    const refusal = 'Er staat al een code "Regels" op deze plek.';
    await waitFor(() => expect(descriptionOf(name)).toContain(refusal));
    expect(within(form).getByRole('link', { name: refusal }).getAttribute('href')).toBe(
      `#${name.id}`,
    );

    fireEvent.change(name, { target: { value: 'Doorverwijzing' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Code toevoegen' }));
    await screen.findByRole('heading', { level: 2, name: 'Doorverwijzing' });
    // The message outlives the panel of the code it was said in.
    expect(screen.getByText('Doorverwijzing is toegevoegd.').getAttribute('role')).toBe('status');
    // IJzeren regels is a branch now, open, with the new code chosen in it.
    const toggle = within(tree()).getByRole('button', { name: '1 subcode van IJzeren regels' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(tree())
        .getByRole('button', { name: /^Doorverwijzing/ })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      name: 'Doorverwijzing',
      parentId: ids.ijzer,
      definition: '',
      inclusion: '',
      exclusion: '',
      color: '#b71c1c',
    });
    expect(calls.find((c) => c.method === 'POST')?.headers['x-csrf-token']).toBe('csrf');
  });

  it('shows both versions when someone else changed the code, and saves on top of the current one', async () => {
    const current = { ...samenwerking, definition: 'Samenwerken in de keten.', version: 2 };
    const { calls } = server(undefined, (call) => {
      if (call.method !== 'PUT') return undefined;
      const body = call.body as { version: number };
      if (body.version === 1)
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Iemand anders heeft deze code intussen gewijzigd.',
              details: { current, yours: body },
            },
          },
        };
      return { body: { ...current, ...(call.body as object), version: 3 } };
    });
    renderPage(`?code=${ids.samenwerking}`);
    const detail = await screen.findByRole('region', { name: 'Samenwerking' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Wijzigen of verplaatsen' }));
    const form = screen.getByRole('form', { name: 'Samenwerking wijzigen' });
    fireEvent.change(within(form).getByLabelText(/^Definitie/), {
      target: { value: 'Hoe professionals samenwerken.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Code opslaan' }));

    const conflict = await screen.findByRole('region', {
      name: 'Iemand anders heeft deze code intussen gewijzigd',
    });
    const field = within(conflict).getByRole('group', { name: 'Definitie' });
    const yours = within(field).getByRole('radio', {
      name: 'Jouw versie: Hoe professionals samenwerken.',
    }) as HTMLInputElement;
    expect(yours.checked).toBe(true);
    fireEvent.click(
      within(field).getByRole('radio', { name: 'Huidige versie: Samenwerken in de keten.' }),
    );
    // Only the field that differs is asked about.
    expect(within(conflict).getAllByRole('group')).toHaveLength(1);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Opslaan met deze keuzes' }));
    await screen.findByText('Samenwerking is opgeslagen.');
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toMatchObject({
      definition: 'Samenwerken in de keten.',
      version: 2,
    });
  });

  it('merges a code after saying what happens to its fragments', async () => {
    const { calls } = server(undefined, (call) =>
      call.url.endsWith('/merge')
        ? {
            body: {
              ...codebook({
                codes: [
                  samenwerking,
                  { ...ijzer, archived: true, mergedInto: ids.samenwerking, version: 2 },
                ],
              }),
              moved: 3,
              dropped: 1,
            },
          }
        : undefined,
    );
    renderPage(`?code=${ids.ijzer}`);
    const detail = await screen.findByRole('region', { name: 'IJzeren regels' });
    fireEvent.click(
      within(detail).getByRole('button', { name: 'Samenvoegen met een andere code' }),
    );
    const panel = screen.getByRole('region', { name: 'IJzeren regels samenvoegen' });
    const into = within(panel).getByLabelText('Samenvoegen met') as HTMLSelectElement;
    expect([...into.options].map((o) => o.textContent?.trim())).toEqual([
      'Kies een code',
      'Samenwerking',
      'Overdracht',
    ]);
    fireEvent.change(into, { target: { value: ids.samenwerking } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Samenvoegen' }));
    const question = within(panel).getByRole('group', {
      name: 'IJzeren regels samenvoegen met Samenwerking?',
    });
    expect(question.textContent).toContain(
      'De fragmenten van IJzeren regels gaan naar Samenwerking; IJzeren regels wordt gearchiveerd.',
    );
    fireEvent.click(
      within(question).getByRole('button', { name: 'Ja, voeg samen met Samenwerking' }),
    );
    await screen.findByText(
      'IJzeren regels is samengevoegd met Samenwerking: 3 fragmenten zijn verplaatst. 1 fragment stond al bij de andere code en is niet dubbel opgenomen.',
    );
    expect(calls.find((c) => c.url.endsWith('/merge'))?.body).toEqual({
      intoCodeId: ids.samenwerking,
      version: 1,
    });
    await screen.findByRole('heading', { level: 2, name: 'Samenwerking' });
  });

  it('imports a project and reports it; a refused file is named with its place in the file', async () => {
    let refuse = false;
    const { calls } = server(undefined, (call) => {
      if (call.url !== `/api/programmes/${ids.programme}/import`) return undefined;
      return refuse
        ? {
            status: 400,
            body: {
              error: {
                code: 'INVALID_INPUT',
                message:
                  'De tekst van bron "Interview 2" ontbreekt in het bestand. (project.qde regel 12, Sources/TextSource[2])',
                details: {
                  reason: 'MISSING_SOURCE',
                  where: 'project.qde regel 12, Sources/TextSource[2]',
                },
              },
            },
          }
        : { status: 201, body: importReport };
    });
    renderPage();
    await screen.findByRole('heading', { level: 2, name: "Uitwisselen met andere programma's" });
    const form = screen.getByRole('form', { name: 'Project importeren (.qdpx)' });
    const input = within(form).getByLabelText('Projectbestand');
    const choose = (name: string) => {
      Object.defineProperty(input, 'files', {
        value: [new File(['PK'], name, { type: 'application/zip' })],
        configurable: true,
      });
      fireEvent.change(input);
    };

    choose('notities.txt');
    fireEvent.click(within(form).getByRole('button', { name: 'Project importeren' }));
    await waitFor(() =>
      expect(descriptionOf(input)).toContain('notities.txt is geen .qdpx-bestand.'),
    );

    choose('project.qdpx');
    fireEvent.click(within(form).getByRole('button', { name: 'Project importeren' }));
    await screen.findByRole('heading', { name: 'Ingelezen uit project.qdpx' });
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['content-type']).toBe('application/zip');
    expect(post?.headers['x-csrf-token']).toBe('csrf');

    refuse = true;
    choose('project.qdpx');
    fireEvent.click(within(form).getByRole('button', { name: 'Project importeren' }));
    await waitFor(() =>
      expect(descriptionOf(input)).toContain(
        'De tekst van bron "Interview 2" ontbreekt in het bestand.',
      ),
    );
    // The place is said once, labelled.
    expect(descriptionOf(input).match(/Sources\/TextSource\[2\]/g)).toHaveLength(1);
    expect(descriptionOf(input)).toContain(
      'Plaats in het bestand: project.qde regel 12, Sources/TextSource[2]',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.url === codebookPath).length).toBeGreaterThan(1);
  });
});
