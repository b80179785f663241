// `npm run lint:electron`: Doyensec's electronegativity over the Electron code. Fails on every finding that is
// neither fixed nor justified in electron/electronegativity.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { root } from './bundle-electron.mjs';

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const { justified } = JSON.parse(readFileSync(join(root, 'electron', 'electronegativity.json'), 'utf8'));
const out = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif');

const scan = spawnSync(
  'npx',
  [
    '-y',
    '@doyensec/electronegativity@1.10.3',
    '-i',
    join(root, 'electron'),
    '-e',
    electronVersion,
    '-r',
    '-v',
    'false',
    '-o',
    out,
  ],
  { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
);
let findings;
try {
  findings = JSON.parse(readFileSync(out, 'utf8')).runs[0].results.map((result) => {
    const location = result.locations[0].physicalLocation;
    return { check: result.ruleId, file: location.artifactLocation.uri, line: location.region?.startLine };
  });
} catch {
  console.error(`electronegativity produced no report (exit ${scan.status}).`);
  process.exit(2);
} finally {
  rmSync(join(out, '..'), { recursive: true, force: true });
}

const isJustified = (f) => justified.some((j) => j.check === f.check && basename(f.file) === j.file);
for (const f of findings.filter(isJustified)) console.log(`justified  ${f.check} ${f.file}:${f.line}`);
const open = findings.filter((f) => !isJustified(f));
for (const f of open) console.error(`FINDING    ${f.check} ${f.file}:${f.line}`);
console.log(`electronegativity: ${findings.length} findings, ${open.length} not justified.`);
process.exit(open.length === 0 ? 0 : 1);
