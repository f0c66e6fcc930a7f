// The page's one h1. It also sets the document title, and can take focus after navigation
// (tabIndex -1) so screen-reader users hear where they arrived.
import { useEffect } from 'react';
import { Heading } from '@nl-design-system-candidate/heading-react';

export function PageHeading({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Ketenlens`;
  }, [children]);
  return (
    <Heading level={1} tabIndex={-1} className="kl-page-heading">
      {children}
    </Heading>
  );
}
