import { z } from 'zod';
import { deviceField } from './devices';

export const textEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
export type TextEncoding = z.infer<typeof textEncoding>;
export const dateOrder = z.enum(['dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof dateOrder>;
export const importKey = z.enum(['assetTag', 'serial']);
export type ImportKey = z.infer<typeof importKey>;

/** Column header -> canonical field, or null to keep the column as an extra attribute. */
export const columnMapping = z.record(z.string().max(500), deviceField.nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

export const importOptions = z
  .object({
    encoding: textEncoding.optional(),
    sheet: z.string().max(200).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
    key: importKey.default('assetTag'),
    mapping: columnMapping.optional(),
    dateOrder: dateOrder.optional(),
  })
  .strict();
export type ImportOptions = z.output<typeof importOptions>;

/** Files travel as base64 so every transport (IPC, HTTP JSON, CLI) carries them the same way. */
export const importFile = z
  .object({
    fileName: z.string().min(1).max(260),
    content: z.string().max(90_000_000, 'is larger than the 64 MB an import may have'),
    options: importOptions.default({ key: 'assetTag' }),
  })
  .strict();
export type ImportFile = z.output<typeof importFile>;

export const importDevicesInput = importFile.extend({ dryRun: z.boolean().default(false) }).strict();
export type ImportDevicesInput = z.output<typeof importDevicesInput>;

export const rejectedRow = z.object({ row: z.number().int(), reason: z.string() });
export const fieldWarning = z.object({
  row: z.number().int(),
  field: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRow>;
export type FieldWarning = z.infer<typeof fieldWarning>;

export const importSummary = z.object({
  fileName: z.string(),
  format: z.enum(['delimited', 'xlsx']),
  encoding: textEncoding.nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: columnMapping,
  key: importKey,
  dateOrder: dateOrder.nullable(),
  /** 'ask' means the dates could be read either way and nothing may be committed until a person chooses. */
  dateOrderSource: z.enum(['inferred', 'given', 'not-needed', 'ask']),
  totalRows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(rejectedRow),
  warnings: z.array(fieldWarning),
  /** Devices in the database that the file does not list; never deleted. */
  notInFile: z.number().int(),
  /** The first 100 of them by asset tag, to say which. */
  notInFileNamed: z.array(z.string()),
  /** Empty cells of devices found that kept the value stored before: an empty cell never erases. */
  keptEmpty: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const previewRow = z.object({
  row: z.number().int(),
  action: z.enum(['add', 'update', 'unchanged', 'reject']),
  /** Of an update: each field it changes, "operating system: Windows XP → Windows 7 SP1". */
  changes: z.array(z.string()),
  cells: z.array(z.string()),
  problems: z.array(z.string()),
  /** Indexes of the cells the problems are about, for highlighting. */
  problemColumns: z.array(z.number().int()),
});

export const importPreview = importSummary.extend({
  /** Why the mapping cannot be committed (two columns mapped to one field), in one sentence; null when it can. */
  mappingProblem: z.string().nullable(),
  /**
   * Why the text cannot be imported as decoded (UTF-8 mixed with another encoding, or UTF-8 chosen for bytes that
   * are not), in one sentence; null when it can. Choosing another encoding is the way on.
   */
  encodingProblem: z.string().nullable(),
  /**
   * When the date column mixes values only day-first reads and values only month-first reads (dateOrderSource
   * "ask"): a sentence naming one of each; null otherwise.
   */
  mixedDateOrders: z.string().nullable(),
  /** The sheets of `sheets` Excel does not show; never the default, still choosable. */
  hiddenSheets: z.array(z.string()),
  rows: z.array(previewRow),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = importSummary.extend({
  batchId: z.number().int().nullable(),
  committed: z.boolean(),
  /** The rejected rows with a Problem column, ready to fix and import again; null when none. */
  rejectedCsv: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

export const undoImportInput = z.object({ batchId: z.number().int().positive() }).strict();
export const undoImportResult = z.object({
  batchId: z.number().int(),
  removed: z.number().int(),
  restored: z.number().int(),
});

export const importBatch = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  osUser: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Whether the batch kept its rejected rows (batches from before schema version 4 did not). */
  rejectedRowsKept: z.boolean(),
  status: z.enum(['committed', 'undone']),
});

export const rejectedRowsFile = z.object({ fileName: z.string(), csv: z.string() });

export const mappingTemplate = z.object({ id: z.number().int(), name: z.string(), mapping: columnMapping });
const templateName = z.string().trim().min(1).max(100);
const templateId = z.number().int().positive();
export const saveMappingTemplateInput = z
  .object({
    name: templateName,
    mapping: columnMapping,
    /** Replace a template of the same name; without it, that name is refused (CONFLICT naming it). */
    replace: z.boolean().default(false),
  })
  .strict();
export const renameMappingTemplateInput = z.object({ id: templateId, name: templateName }).strict();
export const deleteMappingTemplateInput = z.object({ id: templateId }).strict();
export const deletedMappingTemplate = z.object({ id: z.number().int(), name: z.string() });
