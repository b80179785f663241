import type Database from 'better-sqlite3';

/** 'ISOP': marks a file as Isopatch's, so another program's SQLite file is never migrated into ours. */
export const APPLICATION_ID = 0x49534f50;

/**
 * Reads an existing file without writing to it and says what would make opening it unsafe,
 * or returns null when it is a healthy Isopatch database that this version can handle.
 */
export function findOpenProblem(db: Database.Database, latestVersion: number): string | null {
  try {
    const check = db.pragma('quick_check', { simple: true });
    // SQLite's report spans lines; the refusal stays one sentence (the CLI prints it as one line).
    if (check !== 'ok') return `SQLite's integrity check failed (${String(check).replace(/\s+/g, ' ')})`;
    const version = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      .get() as {
      n: number;
    };
    if (applicationId !== APPLICATION_ID && (version !== 0 || tables.n > 0)) {
      return 'it is a SQLite database of another program, not an Isopatch database';
    }
    if (version > latestVersion) {
      return `it was written by a newer version of Isopatch (schema version ${version}; this version knows up to ${latestVersion})`;
    }
    return null;
  } catch (error) {
    return describeSqliteError(error);
  }
}

export function describeSqliteError(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
  if (code.startsWith('SQLITE_CORRUPT')) return 'it is damaged (SQLite reports a malformed database image)';
  if (code.startsWith('SQLITE_CANTOPEN'))
    return 'the file cannot be opened (check that it exists and you may read it)';
  if (code.startsWith('SQLITE_IOERR')) return 'reading it failed with an input/output error';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY')) return 'the file or its folder is read-only';
  return `SQLite reported: ${error instanceof Error ? error.message : String(error)}`;
}
