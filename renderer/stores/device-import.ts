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
import { templateFit } from './template-fit';

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

/** How the file is read: what the person may choose instead of what Isopatch finds. */
type Reading = Pick<Options, 'encoding' | 'sheet' | 'headerRow'>;
const READING_CHOICES = ['encoding', 'sheet', 'headerRow'] as const;

/** The choices of the reading in which a and b differ. */
const readingDifferences = (a: Reading, b: Reading) =>
  READING_CHOICES.filter((choice) => a[choice] !== b[choice]);

/**
 * The choices "go back" drops, for Isopatch to find them again: those the last readable preview did not have;
 * all of them when that is what is chosen already (so the way back always ends at the reading first found).
 */
export function choicesToDrop(
  options: Reading,
  readable: Reading | null,
): (typeof READING_CHOICES)[number][] {
  const chosen = READING_CHOICES.filter((choice) => options[choice] !== undefined);
  const differing = chosen.filter((choice) => options[choice] !== readable?.[choice]);
  return differing.length > 0 ? differing : chosen;
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
  /** The options the preview was made with (they differ in their reading while `unreadable`). */
  readonly previewOptions: Options | null;
  /**
   * Why the file cannot be read as the options say (an encoding, sheet or header row the person chose); null
   * when it can. The options keep that choice, and the preview, of another reading, is not current.
   */
  readonly unreadable: string | null;
  /** The encoding, sheet and header row Isopatch found in the file, before any choice: where "go back" leads. */
  readonly detected: Pick<ImportPreview, 'encoding' | 'sheet' | 'headerRow'> | null;
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
  /** Back from a reading the file cannot take to what Isopatch finds (see choicesToDrop). */
  readAsDetected(): Promise<void>;
  /**
   * The rejected rows as the CSV to fix and import again, before any commit: the preview has their reasons,
   * not their cells, so the import is rehearsed (dry run) for it. Null, with the problem said, when it failed.
   */
  rejectedRowsCsv(): Promise<string | null>;
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
  unreadable: null,
  detected: null,
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
  /**
   * Back on the review, or on the first step when there is no preview. A reading the person chose that the file
   * cannot take stays chosen and is said for that choice; any other failure goes back to the preview's options.
   */
  function refused(problem: string) {
    const { preview, previewOptions, options } = get();
    if (!preview || !previewOptions) return set({ step: 'choose', problem });
    if (readingDifferences(options, previewOptions).length > 0)
      return set({ step: 'review', problem: null, unreadable: problem });
    set({ step: 'review', problem, unreadable: null, options: previewOptions });
  }

  /** Previews the file with the current options (or these); true when a new preview came. */
  async function runPreview(sent: Options = get().options): Promise<boolean> {
    const { fileName, content } = get();
    if (sent.headerRow !== undefined && sent.headerRow > MAX_HEADER_ROW) {
      // Said for that choice, as a row without a header is, instead of the contract's limit.
      refused(
        `${fileName} has no header in row ${sent.headerRow}; the header must be in one of the first ${MAX_HEADER_ROW} rows.`,
      );
      return false;
    }
    set({ step: 'previewing', problem: null, unreadable: null, job: null });
    const outcome = await followJob(
      () => call('startDevicePreview', { fileName, content, options: sent }),
      (job) => set({ job }),
    );
    if (get().step !== 'previewing') return false; // cancelled or reset meanwhile
    if ('error' in outcome) {
      refused(outcome.error.message);
      return false;
    }
    const { status } = outcome;
    if (status.state === 'done' && status.preview) {
      set({ step: 'review', preview: status.preview, previewOptions: sent });
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
      const found = (await runPreview()) ? get().preview : null;
      if (found)
        set({ detected: { encoding: found.encoding, sheet: found.sheet, headerRow: found.headerRow } });
    },
    async setOptions(change) {
      const { options, preview, previewOptions } = get();
      // A mapping names the columns of this reading of the file (a template may name others): the import refuses
      // a mapping of columns the file does not have.
      const mapping =
        change.mapping && preview ? mappingFor(change.mapping, preview.headers) : change.mapping;
      const chosen: Options = { ...options, ...change, ...(change.mapping && { mapping }) };
      // The options keep every choice, also one the file cannot take, so the review shows what was chosen last.
      const rereads = readingDifferences(chosen, previewOptions ?? {}).length > 0;
      set({ options: chosen, ...(rereads && { templateNote: null }) });
      if (!rereads || !chosen.mapping) {
        await runPreview();
        return;
      }
      // Read another way (sheet, header row, encoding) the file may have other columns: read it, then keep the
      // mapping edits for the columns it still has.
      const { mapping: edits, ...rest } = chosen;
      if (!(await runPreview(rest))) return;
      const now = get().preview;
      const kept = mappingFor(edits ?? {}, now?.headers ?? []);
      if (Object.entries(kept).every(([header, field]) => now?.mapping[header] === field)) {
        set({ options: rest });
        return;
      }
      set({ options: { ...rest, mapping: kept } });
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
    async readAsDetected() {
      const { options, previewOptions } = get();
      const dropped = choicesToDrop(options, previewOptions);
      await get().setOptions(Object.fromEntries(dropped.map((choice) => [choice, undefined])));
    },
    async rejectedRowsCsv() {
      const { fileName, content, options, preview } = get();
      set({ problem: null });
      const outcome = await followJob(
        () =>
          call('startDeviceImport', {
            fileName,
            content,
            options: {
              ...options,
              mapping: preview?.mapping,
              dateOrder: options.dateOrder ?? preview?.dateOrder ?? undefined,
            },
            dryRun: true,
          }),
        () => {},
      );
      const csv = 'status' in outcome ? outcome.status.importResult?.rejectedCsv : null;
      if (csv) return csv;
      set({
        problem:
          'error' in outcome
            ? outcome.error.message
            : (outcome.status.error?.message ?? 'The rejected rows could not be put together; try again.'),
      });
      return null;
    },
    async commit() {
      const { fileName, content, options, preview, unreadable } = get();
      if (unreadable) return; // the preview is of another reading than the options
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
      // A file whose every row is rejected commits nothing (the review does not offer Import for it).
      if (status.state === 'done' && status.importResult && !status.importResult.committed)
        return set({
          step: 'review',
          problem: `Nothing was imported: all ${status.importResult.rejected.length} rows were rejected.`,
        });
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
