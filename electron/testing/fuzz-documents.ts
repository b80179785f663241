/** Generated JSON documents (CSAF advisories, site models) for the fuzzing of electron/testing/fuzz.ts. */
import fc from 'fast-check';
import lossyAdvisory from '../core/advisories/fixtures/lossy-v1.json';
import type { FuzzCase } from './fuzz';

// ---- JSON documents: CSAF advisories and site models ---------------------------------------------------------

type Mutation = readonly [number, 'delete' | 'replace' | 'wrap' | 'empty' | 'stringify', unknown];
const mutations = fc.array(
  fc.tuple(
    fc.nat(),
    fc.constantFrom('delete', 'replace', 'wrap', 'empty', 'stringify'),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  { minLength: 1, maxLength: 5 },
) as fc.Arbitrary<Mutation[]>;

/** A valid document with a few of its values deleted, replaced or changed in type: input that is almost right. */
export function mutate(document: unknown, changes: readonly Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const [pick, kind, value] of changes) {
    const places: [Record<string, unknown>, string][] = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        places.push([node as Record<string, unknown>, key]);
        walk((node as Record<string, unknown>)[key]);
      }
    };
    walk(copy);
    const place = places[pick % Math.max(places.length, 1)];
    if (!place) continue;
    const [parent, key] = place;
    if (kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (kind === 'replace') parent[key] = value;
    else if (kind === 'wrap') parent[key] = [parent[key]];
    else if (kind === 'empty') parent[key] = Array.isArray(parent[key]) ? [] : '';
    else parent[key] = JSON.stringify(parent[key]) ?? 'null';
  }
  return copy;
}

/** Text nested far deeper than any real document, as arrays or objects. */
const deepText = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

// Imported, not read from a path: the benchmarks bundle this file, where no source folder is at hand.
const ADVISORY = lossyAdvisory;

/** CSAF documents for importAdvisory: nearly valid ones, any JSON, text that is not JSON, and deep nesting. */
export function advisoryCases(): fc.Arbitrary<FuzzCase> {
  const content = fc.oneof(
    { weight: 4, arbitrary: mutations.map((m) => JSON.stringify(mutate(ADVISORY, m))) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: deepText },
  );
  return fc.record({ content, acceptFindings: fc.boolean() }).map(({ content, acceptFindings }) => ({
    operation: 'importAdvisory' as const,
    input: { fileName: 'advisory.json', content, acceptFindings },
  }));
}

export const SITE_MODEL = {
  sites: [
    {
      name: 'Main site',
      timeZone: 'Europe/Berlin',
      departments: [
        {
          name: 'Nuclear Medicine',
          maintenanceSlots: [{ day: 'Sat', start: '07:00', end: '13:00' }],
          blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' }],
          availability: [{ modality: 'NM', maxDown: 1 }],
        },
      ],
    },
  ],
  teams: [
    { name: 'Network', kind: 'network', workDays: ['Mon', 'Sat'], start: '06:00', end: '18:00' },
    { name: 'Siemens field service', kind: 'vendor-field-service', workDays: ['Sat'] },
  ],
  durations: { default: { isolation: 30, patch: 180, qc: 60, reconnection: 30 } },
  policies: { criticalCvss: 9, horizonDays: 90 },
};

/** Site models for saveSiteModel: nearly valid ones, any JSON, and deep nesting (parsed as the CLI parses it). */
export function siteModelCases(): fc.Arbitrary<FuzzCase> {
  const model = fc.oneof(
    { weight: 4, arbitrary: mutations.map((m) => mutate(SITE_MODEL, m)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: deepText.map((text) => JSON.parse(text) as unknown) },
  );
  return model.map((m) => ({ operation: 'saveSiteModel' as const, input: { model: m } }));
}
