// The floor under any import: the devices of a finished import, already validated and normalized, inserted again
// by better-sqlite3 into a fresh database of Isopatch's schema, one transaction, committed. No reading, parsing,
// validation, matching or audit: what the rows cost SQLite alone. Prints the milliseconds of insert and commit.
// Usage: node insert-floor.cjs IMPORTED.sqlite EMPTY.sqlite
const Database = require('better-sqlite3');

const [source, target] = process.argv.slice(2);
const db = new Database(target);
// As the app opens its database (electron/core/db/open.ts).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('cache_size = -131072');
db.exec(`ATTACH '${source.replaceAll("'", "''")}' AS source`);
for (const table of ['site', 'department', 'vendor', 'product_family', 'import_batch'])
  db.exec(`INSERT OR IGNORE INTO main.${table} SELECT * FROM source.${table}`);
// Every column the import stored, whatever the schema holds today (not the id, not the generated search column).
const columns = db
  .prepare("SELECT name FROM pragma_table_xinfo('device') WHERE hidden = 0 AND name <> 'id'")
  .pluck()
  .all();
const rows = db
  .prepare(`SELECT ${columns.join(', ')} FROM source.device ORDER BY id`)
  .raw()
  .all();
db.exec('DETACH source');

const insert = db.prepare(
  `INSERT INTO device (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
);
const started = performance.now();
db.transaction(() => {
  for (const row of rows) insert.run(row);
})();
console.log((performance.now() - started).toFixed(1));
db.close();
