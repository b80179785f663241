import { useState } from 'react';
import type { InputOf } from '../../../electron/api/contract';
import type { ReportFormat, ReportPreview } from '../../../electron/api/schemas/reports';
import { call } from '../../api';
import { downloadReportFile, isDesktop } from './report-output';

const FILES: readonly { format: ReportFormat; label: string }[] = [
  { format: 'csv', label: 'Download CSV' },
  { format: 'xlsx', label: 'Download XLSX' },
  { format: 'html', label: 'Download HTML' },
];

/** Print, save as PDF, or take the report as a file; each file is named after the report and the day. */
export function ReportActions({
  input,
  preview,
}: {
  input: InputOf<'previewReport'>;
  preview: ReportPreview | null;
}) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const desktop = isDesktop();

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus('');
    try {
      setStatus(await work());
    } finally {
      setBusy(false);
    }
  };
  const download = (format: ReportFormat) =>
    run(async () => {
      const result = await call('exportReport', { ...input, format });
      if (!result.ok) return result.error.message;
      downloadReportFile(result.value);
      return `Saved ${result.value.fileName}.`;
    });
  const savePdf = () =>
    run(async () => {
      if (!preview) return '';
      if (!desktop) {
        window.print();
        return '';
      }
      const result = await call('savePdf', {
        fileName: `${preview.fileStem}.pdf`,
        paper: preview.paper,
        orientation: preview.orientation,
      });
      if (!result.ok) return result.error.message;
      return result.value.saved ? `Saved ${result.value.file}.` : 'Not saved.';
    });

  return (
    <section className="report-actions" aria-label="Print and export">
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!preview || busy}
          onClick={() => window.print()}
        >
          Print…
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={!preview || busy}
          onClick={() => void savePdf()}
        >
          Save as PDF…
        </button>
        {FILES.map((file) => (
          <button
            key={file.format}
            type="button"
            className="button-quiet"
            disabled={!preview || busy}
            onClick={() => void download(file.format)}
          >
            {file.label}
          </button>
        ))}
      </div>
      {preview && (
        <p className="field-help">
          Files are called <code>{preview.fileStem}</code> with their extension.{' '}
          {desktop
            ? 'Save as PDF writes the pages as they print, page numbers and footer included.'
            : 'In the browser, Save as PDF opens the print dialog: choose "Save as PDF" there, and switch off its own "Headers and footers" (the report has its own).'}
        </p>
      )}
      <p className="form-status" role="status">
        {status}
      </p>
    </section>
  );
}
