import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/errors';
import { useExportSessions, type ExportFormat } from '../api/export-sessions';
import { saveFile } from '../lib/save-file';

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'json', label: 'Download JSON' },
  { format: 'csv', label: 'Download CSV' },
];

/** The two export downloads; used on their own and again right before deleting the account. */
export function ExportButtons() {
  const exporter = useExportSessions();

  function download(format: ExportFormat) {
    exporter.mutate(format, { onSuccess: ({ blob, fileName }) => saveFile(blob, fileName) });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            variant="secondary"
            className="min-w-40 flex-1 whitespace-nowrap"
            busy={exporter.isPending && exporter.variables === format}
            disabled={exporter.isPending}
            onClick={() => download(format)}
          >
            {label}
          </Button>
        ))}
      </div>
      {exporter.isError ? <Alert tone="error">{describeError(exporter.error)}</Alert> : null}
      {exporter.isSuccess ? (
        <Alert tone="success">
          Saved <span className="break-all">{exporter.data.fileName}</span>.
        </Alert>
      ) : null}
    </div>
  );
}
