import { create } from 'zustand';
import type { InputOf } from '../../electron/api/contract';
import type {
  ColumnMapping,
  FieldWarning,
  ImportPreview,
  ImportResult,
} from '../../electron/api/schemas/device-import';
import type { DeviceField } from '../../electron/api/schemas/devices';
import type { JobStatus } from '../../electron/api/schemas/jobs';
import { announceChanges, call } from '../api';
import { followJob } from '../jobs';
import { reportError } from './errors';

type Options = NonNullable<InputOf<'previewDeviceImport'>['options']>;

export type ImportStep = 'choose' | 'previewing' | 'review' | 'importing' | 'done';

/** The last row a header may be in (importOptions.headerRow in the contract). */
const MAX_HEADER_ROW = 1000;

/**
 * What became of a flagged value, for the list after an import: an IP or MAC is stored as written; a date that
 * could not be read is kept as written only in the device's flags, its install date left empty. A note (a
 * two-digit year read) is neither, and gets no words.
 */
export function flaggedOutcome(warning: FieldWarning, mapping: ColumnMapping): string | null {
  if (warning.reason.startsWith('two-digit year read as')) return null;
  return mapping[warning.field] === 'installDate'
    ? "kept as written in the device's flags; install date left empty"
    : 'imported as written';
}

/** The part of a mapping about the given columns (a template or edits made for another reading of the file). */
function mappingFor(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([header]) => headers.includes(header)));
}

/** Names up to ten columns, quoted, for a sentence. */
function columnList(headers: readonly string[]): string {
  const named = headers.slice(0, 10).map((header) => `"${header}"`);
  return headers.length > 10 ? `${named.join(', ')} and ${headers.length - 10} more` : named.join(', ');
}

/**
 * What applying a template to a file with these columns does, in one sentence: how many of its columns the file
 * has and which it has not; refused when the file has none of them.
 */
export function templateFit(
  name: string,
  mapping: ColumnMapping,
  headers: readonly string[],
): { readonly applies: boolean; readonly message: string } {
  const columns = Object.keys(mapping);
  const present = columns.filter((column) => headers.includes(column));
  const missing = columns.filter((column) => !headers.includes(column));
  const its = columns.length === 1 ? 'its 1 column' : `its ${columns.length} columns`;
  if (present.length === 0) {
    return {
      applies: false,
      message: `"${name}" was not applied: none of ${its} ${columns.length === 1 ? 'is' : 'are'} in this file${
        columns.length > 0 ? ` (${columnList(columns)})` : ''
      }.`,
    };
  }
  if (missing.length === 0) {
    return {
      applies: true,
      message: `Applied "${name}": ${columns.length === 1 ? 'its 1 column is' : `all ${columns.length} of its columns are`} in this file.`,
    };
  }
  return {
    applies: true,
    message: `Applied "${name}": ${present.length} of ${its} ${present.length === 1 ? 'is' : 'are'} in this file; ${missing.length} ${
      missing.length === 1 ? 'is' : 'are'
    } not: ${columnList(missing)}.`,
  };
}

/** What became of the last template applied, said beside the templates. */
export interface TemplateNote {
  readonly message: string;
  readonly refused: boolean;
}

interface DeviceImportState {
  readonly step: ImportStep;
  readonly fileName: string;
  readonly content: string;
  readonly options: Options;
  readonly preview: ImportPreview | null;
  /** The options the preview was made with: a change the file cannot take goes back to them. */
  readonly previewOptions: Options | null;
  readonly job: JobStatus | null;
  readonly result: ImportResult | null;
  /** Why the file could not be read or imported, in one sentence. */
  readonly problem: string | null;
  readonly undone: boolean;
  readonly templateNote: TemplateNote | null;
  chooseFile(file: File): Promise<void>;
  setOptions(change: Partial<Options>): Promise<void>;
  setMapping(header: string, field: DeviceField | null): Promise<void>;
  /** Applies a saved mapping to the columns the file has, or refuses it when the file has none of them. */
  applyTemplate(name: string, mapping: ColumnMapping): Promise<void>;
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
  previewOptions: null,
  job: null,
  result: null,
  problem: null,
  undone: false,
  templateNote: null as TemplateNote | null,
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
  /** Back on the review with the options of the preview it shows, or on the first step when there is none. */
  function refused(problem: string) {
    const { preview, previewOptions, options } = get();
    set(
      preview ? { step: 'review', problem, options: previewOptions ?? options } : { step: 'choose', problem },
    );
  }

  /** Previews the file with the current options; true when a new preview came. */
  async function runPreview(): Promise<boolean> {
    const { fileName, content, options } = get();
    set({ step: 'previewing', problem: null, job: null });
    const outcome = await followJob(
      () => call('startDevicePreview', { fileName, content, options }),
      (job) => set({ job }),
    );
    if (get().step !== 'previewing') return false; // cancelled or reset meanwhile
    if ('error' in outcome) {
      refused(outcome.error.message);
      return false;
    }
    const { status } = outcome;
    if (status.state === 'done' && status.preview) {
      set({ step: 'review', preview: status.preview, previewOptions: options });
      return true;
    }
    if (status.state === 'cancelled') {
      set({ ...initial });
      return false;
    }
    refused(status.error?.message ?? 'The file could not be read.');
    return false;
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
      const { options, preview, fileName } = get();
      if (change.headerRow !== undefined && change.headerRow > MAX_HEADER_ROW) {
        // Said on the review, as for a row without a header, instead of the contract's limit on the first step.
        return set({
          problem: `${fileName} has no header in row ${change.headerRow}; the header must be in one of the first ${MAX_HEADER_ROW} rows.`,
        });
      }
      // A mapping names the columns of this reading of the file (a template may name others): the import refuses
      // a mapping of columns the file does not have.
      const mapping =
        change.mapping && preview ? mappingFor(change.mapping, preview.headers) : change.mapping;
      const rereads = 'sheet' in change || 'headerRow' in change || 'encoding' in change;
      if (!rereads || !options.mapping) {
        set({ options: { ...options, ...change, ...(change.mapping && { mapping }) } });
        await runPreview();
        return;
      }
      // Read another way (sheet, header row, encoding) the file may have other columns: read it, then keep the
      // mapping edits for the columns it still has.
      const { mapping: edits, ...rest } = { ...options, ...change };
      set({ options: rest });
      if (!(await runPreview())) return;
      const now = get().preview;
      const kept = mappingFor(edits ?? {}, now?.headers ?? []);
      if (Object.entries(kept).every(([header, field]) => now?.mapping[header] === field)) return;
      set({ options: { ...get().options, mapping: kept } });
      await runPreview();
    },
    async setMapping(header, field) {
      const mapping: ColumnMapping = { ...(get().preview?.mapping ?? {}), [header]: field };
      await get().setOptions({ mapping });
    },
    async applyTemplate(name, mapping) {
      const fit = templateFit(name, mapping, get().preview?.headers ?? []);
      if (!fit.applies) return set({ templateNote: { message: fit.message, refused: true } });
      set({ templateNote: null });
      await get().setOptions({ mapping });
      if (get().step === 'review' && !get().problem)
        set({ templateNote: { message: fit.message, refused: false } });
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
