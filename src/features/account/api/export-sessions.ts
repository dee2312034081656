// GET export-sessions?format=json|csv: the athlete's sessions as a file, named by the server.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { invokeFunction } from '@/lib/functions';

export const exportFormatSchema = z.enum(['json', 'csv']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a Content-Disposition header (`filename*=` first), or a dated fallback. */
export function fileNameFrom(disposition: string | null, format: ExportFormat): string {
  const extended = disposition?.match(/filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall through to the plain filename.
    }
  }
  const plain = disposition?.match(/filename\s*=\s*"?([^";]+)"?/i)?.[1]?.trim();
  return plain || `pullup-sessions-${new Date().toISOString().slice(0, 10)}.${format}`;
}

export async function exportSessions(format: ExportFormat, signal?: AbortSignal) {
  const { response } = await invokeFunction<unknown>('export-sessions', {
    method: 'GET',
    query: { format: exportFormatSchema.parse(format) },
    ...(signal ? { signal } : {}),
  });
  const file: ExportFile = {
    blob: await response.blob(),
    fileName: fileNameFrom(response.headers.get('Content-Disposition'), format),
  };
  return file;
}

/** Downloads an export; saving it is the caller's (see save-file.ts). */
export function useExportSessions() {
  return useMutation({ mutationFn: (format: ExportFormat) => exportSessions(format) });
}
