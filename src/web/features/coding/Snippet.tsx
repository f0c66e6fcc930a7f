// A search hit's snippet: the words found are marked (<mark>, which also carries the meaning to
// screen readers that announce it), the rest is plain text. Never inserted as HTML.
import type { SearchResult } from '../../../shared/contract/coding';

export type SnippetPart = SearchResult['items'][number]['snippet'][number];

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <p className="kl-cd-snippet">
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="kl-cd-snippet__match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
