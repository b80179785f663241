import type { Database } from 'better-sqlite3';

/** Where one kind of derived value is kept: per connection, with the database version and key it was made for. */
export type Keeper<T> = WeakMap<Database, { version: string; key: string; value: T }>;

export const keeper = <T>(): Keeper<T> => new WeakMap();

/**
 * A value derived from the database, made once and kept until the database changes, which SQLite tells by the rows
 * this connection changed (total_changes) and the commits of other connections, such as a job's worker
 * (data_version). Inside a transaction nothing is kept: a rollback would leave the counts changed and the value
 * wrong. The value is shared: callers read it and never change it.
 */
export function keptUntilChange<T>(db: Database, kept: Keeper<T>, make: () => T, key = ''): T {
  if (db.inTransaction) return make();
  const version = db
    .prepare("SELECT total_changes() || '/' || data_version FROM pragma_data_version")
    .pluck()
    .get() as string;
  const known = kept.get(db);
  if (known?.version === version && known.key === key) return known.value;
  const value = make();
  kept.set(db, { version, key, value });
  return value;
}
