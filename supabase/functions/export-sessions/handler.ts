// GET /functions/v1/export-sessions?format=json|csv: the caller's sessions, newest first,
// in the seed's export format, as a file download. Read as the caller, so RLS applies.
import {
  exportCsv,
  exportFileName,
  exportJson,
  type ExportSessionRow,
} from '../_shared/export-format.ts';
import { depsFromEnv, requireCaller, unwrap, type FunctionDeps } from '../_shared/function-deps.ts';
import { HttpError, requireMethod, serveJson } from '../_shared/http.ts';

// PostgREST returns at most max_rows (1000 on Supabase) per request: read in pages.
const PAGE_SIZE = 1000;
const COLUMNS =
  'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe, is_ai_generated, is_modified, ai_comment, created_at, updated_at';

export function exportSessions(req: Request, deps: FunctionDeps): Promise<Response> {
  return serveJson(req, deps, async () => {
    requireMethod(req, 'GET');
    const caller = await requireCaller(req, deps);
    const format = new URL(req.url).searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw new HttpError(400, 'invalid_format', 'format must be json or csv.');
    }
    const client = deps.userClient(caller.token);
    const rows: ExportSessionRow[] = [];
    for (let from = 0; ; from += PAGE_SIZE) {
      const page = unwrap(
        await client
          .from('sessions')
          .select(COLUMNS)
          .order('session_date', { ascending: false })
          .order('id', { ascending: true })
          .range(from, from + PAGE_SIZE - 1),
      );
      rows.push(...(page ?? []));
      if ((page?.length ?? 0) < PAGE_SIZE) break;
    }
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
