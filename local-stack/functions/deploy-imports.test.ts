// Locally the functions resolve bare imports from node_modules (package-lock.json's versions);
// `supabase functions deploy` bundles each function from its own deno.json's import map. These
// must name the same packages at the same versions, or what is tested is not what is deployed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../database.ts';

const functionsDir = join(projectRoot, 'supabase/functions');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const lock = readJson(join(projectRoot, 'package-lock.json')) as {
  packages: Record<string, { version: string }>;
};
const manifest = readJson(join(projectRoot, 'package.json')) as {
  dependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Bare specifiers the functions' code imports ('zod/mini', '@supabase/supabase-js'). */
function bareImports(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(functionsDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '([^'.][^']*)'/g)) {
      const specifier = match[1]!;
      if (!specifier.startsWith('node:') && !specifier.startsWith('npm:')) found.add(specifier);
    }
  }
  return found;
}

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const functionNames = readdirSync(functionsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name);

describe('each function deno.json (what deploy bundles)', () => {
  it.each(functionNames)('%s maps every bare import to the installed version', (name) => {
    const { imports } = readJson(join(functionsDir, name, 'deno.json')) as {
      imports: Record<string, string>;
    };
    for (const specifier of bareImports()) {
      const pkg = packageOf(specifier);
      const installed = lock.packages[`node_modules/${pkg}`]?.version;
      expect(manifest.dependencies[pkg], `${pkg} is a runtime dependency`).toBe(installed);
      const subpath = specifier.slice(pkg.length);
      expect(imports[specifier], `${name}: ${specifier}`).toBe(`npm:${pkg}@${installed}${subpath}`);
    }
  });
});
