import type { Migration } from '../migrate';
import initial from './0001-initial.sql';
import planning from './0002-planning.sql';
import fasterChecks from './0003-faster-checks.sql';
import rejectedRows from './0004-rejected-rows.sql';

/** Every schema version, in order. Add a file NNNN-name.sql and one line here; never edit a released one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', sql: initial },
  { version: 2, name: '0002-planning', sql: planning },
  { version: 3, name: '0003-faster-checks', sql: fasterChecks },
  { version: 4, name: '0004-rejected-rows', sql: rejectedRows },
];
