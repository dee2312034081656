// Small helpers of the benchmark: percentiles, a seeded random source, the indexes a JSON
// plan uses, and a plain-text table.

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

/** mulberry32: a tiny seeded PRNG, so every run draws the same users and filters. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlanAccess {
  /** Index names in plan order, e.g. ['idx_sessions_user_date']. */
  indexes: string[];
  /** A short description, e.g. 'idx_sessions_user_date (index scan)' or 'seq scan generations'. */
  summary: string;
}

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const scanKinds: Record<string, string> = {
  'Index Scan': 'index scan',
  'Index Only Scan': 'index-only scan',
  'Bitmap Index Scan': 'bitmap scan',
};

/** Walks an `explain (format json)` result and lists the indexes and table scans it uses. */
export function planAccess(explainJson: unknown): PlanAccess {
  const indexes: string[] = [];
  const parts: string[] = [];
  const visit = (node: PlanNode) => {
    const type = node['Node Type'] ?? '';
    if (node['Index Name']) {
      indexes.push(node['Index Name']);
      parts.push(`${node['Index Name']} (${scanKinds[type] ?? type.toLowerCase()})`);
    } else if (type === 'Seq Scan') {
      parts.push(`seq scan ${node['Relation Name'] ?? ''}`.trim());
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  const roots = Array.isArray(explainJson) ? explainJson : [explainJson];
  for (const root of roots as { Plan?: PlanNode }[]) if (root.Plan) visit(root.Plan);
  return { indexes, summary: [...new Set(parts)].join(', ') || '(no table access)' };
}

/** A left-aligned text table; numbers are right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = header.map((_, i) => rows.every((row) => /^[\d.,–-]*$/.test(row[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
