// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints a made-up file at `filePath` as if it were in the tree, with the project's config.
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === 'import-x/no-restricted-paths')
    .map((message) => message.message);
}

const otherFeature = "export { useDeleteSession } from '@/features/sessions/api/delete-session';\n";
const serverOnly = "export { HttpError } from '@shared/server/http.ts';\n";

describe('import boundaries (eslint.config.js)', () => {
  it.each([
    [
      'a feature importing another feature',
      'src/features/workout/components/probe.ts',
      otherFeature,
      'Features never import each other',
    ],
    [
      'shared code importing a feature',
      'src/lib/probe.ts',
      otherFeature,
      'imported in restricted zone',
    ],
    [
      'the SPA importing server-only _shared code',
      'src/lib/probe.ts',
      serverOnly,
      'never ships to the SPA',
    ],
    [
      '_shared domain code importing _shared/server',
      'supabase/functions/_shared/probe.ts',
      "export { HttpError } from './server/http.ts';\n",
      'must not depend on _shared/server',
    ],
  ])('refuses %s', async (_case, filePath, code, message) => {
    expect(await restrictedImports(filePath, code)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    [
      'a feature importing its own files and shared code',
      'src/features/sessions/components/probe.ts',
      "export { useDeleteSession } from '../api/delete-session';\nexport { paths } from '@/lib/paths';\n",
    ],
    ['src/app composing features', 'src/app/routes/probe.ts', otherFeature],
  ])('allows %s', async (_case, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
