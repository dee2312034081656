import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One zone per feature folder, read from the tree so a new feature is fenced off at once.
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features never import each other: compose them in src/app.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'node_modules',
      '.local-stack',
      'supabase/.temp',
      'supabase/functions/_shared/database.types.ts',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // Code flows one way: shared (lib, components, _shared) -> features -> app.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            { target: './src/lib', from: './src/features' },
            { target: './src/components', from: './src/features' },
            { target: './src/lib', from: './src/app' },
            { target: './src/components', from: './src/app' },
            { target: './src/features', from: './src/app' },
            {
              target: './src',
              from: './supabase/functions/_shared/server',
              message: 'Server-only code (service-role clients, AI keys) never ships to the SPA.',
            },
          ],
        },
      ],
    },
  },
  {
    // Deno code: checked by `deno check`, not by the browser/node rules.
    files: ['supabase/functions/**/*.ts'],
    languageOptions: { globals: { Deno: 'readonly' } },
  },
  {
    // What the SPA may import from _shared stays free of server-only code.
    files: ['supabase/functions/_shared/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './supabase/functions/_shared/*.ts',
              from: './supabase/functions/_shared/server',
              message: '_shared code the SPA imports must not depend on _shared/server.',
            },
          ],
        },
      ],
    },
  },
);
