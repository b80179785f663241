/**
 * Generated hostile input for the importers and every router operation, and the property each must keep: an answer
 * within a time bound, a result of the contract's shape (a typed error, never an unexpected one), and a database
 * unchanged by anything rejected. Used by the suite (hundreds of inputs) and `npm run bench` (tens of thousands).
 * The generated cases are in fuzz-inventory.ts, fuzz-documents.ts and fuzz-operations.ts. No vitest import, so the
 * benchmark can bundle them.
 */
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { contract, type ErrorCode, type OperationName } from '../api/contract';
import type { Router } from '../api/router';
import { tableChecksums } from './table-checksums';

export interface FuzzCase {
  readonly operation: OperationName;
  readonly input: unknown;
}

export interface FuzzStats {
  inputs: number;
  accepted: number;
  rejected: number;
  slowestMs: number;
  readonly codes: Record<string, number>;
}

export const newStats = (): FuzzStats => ({ inputs: 0, accepted: 0, rejected: 0, slowestMs: 0, codes: {} });

/** Every code a caller may meet; INTERNAL among them means an unexpected exception, which the fuzzing counts as a bug. */
const EXPECTED_CODES = {
  INVALID_INPUT: true,
  NOT_FOUND: true,
  CONFLICT: true,
  DATABASE_REFUSED: true,
  UNKNOWN_OPERATION: true,
  FORBIDDEN: true,
  CANCELLED: true,
  DISK_FULL: true,
  INTERNAL: false,
} satisfies Record<ErrorCode, boolean>;

const openDb = (router: Router): Database.Database => {
  const session = router.session();
  if (session.state !== 'open') throw new Error(`the database is not open: ${session.error.message}`);
  return session.ctx.db;
};

/** Dispatches one case and throws, naming what broke, unless every property holds. */
export async function checkCase(
  router: Router,
  c: FuzzCase,
  timeLimitMs: number,
  stats: FuzzStats,
  lastLogged: () => unknown = () => undefined,
) {
  const before = tableChecksums(openDb(router));
  const started = performance.now();
  const result = await router.dispatch(c.operation, c.input);
  const ms = performance.now() - started;
  stats.inputs++;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  const where = `${c.operation}(${preview(c.input)})`;
  if (ms > timeLimitMs) throw new Error(`${where} took ${ms.toFixed(0)} ms, more than ${timeLimitMs} ms`);

  if (result.ok) {
    const output = contract[c.operation].output.safeParse(result.value);
    if (!output.success)
      throw new Error(`${where} answered a value outside the contract: ${output.error.message}`);
    // An advisory with findings and no confirmation is answered, not imported: it must change nothing either.
    const refusedAdvisory = (result.value as { status?: unknown }).status === 'rejected';
    if (!refusedAdvisory) {
      stats.accepted++;
      return;
    }
  } else {
    const { code, message } = result.error;
    stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    if (EXPECTED_CODES[code] !== true) {
      const logged = lastLogged();
      throw new Error(
        `${where} failed with ${code}: ${message}\n${logged instanceof Error ? logged.stack : String(logged)}`,
      );
    }
    if (typeof message !== 'string' || message.trim() === '')
      throw new Error(`${where} failed without a message`);
  }
  stats.rejected++;
  const after = tableChecksums(openDb(router));
  const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
  if (changed.length > 0) throw new Error(`${where} was rejected but changed ${changed.join(', ')}`);
}

/** Runs `numRuns` generated cases through checkCase; fast-check shrinks a failure to its smallest form. */
export async function fuzz(
  router: Router,
  cases: fc.Arbitrary<FuzzCase>,
  options: { numRuns: number; seed?: number; timeLimitMs: number; lastLogged?: () => unknown },
): Promise<FuzzStats> {
  const stats = newStats();
  await fc.assert(
    fc.asyncProperty(cases, (c) => checkCase(router, c, options.timeLimitMs, stats, options.lastLogged)),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
  );
  return stats;
}

export const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const preview = (input: unknown) => {
  let text: string;
  try {
    text = JSON.stringify(input) ?? String(input);
  } catch {
    return '(nested too deeply to show)'; // JSON.stringify recurses; thousands of levels overflow its stack
  }
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
};
