// Number formatting for the metrics: missing values read as a dash, not as zero.
export function formatPercent(value: number | null | undefined): string {
  return typeof value === 'number' ? `${value.toLocaleString('en')} %` : '—';
}

export function formatNumber(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toLocaleString('en') : '—';
}

/** `session_created` → `session created`: event types readable by people and screen readers. */
export function humanize(name: string): string {
  return name.replace(/_/g, ' ');
}
