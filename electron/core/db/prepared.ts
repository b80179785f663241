import type { Database, Statement } from 'better-sqlite3';

const kept = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement prepared once per connection and kept: for the few statements that run once per device, where a
 * bulk change of 100,000 devices spent most of its time preparing the same SQL again. Never for a statement
 * used with pluck() or raw(), which change the kept statement for every later caller.
 */
export function prepared(db: Database, sql: string): Statement {
  let statements = kept.get(db);
  if (!statements) {
    statements = new Map();
    kept.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
