// `npm run bench`: every benchmark, printed as a table. Benchmarks print figures; they never fail on a goal.
import * as cliStatus from './cli-status.mjs';
import * as deviceImport from './device-import.mjs';
import * as deviceRegister from './device-register.mjs';
import * as matching from './matching.mjs';
import * as planning from './planning.mjs';
import * as reliability from './reliability.mjs';
import * as reports from './reports.mjs';
import * as responsiveness from './responsiveness.mjs';
import * as webStartup from './web-startup.mjs';

const benchmarks = [
  webStartup,
  cliStatus,
  deviceImport,
  deviceRegister,
  responsiveness,
  matching,
  planning,
  reports,
  reliability,
];

const rows = [];
for (const benchmark of benchmarks) rows.push(...(await benchmark.run()));

const width = Math.max(...rows.map((r) => r.name.length));
const cell = (v) => v.toFixed(1).padStart(9);
console.log(`\n${'benchmark'.padEnd(width)}  median ms    min ms    max ms  runs`);
for (const row of rows) {
  const figures = row.ms
    ? `${cell(row.ms.median)} ${cell(row.ms.min)} ${cell(row.ms.max)}  ${String(row.ms.runs).padStart(4)}`
    : row.text.padStart(9);
  console.log(`${row.name.padEnd(width)}  ${figures}`);
}
