import { useDeviceImportStore } from '../../stores/device-import';

const PHASES = {
  starting: 'Starting',
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Saving devices',
};

/** Where a long preview or import is, in rows, with a way to stop it. */
export function JobProgress() {
  const job = useDeviceImportStore((state) => state.job);
  const step = useDeviceImportStore((state) => state.step);
  const fileName = useDeviceImportStore((state) => state.fileName);
  const cancel = useDeviceImportStore((state) => state.cancel);
  // The preview rehearses the writes and rolls them back: it works out the changes, it saves nothing.
  const phase =
    job?.phase === 'writing' && step === 'previewing'
      ? 'Working out the changes'
      : job
        ? PHASES[job.phase]
        : PHASES.starting;
  const counts =
    job && job.total > 0 ? `${job.done.toLocaleString()} of ${job.total.toLocaleString()} rows` : '';
  return (
    <section className="panel" aria-label="Progress">
      <h2>{step === 'importing' ? `Importing ${fileName}` : `Reading ${fileName}`}</h2>
      <label className="progress-label">
        <span>
          {phase}
          {counts && `: ${counts}`}
        </span>
        <progress max={job?.total || 1} value={job && job.total > 0 ? job.done : undefined} />
      </label>
      <p className="visually-hidden" role="status">
        {phase} {counts}
      </p>
      <button type="button" className="button-quiet" onClick={() => void cancel()}>
        Cancel
      </button>
    </section>
  );
}
