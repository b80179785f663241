import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  type ColumnMapping,
  columnMapping,
  dateOrder,
  type FieldWarning,
  type ImportResult,
  importKey,
  textEncoding,
} from '../api/schemas/device-import';
import { deviceField } from '../api/schemas/devices';
import { counted } from '../api/words';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';
import { assertFileSize } from './file-size';

const USAGE =
  'isopatch import-devices FILE [--sheet NAME] [--key assetTag|serial] [--mapping FILE.json] [--date-order dmy|mdy|ymd] [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--rejected-out FILE.csv] [--dry-run] [--json]';

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new CliError(`The ${what} ${path} ${reason}.`);
  }
}

function readMapping(path: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readInput(path, 'mapping file').toString('utf8'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`The mapping file ${path} is not JSON: ${(error as Error).message}.`);
  }
  // Checked here, so the sentence names the file and the column rather than the router's input path.
  const parsed = columnMapping.safeParse(json);
  if (parsed.success) return parsed.data;
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CliError(
      `The mapping file ${path} must be a JSON object of {"column header": "field" or null}.`,
    );
  const header = String(parsed.error.issues[0]?.path[0] ?? '');
  const value = JSON.stringify((json as Record<string, unknown>)[header]);
  throw new CliError(
    `The mapping file ${path} maps the column "${header}" to ${value}, which is no field; use one of ${deviceField.options.join(', ')}, or null to keep the column as an extra attribute.`,
  );
}

export const importDevicesCommand: Command = {
  summary: 'import a device inventory (CSV, tab-delimited text or .xlsx)',
  usage: USAGE,
  options: {
    sheet: { type: 'string' },
    key: { type: 'string' },
    mapping: { type: 'string' },
    'date-order': { type: 'string' },
    encoding: { type: 'string' },
    'rejected-out': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run({ router, positionals, values, json }) {
    const [path, ...rest] = positionals;
    if (!path || rest.length > 0) throw new CliError(`import-devices takes one FILE; usage: ${USAGE}`);
    assertFileSize(path, 'inventory');
    const content = readInput(path, 'file').toString('base64');
    choiceOf('key', values.key, importKey.options);
    choiceOf('date-order', values['date-order'], dateOrder.options);
    choiceOf('encoding', values.encoding, textEncoding.options);
    const options = {
      ...(values.sheet !== undefined && { sheet: values.sheet }),
      ...(values.key !== undefined && { key: values.key }),
      ...(values.mapping !== undefined && { mapping: readMapping(String(values.mapping)) }),
      ...(values['date-order'] !== undefined && { dateOrder: values['date-order'] }),
      ...(values.encoding !== undefined && { encoding: values.encoding }),
    };
    const result = await call<ImportResult>(router, 'importDevices', {
      fileName: basename(path),
      content,
      options,
      dryRun: values['dry-run'] === true,
    });
    if (values['rejected-out'] && result.rejectedCsv)
      writeFileSync(String(values['rejected-out']), result.rejectedCsv);
    if (json) {
      const { rejectedCsv: _csv, headers: _headers, ...shown } = result;
      console.log(JSON.stringify(shown, null, 2));
    } else console.log(formatImport(result, values['dry-run'] === true));
    if (!result.committed && values['dry-run'] !== true)
      throw new CliError(
        `${result.fileName} has no row that could be imported: all ${result.rejected.length} rows were rejected${values['rejected-out'] ? `; they are in ${values['rejected-out']}` : ' (--rejected-out FILE.csv saves them to fix)'}. Nothing was saved.`,
      );
    return result.rejected.length > 0 ? EXIT.doneWithProblems : EXIT.done;
  },
};

/** A flag with a fixed set of values says so in the CLI's words, before anything is read. */
function choiceOf(flag: string, value: unknown, allowed: readonly string[]) {
  if (value === undefined || allowed.includes(String(value))) return;
  throw new CliError(`--${flag} must be ${allowed.join(', ')}, not "${String(value)}"; usage: ${USAGE}`);
}

const NAMED_IN_TEXT = 10;

/** " (A-1, A-2 and 40 more)": which devices, as far as a line can say. */
function namedText(named: readonly string[], count: number): string {
  if (named.length === 0) return '';
  const shown = named.slice(0, NAMED_IN_TEXT);
  return ` (${shown.join(', ')}${count > shown.length ? ` and ${count - shown.length} more` : ''})`;
}

/**
 * What became of a flagged value: an IP or MAC is stored as written; a date that could not be read is kept as
 * written only in the device's flags, its install date left empty. A note (a two-digit year read) is neither.
 */
function outcomeOf(warning: FieldWarning, result: ImportResult): string {
  if (warning.reason.startsWith('two-digit year read as')) return '';
  return result.mapping[warning.field] === 'installDate'
    ? " (kept as written in the device's flags; install date left empty)"
    : ' (imported as written)';
}

function formatImport(result: ImportResult, dryRun: boolean): string {
  const how =
    result.format === 'xlsx'
      ? `sheet "${result.sheet}"`
      : `${result.encoding?.toUpperCase()}, delimiter ${JSON.stringify(result.delimiter)}`;
  const verb = result.committed
    ? `Imported ${result.fileName} as batch ${result.batchId}`
    : `${dryRun ? 'Dry run of' : 'Read'} ${result.fileName}, nothing saved`;
  const lines = [
    `${verb} (${how}, header in row ${result.headerRow}${result.dateOrder ? `, dates ${result.dateOrder}` : ''}).`,
    `  ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected; ${result.warnings.length} warnings; ${result.notInFile} devices in the database are not in the file${namedText(result.notInFileNamed, result.notInFile)}.`,
    ...(result.keptEmpty > 0
      ? [
          `  ${counted(result.keptEmpty, 'empty cell')} kept the value stored before (an empty cell never erases).`,
        ]
      : []),
    ...result.warnings.map(
      (w) => `  warning: row ${w.row}, ${w.field}: "${w.value}" ${w.reason}${outcomeOf(w, result)}`,
    ),
    ...result.rejected.map((r) => `  rejected: row ${r.row} ${r.reason}`),
  ];
  return lines.join('\n');
}
