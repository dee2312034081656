/** Where to go after signing in: only a path on this origin, so a link cannot send the athlete away. */
export function redirectTarget(requested: string | null | undefined): string {
  // "//host" and "/\host" are protocol-relative URLs to another site.
  if (!requested || !requested.startsWith('/') || /^\/[/\\]/.test(requested)) return '/';
  try {
    const url = new URL(requested, window.location.origin);
    if (url.origin !== window.location.origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
