import type { ImportDevicesInput, ImportFile } from '../../api/schemas/device-import';
import type { ProgressPhase } from '../progress';

/** Work that runs in a worker thread with its own connection, so the app's main thread never waits on it. */
export type JobRequest =
  | { readonly kind: 'device-preview'; readonly input: ImportFile }
  | { readonly kind: 'device-import'; readonly input: ImportDevicesInput };

export interface JobWorkerData {
  readonly databasePath: string;
  readonly backupsDir: string;
  readonly nativeBinding?: string;
  readonly osUser: string;
  readonly request: JobRequest;
  /** One Int32: set to 1 by the main thread to cancel; the worker checks it at every progress step. */
  readonly cancel: SharedArrayBuffer;
}

export type JobMessage =
  | {
      readonly type: 'progress';
      readonly phase: ProgressPhase;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'done'; readonly value: unknown }
  | { readonly type: 'failed'; readonly error: { readonly code: string; readonly message: string } };
