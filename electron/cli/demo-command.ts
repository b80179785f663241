import { resolveDatabasePath } from '../core/db/location';
import { createDemoDatabase } from '../core/demo/create-demo';
import { demoDatabasePathFor } from '../core/demo/location';
import { AppError } from '../core/errors';
import type { Command, CommandRun } from './command';
import { CliError, EXIT, type ExitCode } from './exit-codes';

const USAGE = 'isopatch demo [--db FILE] [--json]';

/**
 * `isopatch demo`: the demo hospital the app's "Explore the demo hospital" opens, written into a new file (by
 * default isopatch-demo.sqlite beside the app's database, the same file the app uses). Never into a file that
 * holds anything: real data and the demo do not mix.
 */
async function runDemo({ positionals, values, json }: Omit<CommandRun, 'router'>): Promise<ExitCode> {
  if (positionals.length > 0)
    throw new CliError(`demo takes no arguments, but got "${positionals.join(' ')}"; usage: ${USAGE}`);
  const path =
    typeof values.db === 'string'
      ? resolveDatabasePath({ flag: values.db })
      : demoDatabasePathFor(resolveDatabasePath({}));
  let summary: Awaited<ReturnType<typeof createDemoDatabase>>;
  try {
    summary = await createDemoDatabase(path);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
  if (json) console.log(JSON.stringify(summary, null, 2));
  else
    console.log(
      [
        `Created the demo hospital in ${summary.path}: ${summary.devices} devices at ${summary.sites} sites in ${summary.departments} departments,`,
        `with the work of ${summary.from} to ${summary.to} in its audit log (${summary.auditEntries} entries).`,
        `Open it with: npm run start:web -- --db "${summary.path}"   or   isopatch --db "${summary.path}" status`,
      ].join('\n'),
    );
  return EXIT.done;
}

export const demoCommand: Command = {
  summary: 'write the demo hospital (300 devices, 3 sites, ten weeks of work) into a new database file',
  usage: `${USAGE}\n\nWithout --db: isopatch-demo.sqlite beside the app's database, the file "Explore the demo hospital" opens.\nA file that exists and is not empty is refused, so the demo never mixes with real data.`,
  options: {},
  runWithoutDatabase: runDemo,
  run: runDemo,
};
