// The flat subset of supabase/config.toml the local stack reads: `key = value` lines (numbers,
// booleans, strings) under their [section] headers. Enough for [auth.rate_limit], [auth.email]
// and [functions.<name>]; not a TOML parser.
import { existsSync, readFileSync } from 'node:fs';

/** Section name ('auth.email', 'functions."my-fn"' unquoted) → key → raw value. */
export function readConfigSections(configPath: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  if (!existsSync(configPath)) return sections;
  let current: Map<string, string> | undefined;
  for (const line of readFileSync(configPath, 'utf8').split('\n')) {
    const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(line);
    if (header) {
      const name = (header[1] ?? '').trim().replace(/"/g, '');
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const setting = /^\s*([A-Za-z0-9_]+)\s*=\s*("([^"]*)"|[^#\s]+)/.exec(line);
    if (current && setting?.[1]) current.set(setting[1], setting[3] ?? setting[2] ?? '');
  }
  return sections;
}
