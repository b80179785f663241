// The floor under any import: the devices of a finished import, already validated and normalized, inserted again
// by better-sqlite3 into a fresh database of Isopatch's schema, one transaction, committed. No reading, parsing,
// validation, matching or audit: what the rows cost SQLite alone. Prints the milliseconds of insert and commit.
// Usage: node insert-floor.cjs IMPORTED.sqlite EMPTY.sqlite
const Database = require('better-sqlite3');

const [source, target] = process.argv.slice(2);
const columns = [
  'asset_tag',
  'serial',
  'manufacturer',
  'vendor_id',
  'model',
  'family_id',
  'modality',
  'department_id',
  'location',
  'ip',
  'mac',
  'hostname',
  'os',
  'software_version',
  'install_date',
  'extra_json',
  'flags_json',
  'created_at',
  'updated_at',
];
const db = new Database(target);
// As the app opens its database (electron/core/db/open.ts).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('cache_size = -131072');
db.exec(`ATTACH '${source.replaceAll("'", "''")}' AS source`);
for (const table of ['site', 'department', 'vendor', 'product_family'])
  db.exec(`INSERT OR IGNORE INTO main.${table} SELECT * FROM source.${table}`);
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
