/** Generated input for every operation of the contract, for the fuzzing of electron/testing/fuzz.ts. */

import fc from 'fast-check';
import { contract, type OperationName } from '../api/contract';
import { operationNames } from '../api/operations';
import type { Router } from '../api/router';
import rangeInVersion from '../core/advisories/fixtures/range-in-version.json';
import { base64, type FuzzCase } from './fuzz';
import { SITE_MODEL } from './fuzz-documents';

// ---- every operation of the contract --------------------------------------------------------------------------

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-12-01',
    '2026-12-05T07:00:00+01:00',
    'Europe/Berlin',
    'NM-1',
    'isolation',
    'available',
    '../../etc/passwd',
    "' OR 1=1; --",
    '<script>alert(1)</script>',
  ),
);

/** The field names an operation's input schema declares, so generated objects are the right shape but wrong values. */
function fieldsOf(operation: OperationName): string[] {
  const shape = (contract[operation].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** For every operation of the contract: any JSON, and objects with its own fields holding generated values. */
export function operationCases(names: readonly OperationName[] = operationNames): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...names).chain((operation) => {
    const fields = fieldsOf(operation);
    const shaped =
      fields.length === 0
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] });
    return fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped).map((input) => ({ operation, input }));
  });
}

/**
 * A hospital for the operations to work on: devices (some affected), a site model, a plan and an imported advisory
 * (which also compiles the CSAF validator's schemas once, a second's work no single input should be charged for).
 */
export async function prepareHospital(router: Router): Promise<void> {
  const lines = ['Asset Tag,Manufacturer,Model,Modality,Department,OS'];
  for (let i = 1; i <= 12; i++)
    lines.push(`NM-${i},Siemens,Symbia T16,NM,Nuclear Medicine,${i % 3 === 0 ? 'Linux' : 'Windows 7'}`);
  const steps: [OperationName, unknown][] = [
    ['saveSiteModel', { model: SITE_MODEL }],
    ['importDevices', { fileName: 'devices.csv', content: base64(lines.join('\n')) }],
    ['applyPlan', { from: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }],
    // Another advisory than the one the fuzzing mutates, so its mutations are new imports, not "unchanged".
    ['importAdvisory', { fileName: 'advisory.json', content: JSON.stringify(rangeInVersion) }],
  ];
  for (const [operation, input] of steps) {
    const result = await router.dispatch(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
  }
}
