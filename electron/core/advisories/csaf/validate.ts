import type { ValidationFinding } from '../../../api/schemas/advisories';

interface TestResult {
  name: string;
  isValid: boolean;
  errors: { instancePath: string; message: string }[];
}

/**
 * Validates against the CSAF 2.0 JSON schema (with the FIRST CVSS schemas under the URIs it references) and all
 * mandatory tests of CSAF 2.0 section 6.1, offline, with BSI's csaf-validator-lib. Loaded on first use: it is
 * large, and most commands never need it.
 */
export async function validateCsaf(document: unknown): Promise<ValidationFinding[]> {
  const { validate, csaf_2_0, mandatoryTests } = await import('./csaf-validator-lib');
  const tests = [csaf_2_0, ...Object.values(mandatoryTests)];
  const run = async (some: unknown[]) =>
    ((await validate(some as never, document as never)) as { tests: TestResult[] }).tests;
  let results: TestResult[];
  try {
    results = await run(tests);
  } catch {
    // Some of the library's mandatory tests assume a schema-valid document and throw on one that is not (a null
    // in revision_history, found by fuzzing). Then each test runs alone, and one that throws is a finding itself.
    results = [];
    for (const test of tests) {
      try {
        results.push(...(await run([test])));
      } catch {
        const name = (test as { name?: string }).name ?? 'schema';
        results.push({
          name,
          isValid: false,
          errors: [{ instancePath: '/', message: 'this test could not check the document' }],
        });
      }
    }
  }
  const findings = results
    .filter((test) => !test.isValid)
    .flatMap((test) =>
      test.errors.map((error) => ({
        test: testNumber(test.name),
        path: error.instancePath || '/',
        message: error.message,
      })),
    );
  return [...findings, ...versRangesInProductVersion(document, findings)];
}

/** mandatoryTest_6_1_27_1 -> 6.1.27.1; the schema test -> schema. */
function testNumber(name: string): string {
  const match = /^mandatoryTest_(\d+(?:_\d+)*)$/.exec(name);
  return match?.[1] ? match[1].replace(/_/g, '.') : 'schema';
}

interface Branch {
  category?: unknown;
  name?: unknown;
  branches?: unknown;
}

/**
 * 6.1.31 forbids version ranges under product_version. The library looks for the words and operators the test
 * lists; a range written as a `vers:` URI ("vers:all/*", as CISA's generator writes) is a range just the same.
 */
function versRangesInProductVersion(
  document: unknown,
  found: readonly ValidationFinding[],
): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const walk = (branches: unknown, path: string) => {
    if (!Array.isArray(branches)) return;
    branches.forEach((branch: Branch, index) => {
      const here = `${path}/${index}`;
      if (
        branch.category === 'product_version' &&
        typeof branch.name === 'string' &&
        /^vers:/i.test(branch.name)
      ) {
        const already = found.some((f) => f.test === '6.1.31' && f.path === `${here}/name`);
        if (!already)
          findings.push({
            test: '6.1.31',
            path: `${here}/name`,
            message: 'version range in product version',
          });
      }
      walk(branch.branches, `${here}/branches`);
    });
  };
  walk(
    (document as { product_tree?: { branches?: unknown } })?.product_tree?.branches,
    '/product_tree/branches',
  );
  return findings;
}
