// Moves the focus to an element once the page shows it: a request made together with the state
// change that brings the element (back) into the page is carried out after that render.
import { useEffect, useState } from 'react';

export function useFocusAfterRender(): (elementId: string) => void {
  const [request, setRequest] = useState<{ elementId: string } | null>(null);
  useEffect(() => {
    if (request) document.getElementById(request.elementId)?.focus();
  }, [request]);
  return (elementId) => setRequest({ elementId });
}
