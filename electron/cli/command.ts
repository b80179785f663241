import type { ParseArgsConfig } from 'node:util';
import type { ApiResult, OperationName } from '../api/contract';
import type { Router } from '../api/router';
import { CliError, EXIT, type ExitCode } from './exit-codes';

export interface CommandRun {
  readonly router: Router;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly json: boolean;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  /** Options of this command, besides the global --db, --json and --help. */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Runs although the database was refused (restoring a backup is what a refused database needs). */
  readonly runsOnRefusedDatabase?: boolean;
  /**
   * Set by a command that writes a new database file itself (demo): runCli then opens no database, so it
   * creates none, and calls this instead of run, with --db as given.
   */
  readonly runWithoutDatabase?: (run: Omit<CommandRun, 'router'>) => Promise<ExitCode>;
  run(run: CommandRun): Promise<ExitCode>;
}

/** Calls one operation through the router; a failed result becomes the CLI's one-sentence error. */
export async function call<T>(router: Router, operation: OperationName, input: unknown): Promise<T> {
  const result = (await router.dispatch(operation, input)) as ApiResult<T>;
  if (!result.ok) throw new CliError(result.error.message, EXIT.nothingChanged);
  return result.value;
}
