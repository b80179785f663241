import { create } from 'zustand';
import type { InputOf } from '../../electron/api/contract';
import type { ColumnMapping, ImportPreview, ImportResult } from '../../electron/api/schemas/device-import';
import type { DeviceField } from '../../electron/api/schemas/devices';
import type { JobStatus } from '../../electron/api/schemas/jobs';
import { announceChanges, call } from '../api';
import { followJob } from '../jobs';
import { reportError } from './errors';

type Options = NonNullable<InputOf<'previewDeviceImport'>['options']>;

export type ImportStep = 'choose' | 'previewing' | 'review' | 'importing' | 'done';

interface DeviceImportState {
  readonly step: ImportStep;
  readonly fileName: string;
  readonly content: string;
  readonly options: Options;
  readonly preview: ImportPreview | null;
  readonly job: JobStatus | null;
  readonly result: ImportResult | null;
  /** Why the file could not be read or imported, in one sentence. */
  readonly problem: string | null;
  readonly undone: boolean;
  chooseFile(file: File): Promise<void>;
  setOptions(change: Partial<Options>): Promise<void>;
  setMapping(header: string, field: DeviceField | null): Promise<void>;
  commit(): Promise<void>;
  cancel(): Promise<void>;
  undo(): Promise<void>;
  reset(): void;
}

const initial = {
  step: 'choose' as ImportStep,
  fileName: '',
  content: '',
  options: { key: 'assetTag' } as Options,
  preview: null,
  job: null,
  result: null,
  problem: null,
  undone: false,
};

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The import wizard: choose a file, review what it would do, import it with progress, undo if needed. */
export const useDeviceImportStore = create<DeviceImportState>()((set, get) => {
  async function runPreview() {
    const { fileName, content, options } = get();
    set({ step: 'previewing', problem: null, job: null });
    const outcome = await followJob(
      () => call('startDevicePreview', { fileName, content, options }),
      (job) => set({ job }),
    );
    if (get().step !== 'previewing') return; // cancelled or reset meanwhile
    if ('error' in outcome) return set({ step: 'choose', problem: outcome.error.message });
    const { status } = outcome;
    if (status.state === 'done' && status.preview) return set({ step: 'review', preview: status.preview });
    if (status.state === 'cancelled') return set({ ...initial });
    set({
      step: get().preview ? 'review' : 'choose',
      problem: status.error?.message ?? 'The file could not be read.',
    });
  }

  return {
    ...initial,
    async chooseFile(file) {
      set({ ...initial, fileName: file.name });
      try {
        set({ content: await base64Of(file) });
      } catch (error) {
        return set({ problem: `${file.name} could not be read: ${(error as Error).message}` });
      }
      await runPreview();
    },
    async setOptions(change) {
      set({ options: { ...get().options, ...change } });
      await runPreview();
    },
    async setMapping(header, field) {
      const mapping: ColumnMapping = { ...(get().preview?.mapping ?? {}), [header]: field };
      await get().setOptions({ mapping });
    },
    async commit() {
      const { fileName, content, options, preview } = get();
      const dateOrder = options.dateOrder ?? preview?.dateOrder ?? undefined;
      set({ step: 'importing', problem: null, job: null });
      const outcome = await followJob(
        () =>
          call('startDeviceImport', {
            fileName,
            content,
            options: { ...options, mapping: preview?.mapping, dateOrder },
          }),
        (job) => set({ job }),
      );
      if ('error' in outcome) return set({ step: 'review', problem: outcome.error.message });
      const { status } = outcome;
      if (status.state === 'done' && status.importResult) {
        announceChanges(['devices', 'audit']);
        return set({ step: 'done', result: status.importResult });
      }
      set({
        step: 'review',
        problem:
          status.state === 'cancelled'
            ? 'The import was cancelled; nothing was changed.'
            : (status.error?.message ?? null),
      });
    },
    async cancel() {
      const { job, step } = get();
      if ((step === 'previewing' || step === 'importing') && job?.state === 'running') {
        const result = await call('cancelJob', { jobId: job.jobId });
        if (!result.ok) reportError(result.error);
        return;
      }
      set({ ...initial });
    },
    async undo() {
      const batchId = get().result?.batchId;
      if (!batchId) return;
      const result = await call('undoImport', { batchId });
      if (result.ok) set({ undone: true });
      else set({ problem: result.error.message });
    },
    reset: () => set({ ...initial }),
  };
});
