// `npm run bench`: every benchmark, printed as a table. Benchmarks print figures; they never fail on a goal.
import * as cliStatus from './cli-status.mjs';
import * as webStartup from './web-startup.mjs';

const benchmarks = [webStartup, cliStatus];

const rows = [];
for (const benchmark of benchmarks) rows.push(...(await benchmark.run()));

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  median ms    min ms    max ms  runs`);
for (const { name, ms } of rows) {
  const cell = (v) => v.toFixed(1).padStart(9);
  console.log(
    `${name.padEnd(width)}  ${cell(ms.median)} ${cell(ms.min)} ${cell(ms.max)}  ${String(ms.runs).padStart(4)}`,
  );
}
