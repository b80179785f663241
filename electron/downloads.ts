/**
 * Files the page hands over to save (an exported database, a CSV of rejected rows) go through Electron's download,
 * which asks where to save them. These are the save dialog's options, as a pure function with a test.
 */
import type { SaveDialogOptions } from 'electron';

export function saveDialogFor(fileName: string): SaveDialogOptions {
  const isDatabase = fileName.endsWith('.sqlite');
  return {
    title: isDatabase ? 'Export database' : 'Save file',
    defaultPath: fileName,
    filters: isDatabase
      ? [{ name: 'Isopatch database (SQLite)', extensions: ['sqlite'] }]
      : [{ name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
