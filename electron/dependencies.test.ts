import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './testing/temp';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    { version?: string; integrity?: string; dev?: boolean; devOptional?: boolean; link?: boolean }
  >;
};

describe('production dependencies', () => {
  it('are exact versions in package.json, the same in the lockfile', () => {
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
    expect(lock.packages['']).toMatchObject({ dependencies: pkg.dependencies });
  });

  it('are pinned by the lockfile, every one of them with its integrity hash', () => {
    const production = Object.entries(lock.packages).filter(
      ([path, entry]) => path !== '' && !entry.dev && !entry.devOptional && !entry.link,
    );
    expect(production.length).toBeGreaterThan(10);
    expect(
      production
        .filter(([, entry]) => !entry.version || !/^sha512-/.test(entry.integrity ?? ''))
        .map(([path]) => path),
    ).toEqual([]);
  });
});

describe('the exceptions of SECURITY-EXCEPTIONS.md still hold', () => {
  it('undici: no bundle of the app, the CLI or the web server holds it, nor the validator bundled apart', () => {
    const dist = join(ROOT, 'dist', 'electron');
    const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.cjs'),
    );
    expect(bundles).toEqual(
      expect.arrayContaining([
        'main.cjs',
        'cli.cjs',
        'web.cjs',
        'job-worker.cjs',
        join('vendor', 'csaf-validator-lib.cjs'),
        join('vendor', 'exceljs.cjs'),
      ]),
    );
    for (const name of bundles) expect(readFileSync(join(dist, name), 'utf8'), name).not.toMatch(/undici/);
  });
});

describe('the bundles', () => {
  it('leave exceljs and the CSAF validator to files of their own, loaded on first use', () => {
    const dist = join(ROOT, 'dist', 'electron');
    for (const name of ['main.cjs', 'cli.cjs', 'web.cjs', 'job-worker.cjs']) {
      const bundle = readFileSync(join(dist, name), 'utf8');
      // A string of each library's own code: exceljs names the workbook part, the validator its mandatory tests.
      expect(bundle, name).not.toContain('xl/workbook.xml');
      expect(bundle, name).not.toContain('mandatoryTest_6_1_1');
    }
    expect(readFileSync(join(dist, 'vendor', 'exceljs.cjs'), 'utf8')).toContain('xl/workbook.xml');
    expect(readFileSync(join(dist, 'vendor', 'csaf-validator-lib.cjs'), 'utf8')).toContain(
      'mandatoryTest_6_1_1',
    );
  });
});

describe('the npm audit gate (electron/tools/audit.mjs)', () => {
  const gate = (report: unknown) => {
    const file = join(tempDir(), 'audit.json');
    writeFileSync(file, JSON.stringify(report));
    return spawnSync(process.execPath, [join(ROOT, 'electron', 'tools', 'audit.mjs'), '--report', file], {
      encoding: 'utf8',
    });
  };
  const advisory = (name: string, severity: string) => ({
    [name]: {
      name,
      severity,
      via: [
        {
          source: 1,
          name,
          title: `a ${severity} problem`,
          url: 'https://github.com/advisories/GHSA-test',
          severity,
        },
      ],
      effects: ['@secvisogram/csaf-validator-lib'],
    },
    '@secvisogram/csaf-validator-lib': {
      name: '@secvisogram/csaf-validator-lib',
      severity,
      via: [name],
      effects: [],
    },
  });

  it.each([
    ['fails on a high advisory in a package without an exception', advisory('exceljs', 'high'), 1],
    ['fails on a critical one', advisory('zod', 'critical'), 1],
    ['passes a high advisory in a package with an exception', advisory('undici', 'high'), 0],
    [
      'passes moderate and low advisories',
      { ...advisory('exceljs', 'moderate'), ...advisory('tmp', 'low') },
      0,
    ],
  ])('%s', (_case, vulnerabilities, code) => {
    const run = gate({ vulnerabilities, metadata: { vulnerabilities: {} } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(code);
  });

  it('says plainly when the advisory database did not answer', () => {
    const run = gate({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(run.stderr).toMatch(
      /^npm audit: NOT CHECKED, the advisory database did not answer \(405 Method Not Allowed/,
    );
  });
});
