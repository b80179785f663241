import { z } from 'zod';

/** One backup of the database, as the restore dialog and `isopatch restore` list them. */
export const backupFile = z.object({
  path: z.string(),
  /** When it was made (UTC, ISO 8601), read from its file name. */
  createdAt: z.string(),
  /** Why: `daily`, `before-v3` (a schema upgrade), `before-restore`. */
  reason: z.string(),
  bytes: z.number().int(),
});
export type BackupFile = z.infer<typeof backupFile>;

export const backupList = z.object({
  databasePath: z.string(),
  backupsDir: z.string(),
  /** Newest first. */
  backups: z.array(backupFile),
});
export type BackupList = z.infer<typeof backupList>;

export const restoreBackupInput = z
  .object({
    /** A backup's path as listBackups gives it, or (from the CLI) any copy of an Isopatch database. */
    backup: z.string().min(1).max(4096),
  })
  .strict();

export const restoreResult = z.object({
  databasePath: z.string(),
  restoredFrom: z.string(),
  /** Where the replaced file (and its -wal and -shm) now live; empty when there was none. Nothing is deleted. */
  keptAs: z.array(z.string()),
  /** Whether the restored file opened (it was checked first, so only a failing disk makes this false). */
  reopened: z.boolean(),
});
export type RestoreResult = z.infer<typeof restoreResult>;

/** A consistent copy of the whole database, made with SQLite's online backup API while the app runs. */
export const databaseExport = z.object({
  fileName: z.string(),
  /** The copy's bytes, base64, as every transport carries files. */
  content: z.string(),
  bytes: z.number().int(),
});
export type DatabaseExport = z.infer<typeof databaseExport>;
