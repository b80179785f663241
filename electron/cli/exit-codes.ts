/** The CLI's promise to scripts: 0 done; 1 done but problems were found; 2 bad input or usage, nothing changed. */
export const EXIT = { done: 0, doneWithProblems: 1, nothingChanged: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as one plain sentence on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.nothingChanged,
  ) {
    super(message);
  }
}
