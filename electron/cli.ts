#!/usr/bin/env node
import { CliError, EXIT } from './cli/exit-codes';
/** The `isopatch` command: the app's operations for automation, nightly imports and tests. */
import { runCli } from './cli/run';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.nothingChanged;
  },
);
