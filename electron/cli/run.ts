import { parseArgs } from 'node:util';
import { createRouter } from '../api/router';
import { resolveDatabasePath } from '../core/db/location';
import { closeSession, openSession } from '../core/session';
import { affectedCommand, confirmMatchCommand, patchStatusCommand } from './advisory-commands';
import { backupCommand, refusedMessage, restoreCommand } from './backup-restore-commands';
import type { Command } from './command';
import { demoCommand } from './demo-command';
import { devicesCommand } from './devices-command';
import { CliError, EXIT, type ExitCode } from './exit-codes';
import { exportIcsCommand } from './export-ics-command';
import { importAdvisoryCommand } from './import-advisory-command';
import { importDevicesCommand } from './import-devices-command';
import { planCommand, setStateCommand, taskCommand, windowsCommand } from './planning-commands';
import { reportCommand } from './report-command';
import { siteCommand } from './site-command';
import { statusCommand } from './status-command';
import { undoImportCommand } from './undo-import-command';

/** Every command of the `isopatch` entry point; later features add theirs here. */
const commands: Readonly<Record<string, Command>> = {
  status: statusCommand,
  'import-devices': importDevicesCommand,
  devices: devicesCommand,
  'undo-import': undoImportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'import-advisory': importAdvisoryCommand,
  affected: affectedCommand,
  'confirm-match': confirmMatchCommand,
  'patch-status': patchStatusCommand,
  site: siteCommand,
  plan: planCommand,
  windows: windowsCommand,
  task: taskCommand,
  'set-state': setStateCommand,
  'export-ics': exportIcsCommand,
  report: reportCommand,
  demo: demoCommand,
};

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const usage = () =>
  [
    'Usage: isopatch [--db FILE] [--json] <command> [arguments]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(16)}${command.summary}`),
    '',
    'Options:',
    "  --db FILE       the database to use (default: ISOPATCH_DB, then the desktop app's database)",
    '  --json          print machine-readable JSON on stdout',
    '  --help          show this text',
    '',
    'Exit codes: 0 done; 1 done but problems were found; 2 bad input or usage, nothing changed.',
  ].join('\n');

/** The command is the first word that is neither an option nor the value of --db. */
function findCommandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

export async function runCli(argv: string[]): Promise<ExitCode> {
  const name = findCommandName(argv);
  const command = name === undefined ? undefined : commands[name];
  const help =
    name === undefined ? 'run "isopatch --help" to see the commands' : `run "isopatch ${name} --help"`;
  if (name !== undefined && !command) throw new CliError(`Unknown command "${name}"; ${help}.`);

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command?.options },
      allowPositionals: true,
    });
  } catch (error) {
    const problem = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new CliError(`${problem}; ${help}.`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(command ? command.usage : usage());
    return EXIT.done;
  }
  if (!command) throw new CliError(`No command given; ${help}.`);

  if (command.runWithoutDatabase)
    return command.runWithoutDatabase({
      positionals: parsed.positionals.slice(1),
      values,
      json: values.json === true,
    });
  const session = await openSession(resolveDatabasePath({ flag: values.db as string | undefined }));
  // The person at the command line names files on their own machine: `isopatch restore` takes any copy.
  const router = createRouter(session, { restoreFromAnyFile: true });
  try {
    if (session.state === 'refused' && !command.runsOnRefusedDatabase)
      throw new CliError(refusedMessage(session.error));
    return await command.run({
      router,
      positionals: parsed.positionals.slice(1),
      values,
      json: values.json === true,
    });
  } finally {
    // A restore replaces the session the router runs on; that one is what is open now.
    await closeSession(router.session());
  }
}
