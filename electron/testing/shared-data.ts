import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** ../shared/data beside the clone: present on our machines and in CI, absent in a user's clone. */
export const SHARED_DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export function sharedDataDir(sub: string): string | undefined {
  const dir = join(SHARED_DATA, sub);
  if (existsSync(dir)) return dir;
  console.warn(
    `Real-data corpus tests over ${dir} were not run: the folder is not present beside this clone.`,
  );
  return undefined;
}
