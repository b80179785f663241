/** A worker thread that runs one long job (a large import) on its own database connection. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CoreContext } from './core/context';
import { storageFailure } from './core/db/storage-errors';
import { AppError } from './core/errors';
import { runJob } from './core/jobs/job-runner';
import type { JobMessage, JobWorkerData } from './core/jobs/protocol';
import { CancelledError, type Progress } from './core/progress';

const data = workerData as JobWorkerData;
const cancelled = new Int32Array(data.cancel);
const post = (message: JobMessage) => parentPort?.postMessage(message);

const progress: Progress = (phase, done, total) => {
  if (Atomics.load(cancelled, 0) === 1) throw new CancelledError();
  post({ type: 'progress', phase, done, total });
};

async function main() {
  // The main thread opened, checked and migrated this file; this connection only does the job's work.
  const db = new Database(data.databasePath, { fileMustExist: true, nativeBinding: data.nativeBinding });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  const ctx: CoreContext = {
    db,
    databasePath: data.databasePath,
    backupsDir: data.backupsDir,
    osUser: data.osUser,
    now: () => new Date(),
  };
  try {
    post({ type: 'done', value: await runJob(ctx, data.request, progress) });
  } finally {
    db.close();
  }
}

main().catch((caught: unknown) => {
  // A full disk is reported as the sentence it deserves, like the router does, not as an unexpected error.
  const error = storageFailure(caught) ?? caught;
  const known = error instanceof AppError;
  if (!known) console.error(error);
  post({
    type: 'failed',
    error: known
      ? { code: error.code, message: error.message }
      : {
          code: 'INTERNAL',
          message: 'The work stopped because of an unexpected error; nothing was changed.',
        },
  });
});
