// GET /functions/v1/admin-metrics: the product's success metrics against their targets,
// for admins (app_metadata.role = 'admin', settable only through the auth admin API).
import {
  depsFromEnv,
  requireCaller,
  unwrap,
  type FunctionDeps,
} from '../_shared/server/function-deps.ts';
import { HttpError, json, requireMethod, serveJson } from '../_shared/server/http.ts';

export const TARGETS = { activation_rate: 70, ai_adoption_rate: 60 } as const;

export function adminMetrics(req: Request, deps: FunctionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'GET');
    const caller = await requireCaller(req, deps);
    if (caller.appMetadata.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Only admins can see the metrics.');
    }
    const metrics = unwrap(await deps.admin.rpc('admin_metrics')) as Record<string, unknown>;
    const targets = Object.fromEntries(
      Object.entries(TARGETS).map(([name, target]) => {
        const value = metrics[name];
        return [name, { target, value, met: typeof value === 'number' && value >= target }];
      }),
    );
    return json(200, { ...metrics, targets }, { 'Cache-Control': 'no-store' });
  });
}

export const handler = (req: Request) =>
  adminMetrics(
    req,
    depsFromEnv(() => Deno.env.toObject()),
  );
