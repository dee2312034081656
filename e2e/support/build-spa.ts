// Builds the SPA with Vite's JavaScript API, as `vite build` would, against a given backend.
// Shared by the e2e runner and the bundle benchmark.
import { join } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { projectRoot } from '../../local-stack/database.ts';

export interface BuildSpaOptions {
  outDir: string;
  supabaseUrl: string;
  anonKey: string;
  manifest?: boolean;
  /** Sees the output chunks (with their modules' rendered sizes) before they are written. */
  inspectBundle?: (bundle: Rollup.OutputBundle) => void;
}

function inspectPlugin(inspect: (bundle: Rollup.OutputBundle) => void): Plugin {
  return {
    name: 'inspect-bundle',
    apply: 'build',
    generateBundle(_options, bundle) {
      inspect(bundle);
    },
  };
}

export async function buildSpa(options: BuildSpaOptions): Promise<void> {
  // Vite reads VITE_* from process.env before any .env file.
  process.env.VITE_SUPABASE_URL = options.supabaseUrl;
  process.env.VITE_SUPABASE_ANON_KEY = options.anonKey;
  await build({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    plugins: options.inspectBundle ? [inspectPlugin(options.inspectBundle)] : [],
    build: { outDir: options.outDir, emptyOutDir: true, manifest: options.manifest ?? false },
  });
}
