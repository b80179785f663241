import { dirname, join } from 'node:path';

export const DEMO_DATABASE_FILE_NAME = 'isopatch-demo.sqlite';

/**
 * The demo's own file, beside the database in use (in the user-data folder: beside isopatch.sqlite), so it
 * never mixes with real data and a test's temporary folder keeps its demo to itself.
 */
export const demoDatabasePathFor = (databasePath: string): string =>
  join(dirname(databasePath), DEMO_DATABASE_FILE_NAME);
