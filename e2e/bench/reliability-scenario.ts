// The reliability benchmark's TypeScript side, bundled by reliability.mjs with esbuild: the crash harness and the
// fuzzing the suite runs too, here with many more kills and inputs.
import { join } from 'node:path';
import { createRouter } from '../../electron/api/router';
import { openSession } from '../../electron/core/session';
import { type CrashOperation, type CrashReport, runCrashTrials } from '../../electron/testing/crash-harness';
import { type FuzzStats, fuzz } from '../../electron/testing/fuzz';
import { advisoryCases, siteModelCases } from '../../electron/testing/fuzz-documents';
import { inventoryCases, sampleWorkbooks } from '../../electron/testing/fuzz-inventory';
import { operationCases, prepareHospital } from '../../electron/testing/fuzz-operations';

export function crash(
  cli: string,
  workDir: string,
  operation: CrashOperation,
  size: number,
  kills: number,
  seed: number,
): Promise<CrashReport> {
  return runCrashTrials({ cli, workDir, operation, size, kills, seed });
}

export type FuzzTarget = 'inventory' | 'advisory' | 'site-model' | 'operations';

export async function fuzzTarget(
  dir: string,
  target: FuzzTarget,
  numRuns: number,
  seed: number,
): Promise<FuzzStats> {
  const session = await openSession(join(dir, `${target}.sqlite`), {
    osUser: 'bench',
    systemTimeZone: 'Europe/Berlin',
  });
  if (session.state !== 'open') throw new Error(session.error.message);
  let logged: unknown;
  const router = createRouter(session, {
    logError: (error) => {
      logged = error;
    },
  });
  await prepareHospital(router);
  const cases =
    target === 'inventory'
      ? inventoryCases(await sampleWorkbooks())
      : target === 'advisory'
        ? advisoryCases()
        : target === 'site-model'
          ? siteModelCases()
          : operationCases();
  try {
    return await fuzz(router, cases, { numRuns, seed, timeLimitMs: 5000, lastLogged: () => logged });
  } finally {
    const current = router.session();
    if (current.state === 'open') current.ctx.db.close();
  }
}
