import { Worker } from 'node:worker_threads';
import type { JobStatus } from '../../api/schemas/jobs';
import { AppError } from '../errors';
import type { JobMessage, JobRequest, JobWorkerData } from './protocol';

const KEEP_FINISHED = 20;
const MAX_RUNNING = 3;

interface Job {
  status: JobStatus;
  worker: Worker;
  cancel: Int32Array;
}

export interface JobRegistryOptions {
  /** The bundled worker entry (dist/electron/job-worker.cjs). */
  readonly workerScript: string;
  readonly databasePath: string;
  readonly backupsDir: string;
  readonly osUser: string;
  readonly nativeBinding?: string;
  /** Told when a job changed data, so the transport can tell the renderer. */
  readonly onFinished?: (status: JobStatus) => void;
}

/** Starts long work in worker threads and answers how far each is; one job at a time writes. */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  constructor(private readonly options: JobRegistryOptions) {}

  start(request: JobRequest): { jobId: string } {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running').length;
    if (request.kind === 'device-import' && running > 0) {
      throw new AppError('CONFLICT', 'Another import is still running; wait for it or cancel it first.');
    }
    // Each job is a thread holding its whole file: a bound keeps repeated starts from exhausting memory.
    if (running >= MAX_RUNNING) {
      throw new AppError(
        'CONFLICT',
        `Isopatch is still reading ${MAX_RUNNING} files; wait for one to finish or cancel it first.`,
      );
    }
    const jobId = `job-${this.next++}`;
    const cancel = new SharedArrayBuffer(4);
    const data: JobWorkerData = {
      databasePath: this.options.databasePath,
      backupsDir: this.options.backupsDir,
      nativeBinding: this.options.nativeBinding,
      osUser: this.options.osUser,
      request,
      cancel,
    };
    const worker = new Worker(this.options.workerScript, { workerData: data });
    const status: JobStatus = {
      jobId,
      kind: request.kind,
      state: 'running',
      phase: 'starting',
      done: 0,
      total: 0,
      preview: null,
      importResult: null,
      error: null,
    };
    const job: Job = { status, worker, cancel: new Int32Array(cancel) };
    worker.on('message', (message: JobMessage) => this.receive(job, message));
    worker.on('error', (error) =>
      this.finish(job, { type: 'failed', error: { code: 'INTERNAL', message: error.message } }),
    );
    worker.on('exit', (code) => {
      if (job.status.state === 'running') {
        this.finish(job, {
          type: 'failed',
          error: { code: 'INTERNAL', message: `The worker stopped (exit code ${code}).` },
        });
      }
    });
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    return { jobId };
  }

  get(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${jobId}.`);
    return structuredClone(job.status);
  }

  /** Asks the worker to stop at its next row; its transaction rolls back, so nothing is changed. */
  cancel(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${jobId}.`);
    Atomics.store(job.cancel, 0, 1);
    return this.get(jobId);
  }

  /** Waits until the job has finished, one way or another (for the CLI, tests and shutdown). */
  async settled(jobId: string): Promise<JobStatus> {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND', `There is no job ${jobId}.`);
    if (job.status.state === 'running') await new Promise((resolve) => job.worker.once('exit', resolve));
    return this.get(jobId);
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) Atomics.store(job.cancel, 0, 1);
    await Promise.all([...this.jobs.keys()].map((id) => this.settled(id)));
  }

  private receive(job: Job, message: JobMessage) {
    if (message.type === 'progress') {
      Object.assign(job.status, { phase: message.phase, done: message.done, total: message.total });
    } else this.finish(job, message);
  }

  private finish(job: Job, message: Exclude<JobMessage, { type: 'progress' }>) {
    if (job.status.state !== 'running') return;
    if (message.type === 'done') {
      job.status.state = 'done';
      if (job.status.kind === 'device-preview') job.status.preview = message.value as JobStatus['preview'];
      else job.status.importResult = message.value as JobStatus['importResult'];
    } else {
      job.status.state = message.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      job.status.error = message.error;
    }
    this.options.onFinished?.(structuredClone(job.status));
  }

  private forgetOldJobs() {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.status.jobId);
  }
}
