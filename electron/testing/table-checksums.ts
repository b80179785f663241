import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export type TableChecksums = Record<string, string>;

/**
 * A SHA-256 of every table's rows in rowid order (and of the schema), so two databases compare table by table.
 * `mask` rewrites text values first; the crash harness uses it to set aside the instants an operation stamps.
 */
export function tableChecksums(
  source: string | Database.Database,
  mask: (text: string) => string = (text) => text,
): TableChecksums {
  const db = typeof source === 'string' ? new Database(source, { fileMustExist: true }) : source;
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const sums: TableChecksums = {
      '(schema)': sha(tables.map((t) => t.sql).join('\n')),
    };
    for (const { name } of tables) {
      const hash = createHash('sha256');
      const rows = db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`)
        .raw()
        .iterate();
      for (const row of rows as Iterable<unknown[]>) {
        hash.update(
          JSON.stringify(
            row.map((v) =>
              typeof v === 'string' ? mask(v) : v instanceof Buffer ? v.toString('base64') : v,
            ),
          ),
        );
        hash.update('\n');
      }
      sums[name] = hash.digest('hex');
    }
    return sums;
  } finally {
    if (typeof source === 'string') db.close();
  }
}

/** `PRAGMA integrity_check` in full (not the quicker quick_check the app runs at start). */
export function integrityCheck(path: string): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
