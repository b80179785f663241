import type { ErrorCode } from '../api/contract';

/** An expected failure with a sentence a person can act on; the router turns it into `{ok: false}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The database file was left untouched because opening it would risk the user's data. */
export class DatabaseRefusedError extends AppError {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly backupsDir: string,
    readonly backups: readonly string[],
  ) {
    const where =
      backups.length > 0
        ? `The newest of ${backups.length} backups is ${backups[0]}.`
        : `No backups were found in ${backupsDir}.`;
    super(
      'DATABASE_REFUSED',
      `Isopatch did not open ${file}: ${problem}. The file was not changed. ${where}`,
    );
    this.name = 'DatabaseRefusedError';
  }
}
