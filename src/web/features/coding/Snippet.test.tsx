// @vitest-environment happy-dom
// A search hit's snippet: the words found are <mark>ed, everything else is plain text, and
// nothing in the text is read as HTML.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Snippet } from './Snippet';

afterEach(cleanup);

describe('a search snippet', () => {
  it('marks the words found and keeps the rest as text', () => {
    const { container } = render(
      <Snippet
        parts={[
          { text: 'Jongere: De ', match: false },
          { text: 'gesprekken', match: true },
          { text: ' met mijn moeder … het ', match: false },
          { text: 'gesprek', match: true },
          { text: ' <b>daarna</b>', match: false },
        ]}
      />,
    );
    const paragraph = container.querySelector('p')!;
    expect([...paragraph.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'gesprekken',
      'gesprek',
    ]);
    expect(paragraph.textContent).toBe(
      'Jongere: De gesprekken met mijn moeder … het gesprek <b>daarna</b>',
    );
    expect(paragraph.querySelector('b')).toBeNull();
  });
});
