// How long until a coach ask frees up, in the words the function's 429 and the SPA both use.

/** "45 min", "2 h", "3 h 5 min": rounded up, so the slot is free when the time is up. */
export function formatWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
