import { createHash } from 'node:crypto';
import type {
  ImportFile,
  ImportPreview,
  ImportResult,
  ImportSummary,
} from '../../../api/schemas/device-import';
import { refreshMatches } from '../../advisories/matching/refresh-matches';
import { type AuditRecorder, noAudit } from '../../audit/audit-log';
import { changeWordsOf, describeChange } from '../../audit/change-words';
import { type CoreContext, isoNow } from '../../context';
import { AppError } from '../../errors';
import { mainZone } from '../../planning/load-planning';
import { localDateOf } from '../../planning/local-time';
import { noProgress, type Progress } from '../../progress';
import { type AppliedImport, applyImport } from './apply';
import { FIELD_LABELS, type Interpretation, interpretRows, mappingConflict } from './interpret';
import { PREVIEW_ROWS } from './limits';
import {
  hasConsistentColumns,
  headerReadsAsProse,
  type ReadFile,
  readImportFile,
  refuseFile,
} from './read-file';
import { rejectedRowsCsv } from './rejected-csv';
import { rememberedMapping, rememberMapping } from './remembered-mapping';

/** A file read and interpreted, not yet written: the slow, asynchronous part, done outside any transaction. */
export interface PreparedImport {
  readonly file: ImportFile;
  readonly read: ReadFile;
  readonly interpretation: Interpretation;
  readonly sha256: string;
}

export async function prepareImport(
  ctx: CoreContext,
  file: ImportFile,
  progress: Progress = noProgress,
): Promise<PreparedImport> {
  progress('reading', 0, 1);
  const read = await readImportFile(file);
  progress('reading', 1, 1);
  refuseUnknownMappedHeaders(file, read);
  const interpretation = interpretRows(
    read,
    file.options,
    {
      remembered: rememberedMapping(ctx, read.headers),
      today: localDateOf(ctx.now().getTime(), mainZone(ctx)),
    },
    progress,
  );
  refuseProse(file, read, interpretation);
  const sha256 = createHash('sha256').update(Buffer.from(file.content, 'base64')).digest('hex');
  return { file, read, interpretation, sha256 };
}

const quotedList = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** A mapping naming a column the file does not have was meant for another file: refuse rather than ignore it. */
function refuseUnknownMappedHeaders(file: ImportFile, read: ReadFile): void {
  const headers = new Set(read.headers);
  const unknown = Object.keys(file.options.mapping ?? {}).filter((header) => !headers.has(header));
  if (unknown.length === 0) return;
  throw refuseFile(
    file.fileName,
    `has no ${unknown.length === 1 ? 'column' : 'columns'} ${quotedList(unknown)}, which the mapping names; its columns are ${quotedList(read.headers)}`,
  );
}

/**
 * Prose is not a table: no column of its header row means a field (by the synonym table, the mapping remembered
 * for it or one given), and its header reads as sentences or its rows do not have the header's number of values.
 * An export with unfamiliar column names still opens, for a person to map them.
 */
function refuseProse(file: ImportFile, read: ReadFile, interpretation: Interpretation): void {
  if (file.options.mapping !== undefined || Object.values(interpretation.mapping).some(Boolean)) return;
  if (hasConsistentColumns(read) && !headerReadsAsProse(read)) return;
  throw refuseFile(
    file.fileName,
    `does not look like a table: row ${read.headerRow} names no column Isopatch knows, and the file reads as text rather than rows of values; export the inventory as CSV or Excel with a header row`,
  );
}

const dateColumnOf = ({ read, interpretation }: PreparedImport) =>
  read.headers[Object.values(interpretation.mapping).indexOf('installDate')] ?? 'install date';

/** Why the dates must wait for a person to choose their order, in one sentence; null when they need not. */
function dateOrderRefusal(prepared: PreparedImport): string | null {
  const { interpretation, file } = prepared;
  if (interpretation.dateOrderSource !== 'ask') return null;
  const mixed = interpretation.mixedDateOrders;
  const column = dateColumnOf(prepared);
  return mixed
    ? `${file.fileName} has dates in column "${column}" that mix day-first (${mixed.dayFirst}) and month-first (${mixed.monthFirst}) order; correct them, or choose the order most are written in (dmy or mdy): the others are flagged and imported without a date.`
    : `${file.fileName} has dates in column "${column}" that could be day-first or month-first; choose the date order (dmy or mdy).`;
}

/** The wizard's words for a date column that mixes orders, naming one value of each; null when it does not. */
function mixedDateOrders(prepared: PreparedImport): string | null {
  const mixed = prepared.interpretation.mixedDateOrders;
  if (!mixed) return null;
  return `Column "${dateColumnOf(prepared)}" mixes day-first (${mixed.dayFirst}) and month-first (${mixed.monthFirst}) dates. Choose the order most are written in; the others are flagged and imported without a date.`;
}

const ROLLBACK = Symbol('rollback');

