// POST /functions/v1/delete-account {"confirm": "DELETE"}: deletes the caller's auth user
// with the service role; every row of theirs goes with it by cascade (US-007).
import { z } from 'zod/mini';
import {
  depsFromEnv,
  isOutage,
  requireCaller,
  serviceUnavailable,
  type FunctionDeps,
} from '../_shared/server/function-deps.ts';
import { json, readJsonBody, requireMethod, serveJson, validate } from '../_shared/server/http.ts';

const deleteAccountSchema = z.strictObject({
  confirm: z.literal('DELETE', 'Type DELETE to confirm that your account and all your data go.'),
});

export function deleteAccount(req: Request, deps: FunctionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'POST');
    const caller = await requireCaller(req, deps);
    validate(deleteAccountSchema, await readJsonBody(req, 1024), 'confirmation_required');
    const { error } = await deps.admin.auth.admin.deleteUser(caller.id);
    if (error) {
      if (isOutage(error.status)) throw serviceUnavailable();
      throw new Error(`Deleting user ${caller.id} failed: ${error.message}`);
    }
    return json(204, null);
  });
}

export const handler = (req: Request) =>
  deleteAccount(
    req,
    depsFromEnv(() => Deno.env.toObject()),
  );
