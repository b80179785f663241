import type { DatabaseStatus } from '../api/schemas/status';
import { type Command, call } from './command';
import { CliError, EXIT } from './exit-codes';

export const statusCommand: Command = {
  summary: 'organization, database file, schema version and rows per table',
  usage: 'isopatch status [--json]',
  options: {},
  async run({ router, positionals, json }) {
    if (positionals.length > 0)
      throw new CliError(`status takes no arguments, but got "${positionals.join(' ')}".`);
    const status = await call<DatabaseStatus>(router, 'getStatus', {});
    console.log(json ? JSON.stringify(status, null, 2) : formatStatus(status));
    return EXIT.done;
  },
};

export function formatStatus(status: DatabaseStatus): string {
  const width = Math.max(...Object.keys(status.counts).map((table) => table.length));
  return [
    `Organization:   ${status.organizationName || '(not set yet)'}`,
    ...(status.demo ? ['Demo:           the generated demo hospital, not real data'] : []),
    `Database:       ${status.databasePath}`,
    `Schema version: ${status.schemaVersion}`,
    `Backups:        ${status.backupsDir}`,
    'Rows per table:',
    ...Object.entries(status.counts).map(([table, rows]) => `  ${table.padEnd(width)}  ${rows}`),
  ].join('\n');
}
