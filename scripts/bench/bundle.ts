// `npm run bench:bundle`: builds the SPA (Vite, production) and prints the gzipped bytes
// (zlib level 9, as a CDN would serve them) the sign-in screen loads, everything a signed-in
// athlete's dashboard needs on a cold load, and each lazy chunk, against issue 6's targets.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from 'vite';
import { buildSpa } from '../../e2e/support/build-spa.ts';
import { LOCAL_ANON_KEY } from '../../local-stack/keys.ts';

const SIGN_IN_ROUTE = 'src/features/auth/routes/sign-in-route.tsx';
const DASHBOARD_ROUTE = 'src/app/routes/dashboard-route.tsx';
const TARGETS = { signInJs: 125 * 1024, dashboardJs: 150 * 1024 };

// `--modules`: also list each loaded chunk's largest modules (rendered, before gzip).
const showModules = process.argv.includes('--modules');
const chunkModules = new Map<string, Record<string, { renderedLength: number }>>();

const outDir = mkdtempSync(join(tmpdir(), 'pullup-bench-bundle-'));
try {
  await buildSpa({
    outDir,
    supabaseUrl: 'http://127.0.0.1:54321',
    anonKey: LOCAL_ANON_KEY,
    manifest: true,
    inspectBundle: (bundle) => {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunkModules.set(output.fileName, output.modules);
      }
    },
  });
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;

  const sizes = new Map<string, { raw: number; gz: number }>();
  const size = (file: string) => {
    let entry = sizes.get(file);
    if (!entry) {
      const bytes = readFileSync(join(outDir, file));
      entry = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, entry);
    }
    return entry;
  };

  /** A manifest chunk and everything it imports statically: what loads before it runs. */
  function staticClosure(keys: string[]): { js: Set<string>; css: Set<string> } {
    const js = new Set<string>();
    const css = new Set<string>();
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) throw new Error(`${key} is not in the build manifest`);
      js.add(chunk.file);
      for (const file of chunk.css ?? []) css.add(file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return { js, css };
  }

  const total = (files: Set<string>) =>
    [...files].reduce(
      (sum, file) => ({ raw: sum.raw + size(file).raw, gz: sum.gz + size(file).gz }),
      {
        raw: 0,
        gz: 0,
      },
    );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const verdict = (bytes: number, target: number) =>
    `${bytes <= target ? 'met' : 'MISSED'} (target ≤ ${kb(target)} gz)`;

  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry chunk');

  console.log(`Bundle (gzip -9) — Vite production build\n`);
  const signIn = staticClosure([entryKey, SIGN_IN_ROUTE]);
  const signInJs = total(signIn.js);
  const signInCss = total(signIn.css);
  console.log(
    `Sign-in screen (entry + sign-in route + static imports): ${signIn.js.size} JS, ${signIn.css.size} CSS files`,
  );
  console.log(
    `  JS  ${kb(signInJs.gz)} gz (${kb(signInJs.raw)} raw) — ${verdict(signInJs.gz, TARGETS.signInJs)}`,
  );
  console.log(`  CSS ${kb(signInCss.gz)} gz (${kb(signInCss.raw)} raw)`);
  console.log(`  JS + CSS ${kb(signInJs.gz + signInCss.gz)} gz`);

  const dashboard = staticClosure([entryKey, DASHBOARD_ROUTE]);
  const dashboardJs = total(dashboard.js);
  const dashboardCss = total(dashboard.css);
  console.log(
    `\nDashboard, cold load (entry + dashboard route + static imports): ${dashboard.js.size} JS files`,
  );
  console.log(
    `  JS  ${kb(dashboardJs.gz)} gz (${kb(dashboardJs.raw)} raw) — ${verdict(dashboardJs.gz, TARGETS.dashboardJs)}`,
  );
  console.log(`  CSS ${kb(dashboardCss.gz)} gz (${kb(dashboardCss.raw)} raw)`);

  if (showModules) {
    console.log(
      '\nLargest modules of the dashboard cold load (rendered source bytes, before minification and gzip):',
    );
    const modules = [...dashboard.js].flatMap((file) =>
      Object.entries(chunkModules.get(file) ?? {}).map(([id, info]) => ({
        id,
        file,
        bytes: info.renderedLength,
      })),
    );
    const packageOf = (id: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? 'app';
    const byPackage = new Map<string, number>();
    for (const module of modules)
      byPackage.set(
        packageOf(module.id),
        (byPackage.get(packageOf(module.id)) ?? 0) + module.bytes,
      );
    for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`  ${name.padEnd(40)} ${kb(bytes).padStart(9)}`);
    }
  }

  const entry = staticClosure([entryKey]);
  console.log(
    `\nEntry (index.html's script + static imports): ${kb(total(entry.js).gz)} gz JS, ${kb(total(entry.css).gz)} gz CSS`,
  );

  console.log('\nLazy chunks (own file; + shared chunks it needs beyond the entry):');
  const rows = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key, chunk]) => {
      const closure = staticClosure([key]);
      const extra = [...closure.js].filter((file) => file !== chunk.file && !entry.js.has(file));
      const extraGz = extra.reduce((sum, file) => sum + size(file).gz, 0);
      return { key, own: size(chunk.file).gz, extraGz, extraCount: extra.length };
    })
    .sort((a, b) => b.own + b.extraGz - (a.own + a.extraGz));
  const width = Math.max(...rows.map((row) => row.key.length));
  for (const row of rows) {
    const extra = row.extraCount ? ` + ${kb(row.extraGz)} in ${row.extraCount} shared` : '';
    console.log(`  ${row.key.padEnd(width)}  ${kb(row.own).padStart(9)}${extra}`);
  }

  const shared = Object.entries(manifest).filter(
    ([key, chunk]) =>
      !chunk.isEntry && !chunk.isDynamicEntry && key.startsWith('_') && chunk.file.endsWith('.js'),
  );
  if (shared.length) {
    console.log('\nShared chunks:');
    for (const [key, chunk] of shared.sort((a, b) => size(b[1].file).gz - size(a[1].file).gz)) {
      console.log(`  ${(chunk.name ?? key).padEnd(width)}  ${kb(size(chunk.file).gz).padStart(9)}`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
