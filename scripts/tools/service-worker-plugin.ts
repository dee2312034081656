// Writes dist/sw.js at build time: src/service-worker/sw.ts bundled (a nested Vite build,
// one IIFE, no module worker needed) with this build's file list and a content hash as cache
// version. Build only: the dev server and Vitest never see a service worker.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, loadEnv, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

const SW_ENTRY = fileURLToPath(new URL('../../src/service-worker/sw.ts', import.meta.url));
const SW_FILE = 'sw.js';

function publicFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

/** What the shell needs offline: the build's JS, CSS, HTML and icons, not maps or manifests. */
export function isPrecached(fileName: string): boolean {
  return !fileName.startsWith('.vite/') && !/\.map$/.test(fileName) && fileName !== SW_FILE;
}

export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'pullup-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle: Rollup.OutputBundle) {
        const hash = createHash('sha256');
        const files: string[] = [];
        for (const output of Object.values(bundle)) {
          if (!isPrecached(output.fileName)) continue;
          files.push(output.fileName);
          hash.update(output.fileName);
          hash.update(output.type === 'chunk' ? output.code : output.source);
        }
        if (config.publicDir) {
          for (const file of publicFiles(config.publicDir)) {
            if (!isPrecached(file)) continue;
            files.push(file);
            hash.update(file);
            hash.update(readFileSync(join(config.publicDir, file)));
          }
        }
        files.sort();
        const version = hash.digest('hex').slice(0, 16);
        const env = {
          ...loadEnv(config.mode, config.envDir || config.root, 'VITE_'),
          ...process.env,
        };
        const apiOrigin = new URL(String(env.VITE_SUPABASE_URL ?? 'http://invalid')).origin;
        const result = await build({
          configFile: false,
          root: config.root,
          logLevel: 'warn',
          publicDir: false,
          define: {
            __SW_PRECACHE__: JSON.stringify(files.map((file) => `/${file}`)),
            __SW_VERSION__: JSON.stringify(version),
            __SW_API_ORIGIN__: JSON.stringify(apiOrigin),
          },
          build: {
            write: false,
            emptyOutDir: false,
            minify: true,
            target: 'es2020',
            lib: { entry: SW_ENTRY, formats: ['iife'], name: 'pullUpServiceWorker' },
          },
        });
        const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
        const chunk = outputs.flatMap((out) => out.output).find((out) => out.type === 'chunk');
        if (!chunk || chunk.type !== 'chunk') throw new Error('the service worker did not build');
        this.emitFile({ type: 'asset', fileName: SW_FILE, source: chunk.code });
      },
    },
  };
}
