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

describe('import boundaries (eslint.config.js)', () => {
  it('refuses a feature importing another feature', async () => {
    const messages = await restrictedImports(
      'src/features/workout/components/probe.ts',
      "export { useDeleteSession } from '@/features/sessions/api/delete-session';\n",
    );
    expect(messages).toEqual([expect.stringContaining('Features never import each other')]);
  });

  it('lets a feature import its own files and shared code', async () => {
    const messages = await restrictedImports(
      'src/features/sessions/components/probe.ts',
      "export { useDeleteSession } from '../api/delete-session';\nexport { paths } from '@/lib/paths';\n",
    );
    expect(messages).toEqual([]);
  });

  it('lets src/app compose features', async () => {
    const messages = await restrictedImports(
      'src/app/routes/probe.ts',
      "export { useDeleteSession } from '@/features/sessions/api/delete-session';\n",
    );
    expect(messages).toEqual([]);
  });

  it('refuses shared code importing a feature', async () => {
    const messages = await restrictedImports(
      'src/lib/probe.ts',
      "export { useDeleteSession } from '@/features/sessions/api/delete-session';\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('refuses the SPA importing server-only _shared code', async () => {
    const messages = await restrictedImports(
      'src/lib/probe.ts',
      "export { HttpError } from '@shared/server/http.ts';\n",
    );
    expect(messages).toEqual([expect.stringContaining('never ships to the SPA')]);
  });

  it('refuses _shared domain code importing _shared/server', async () => {
    const messages = await restrictedImports(
      'supabase/functions/_shared/probe.ts',
      "export { HttpError } from './server/http.ts';\n",
    );
    expect(messages).toEqual([expect.stringContaining('must not depend on _shared/server')]);
  });
});
