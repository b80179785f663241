import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATABASE_FILE_NAME = 'isopatch.sqlite';
const PRODUCT_NAME = 'Isopatch';

/** The folder Electron's app.getPath('userData') gives for productName Isopatch, so the CLI and the app share one database. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** `--db FILE` wins, then ISOPATCH_DB, then the user-data folder. */
export function resolveDatabasePath(options: {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  userDataDir?: string;
}): string {
  const env = options.env ?? process.env;
  if (options.flag) return resolve(options.flag);
  if (env.ISOPATCH_DB) return resolve(env.ISOPATCH_DB);
  return join(options.userDataDir ?? defaultUserDataDir(process.platform, env), DATABASE_FILE_NAME);
}

export const backupsDirFor = (databasePath: string): string => join(databasePath, '..', 'backups');
