// GET /functions/v1/export-sessions?format=json|csv: the caller's sessions, newest first,
// in the seed's export format, as a file download.
import {
  exportCsv,
  exportFileName,
  exportJson,
  type ExportSessionRow,
} from '../_shared/export-format.ts';
import {
  depsFromEnv,
  requireCaller,
  unwrap,
  type FunctionDeps,
} from '../_shared/server/function-deps.ts';
import { HttpError, requireMethod, serveJson } from '../_shared/server/http.ts';

export function exportSessions(req: Request, deps: FunctionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'GET');
    const caller = await requireCaller(req, deps);
    const format = new URL(req.url).searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw new HttpError(400, 'invalid_format', 'format must be json or csv.');
    }
    // One call, as the caller: RLS applies (export_my_sessions is security invoker).
    const rows = unwrap(
      await deps.userClient(caller.token).rpc('export_my_sessions'),
    ) as unknown as ExportSessionRow[];
    const now = deps.now();
    const body =
      format === 'csv'
        ? exportCsv(rows)
        : JSON.stringify(exportJson(caller.id, rows, now), null, 2);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type':
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(format, now)}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}

export const handler = (req: Request) =>
  exportSessions(
    req,
    depsFromEnv(() => Deno.env.toObject()),
  );
