// The page to return to after login, taken from ?next=. Only paths inside this app are
// accepted, so a crafted link cannot send someone to another site after they log in.
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/setup')) return '/';
  return next;
}

export function loginPathFor(pathname: string, search: string): string {
  const here = `${pathname}${search}`;
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
