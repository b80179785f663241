import { statSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../core/devices/import/limits';
import { CliError } from './exit-codes';

/** Documented limits (README, "Reliability"), checked on the file's size before a byte of it is read. */
export const MAX_FILE_BYTES = {
  inventory: MAX_IMPORT_BYTES,
  /** As importAdvisoryInput allows. */
  advisory: 20 * 1024 * 1024,
  /** A site model of thousands of departments is well under 1 MB. */
  siteModel: 10 * 1024 * 1024,
} as const;

/** Refuses a file past its limit in one sentence, so a huge or endless file (/dev/zero) never fills memory. */
export function assertFileSize(path: string, kind: keyof typeof MAX_FILE_BYTES): void {
  let size: number;
  let isFile: boolean;
  try {
    const stat = statSync(path);
    size = stat.size;
    isFile = stat.isFile();
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new CliError(`The file ${path} ${reason}.`);
  }
  const limit = MAX_FILE_BYTES[kind];
  if (!isFile) throw new CliError(`${path} is not a regular file; nothing was read.`);
  if (size > limit)
    throw new CliError(
      `${path} is larger than the ${limit / 1024 / 1024} MB ${kind === 'inventory' ? 'an inventory' : kind === 'advisory' ? 'an advisory' : 'a site model'} may have; nothing was read.`,
    );
}
