import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupList, DatabaseExport, RestoreResult } from '../api/schemas/database-files';
import type { DatabaseRefusedError } from '../core/errors';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

const BACKUP_USAGE = 'isopatch backup --out FILE [--json]';
const RESTORE_USAGE = 'isopatch restore BACKUP [--json]   (without BACKUP: lists the backups)';

/** The refusal as the CLI prints it: the core's sentence, then the command that restores the newest backup. */
export function refusedMessage(error: DatabaseRefusedError): string {
  const newest = error.backups[0];
  return newest ? `${error.message} To restore it: isopatch restore "${newest}"` : error.message;
}

export const backupCommand: Command = {
  summary: 'write a consistent copy of the database to FILE (safe while the app runs)',
  usage: BACKUP_USAGE,
  options: { out: { type: 'string' } },
  async run({ router, positionals, values, json }) {
    if (positionals.length > 0 || typeof values.out !== 'string' || values.out === '')
      throw new CliError(`backup needs --out FILE; usage: ${BACKUP_USAGE}`);
    const out = resolve(values.out);
    const copy = await call<DatabaseExport>(router, 'exportDatabase', {});
    writeNewFile(out, Buffer.from(copy.content, 'base64'));
    const result = { file: out, bytes: copy.bytes };
    console.log(
      json
        ? JSON.stringify(result, null, 2)
        : `Wrote a copy of the database to ${out} (${copy.bytes} bytes).`,
    );
    return EXIT.done;
  },
};

/** Never over an existing file; written under a temporary name and renamed, so FILE is whole or absent. */
function writeNewFile(path: string, bytes: Buffer) {
  const partial = `${path}.partial`;
  let fd: number | undefined;
  try {
    fd = openSync(partial, 'wx');
  } catch (error) {
    throw writeError(path, partial, error);
  }
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    closeSync(openSync(path, 'wx')); // claims the name: fails if FILE exists, so the rename replaces nothing of yours
    renameSync(partial, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true }); // our own incomplete copy
    throw writeError(path, partial, error);
  }
}

function writeError(path: string, partial: string, error: unknown): CliError {
  const code = (error as { code?: string }).code;
  if (code === 'EEXIST')
    return new CliError(`${path} (or ${partial}) exists already; choose a new file name.`);
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT')
    return new CliError(`The disk is full or the file is too large; ${path} was not written.`);
  return new CliError(`${path} cannot be written: ${(error as Error).message}.`);
}

export const restoreCommand: Command = {
  summary: 'put a backup in place of the database (the replaced file is kept aside, never deleted)',
  usage: RESTORE_USAGE,
  options: {},
  runsOnRefusedDatabase: true,
  async run({ router, positionals, json }) {
    const [backup, ...rest] = positionals;
    if (rest.length > 0) throw new CliError(`restore takes one BACKUP; usage: ${RESTORE_USAGE}`);
    if (backup === undefined) {
      const list = await call<BackupList>(router, 'listBackups', {});
      if (json) console.log(JSON.stringify(list, null, 2));
      else console.log(formatBackups(list));
      return list.backups.length > 0 ? EXIT.done : EXIT.doneWithProblems;
    }
    const result = await call<RestoreResult>(router, 'restoreBackup', { backup: resolve(backup) });
    if (json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`Restored ${result.databasePath} from ${result.restoredFrom}.`);
      for (const kept of result.keptAs) console.log(`  the replaced file is kept as ${kept}`);
    }
    return EXIT.done;
  },
};

function formatBackups(list: BackupList): string {
  if (list.backups.length === 0) return `No backups of ${list.databasePath} in ${list.backupsDir}.`;
  return [
    `Backups of ${list.databasePath}, newest first (restore one with: isopatch restore BACKUP):`,
    ...list.backups.map(
      (b) => `  ${b.createdAt}  ${b.reason.padEnd(12)} ${String(b.bytes).padStart(12)} bytes  ${b.path}`,
    ),
  ].join('\n');
}
