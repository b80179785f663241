import { AppError } from '../errors';

export const DISK_FULL_MESSAGE = 'The disk is full or the file is too large; nothing was changed.';
const IO_ERROR_MESSAGE =
  'The database file could not be read or written (an input/output error of the disk); nothing was changed.';

/** SQLite's and the operating system's ways of saying a write found no room (ENOSPC, EDQUOT, RLIMIT_FSIZE's EFBIG). */
const FULL_CODES = new Set([
  'SQLITE_FULL',
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_SHORT_WRITE', // (unused by SQLite's unix VFS today, named for other VFSes)
  'SQLITE_IOERR_TRUNCATE',
  'SQLITE_IOERR_SHMSIZE',
  'ENOSPC',
  'EDQUOT',
  'EFBIG',
]);

/**
 * A failure of the disk rather than of the operation, as a sentence a person can act on, or null for any other
 * error. The transaction it happened in has rolled back, so "nothing was changed" is true when it is reported.
 */
export function storageFailure(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL_CODES.has(code)) return new AppError('DISK_FULL', DISK_FULL_MESSAGE);
  if (code.startsWith('SQLITE_IOERR')) return new AppError('INTERNAL', IO_ERROR_MESSAGE);
  return null;
}
