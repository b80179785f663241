// `npm audit --omit=dev` as a CI step (.ci/run): fails on a high or critical advisory in a production dependency,
// unless SECURITY-EXCEPTIONS.md lists the package with a reason (a condition electron/dependencies.test.ts checks).
// Where the advisory service does not answer (an offline machine, a registry mirror without the audit endpoint),
// it says so plainly; ISOPATCH_AUDIT_REQUIRED=1 makes that a failure too.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './bundle-electron.mjs';

const BLOCKING = new Set(['high', 'critical']);

/** Package names in the first column of the exceptions table. */
function justifiedPackages() {
  const text = readFileSync(join(root, 'SECURITY-EXCEPTIONS.md'), 'utf8');
  return new Set(
    text
      .split('\n')
      .filter((line) => /^\|\s*[\w@./-]+\s*\|/.test(line) && !/^\|\s*(package|-+)\s*\|/.test(line))
      .map((line) => line.split('|')[1].trim()),
  );
}

// `--report FILE` reads a saved `npm audit --json` instead (the test of this gate uses it).
const saved = process.argv.indexOf('--report');
const audit =
  saved > 0
    ? { stdout: readFileSync(process.argv[saved + 1] ?? '', 'utf8'), stderr: '', status: 0 }
    : spawnSync('npm', ['audit', '--omit=dev', '--json'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
let report;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = {};
}
if (!report.vulnerabilities) {
  const reason =
    report.message ??
    report.error?.summary ??
    (audit.stderr.trim().split('\n').at(-1) || `exit ${audit.status}`);
  console.error(`npm audit: NOT CHECKED, the advisory database did not answer (${reason}).`);
  process.exit(process.env.ISOPATCH_AUDIT_REQUIRED === '1' ? 2 : 0);
}

const justified = justifiedPackages();
const findings = [];
for (const [name, entry] of Object.entries(report.vulnerabilities)) {
  // An entry whose `via` holds only names is affected through another package, which has its own entry.
  for (const via of entry.via.filter((v) => typeof v === 'object' && BLOCKING.has(v.severity)))
    findings.push({
      name,
      severity: via.severity,
      title: via.title,
      url: via.url,
      justified: justified.has(name),
    });
}
for (const f of findings)
  console.log(
    `${f.justified ? 'justified' : 'FINDING  '}  ${f.severity.padEnd(8)} ${f.name}: ${f.title} ${f.url}`,
  );
const open = findings.filter((f) => !f.justified);
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low; ${open.length} high or critical not justified in SECURITY-EXCEPTIONS.md.`,
);
process.exit(open.length === 0 ? 0 : 1);