/** Runs the real import and rolls it back: the preview's totals come from the same code as the commit. */
function rehearse(
  ctx: CoreContext,
  prepared: PreparedImport,
  progress: Progress,
  onUpdate?: Parameters<typeof applyImport>[5],
): AppliedImport {
  let applied: AppliedImport | undefined;
  try {
    ctx.db
      .transaction(() => {
        applied = applyImport(ctx, prepared.interpretation, null, noAudit, progress, onUpdate);
        throw ROLLBACK;
      })
      .immediate(); // as every write: waits for another connection's write instead of failing at the first
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (!applied) throw new Error('The rehearsal of the import produced nothing.');
  return applied;
}

function summary(prepared: PreparedImport, applied: AppliedImport): ImportSummary {
  const { read, interpretation, file } = prepared;
  return {
    fileName: file.fileName,
    format: read.format,
    encoding: read.encoding,
    delimiter: read.delimiter,
    sheet: read.sheet,
    sheets: [...read.sheets],
    headerRow: read.headerRow,
    headers: [...read.headers],
    mapping: interpretation.mapping,
    key: interpretation.key,
    dateOrder: interpretation.dateOrder,
    dateOrderSource: interpretation.dateOrderSource,
    totalRows: interpretation.rows.length,
    added: applied.added,
    updated: applied.updated,
    unchanged: applied.unchanged,
    rejected: interpretation.rows
      .filter((row) => row.rejection)
      .map((row) => ({ row: row.row, reason: row.rejection ?? '' })),
    warnings: interpretation.rows.flatMap((row) => row.warnings),
    notInFile: applied.notInFile,
    notInFileNamed: [...applied.notInFileNamed],
    keptEmpty: applied.keptEmpty,
  };
}

export function previewImport(
  ctx: CoreContext,
  prepared: PreparedImport,
  progress: Progress = noProgress,
): ImportPreview {
  // The rows shown: an update says what it changes, in the words of the device's history.
  const shown = prepared.interpretation.rows.slice(0, PREVIEW_ROWS);
  const shownRows = new Set(shown.map((row) => row.row));
  const words = changeWordsOf(ctx, mainZone(ctx));
  const changes = new Map<number, string[]>();
  const applied = rehearse(ctx, prepared, progress, (row, before, after) => {
    if (shownRows.has(row))
      changes.set(row, describeChange(JSON.stringify(before), JSON.stringify(after), words));
  });
  return {
    ...summary(prepared, applied),
    mappingProblem: mappingConflict(prepared.interpretation.mapping),
    encodingProblem: prepared.read.encodingProblem
      ? `${prepared.file.fileName} ${prepared.read.encodingProblem}.`
      : null,
    mixedDateOrders: mixedDateOrders(prepared),
    hiddenSheets: [...prepared.read.hiddenSheets],
    rows: shown.map((row) => ({
      row: row.row,
      action: applied.actions.get(row.row) ?? 'reject',
      changes: changes.get(row.row) ?? [],
      cells: [...row.cells],
      problems: [
        ...(row.rejection ? [row.rejection] : []),
        ...row.warnings.map((w) => `${w.field}: ${w.reason}`),
      ],
      problemColumns: [...row.problemColumns],
    })),
  };
}

/** Commits the import in the caller's transaction, or rehearses it for --dry-run. */
export function commitImport(
  ctx: CoreContext,
  prepared: PreparedImport,
  audit: AuditRecorder,
  dryRun: boolean,
  progress: Progress = noProgress,
): ImportResult {
  const { interpretation, read, file } = prepared;
  // Bytes that do not fit the encoding would be stored as U+FFFD or garbled: nothing is imported.
  if (read.encodingProblem) throw refuseFile(file.fileName, read.encodingProblem);
  const conflict = mappingConflict(interpretation.mapping);
  if (conflict) throw new AppError('INVALID_INPUT', conflict);
  if (!Object.values(interpretation.mapping).includes(interpretation.key)) {
    const columns = read.headers.map((h) => `"${h}"`).join(', ');
    throw refuseFile(
      file.fileName,
      `has no column for the ${FIELD_LABELS[interpretation.key]}, the key that identifies each device (its columns are ${columns}); map one`,
    );
  }
  const datesUndecided = dateOrderRefusal(prepared);
  if (datesUndecided) throw new AppError('INVALID_INPUT', datesUndecided);
  if (dryRun) {
    const applied = rehearse(ctx, prepared, progress);
    return {
      ...summary(prepared, applied),
      batchId: null,
      committed: false,
      rejectedCsv: rejectedRowsCsv(read.headers, interpretation.rows),
    };
  }
  // Nothing to commit: the rows and the CSV to fix them in are the answer, not an error that would hide them.
  if (interpretation.rows.every((row) => row.rejection)) {
    return {
      ...summary(prepared, rehearse(ctx, prepared, progress)),
      batchId: null,
      committed: false,
      rejectedCsv: rejectedRowsCsv(read.headers, interpretation.rows),
    };
  }
  const batchId = Number(
    ctx.db
      .prepare(
        `INSERT INTO import_batch (kind, file_name, sha256, os_user, imported_at, options_json, mapping_json)
         VALUES ('devices', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        file.fileName,
        prepared.sha256,
        ctx.osUser,
        isoNow(ctx),
        JSON.stringify({ ...file.options, mapping: undefined, dateOrder: interpretation.dateOrder }),
        JSON.stringify(interpretation.mapping),
      ).lastInsertRowid,
  );
  const applied = applyImport(ctx, interpretation, batchId, audit, progress);
  const result = summary(prepared, applied);
  const rejectedCsv = rejectedRowsCsv(read.headers, interpretation.rows);
  if (applied.added + applied.updated + applied.unchanged === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${file.fileName} has no row that could be imported; row ${result.rejected[0]?.row} ${result.rejected[0]?.reason}.`,
    );
  }
  ctx.db
    .prepare(
      'UPDATE import_batch SET added = ?, updated = ?, unchanged = ?, rejected = ?, rejected_csv = ? WHERE id = ?',
    )
    .run(applied.added, applied.updated, applied.unchanged, result.rejected.length, rejectedCsv, batchId);
  rememberMapping(ctx, read.headers, interpretation.mapping);
  refreshMatches(ctx, audit);
  audit({
    entity: 'import_batch',
    entityId: batchId,
    action: 'import',
    after: {
      fileName: file.fileName,
      sha256: prepared.sha256,
      added: applied.added,
      updated: applied.updated,
      unchanged: applied.unchanged,
      rejected: result.rejected.length,
    },
    batchId,
  });
  return {
    ...result,
    batchId,
    committed: true,
    rejectedCsv,
  };
}
