/**
 * Save as PDF in the desktop app: the savePdf operation needs the window itself (webContents.printToPDF), so main
 * answers it here instead of the core, after the same checks every operation gets (a trusted sender, valid input).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import type { ApiResult } from './api/contract';
import { ipcChannel } from './api/operations';
import { type SavedPdf, type SavePdfInput, savePdfInput } from './api/schemas/reports';
import { pdfOptions } from './print-pdf-options';
import { isTrustedIpcSender } from './security';

export function registerSavePdf(entryUrl: string): void {
  const channel = ipcChannel('savePdf');
  ipcMain.removeHandler(channel);
  ipcMain.handle(channel, async (event, input: unknown): Promise<ApiResult<SavedPdf>> => {
    if (!isTrustedIpcSender(event.senderFrame?.url, entryUrl))
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not use Isopatch.' } };
    const parsed = savePdfInput.safeParse(input ?? {});
    if (!parsed.success)
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'The PDF needs a file name, a paper size and an orientation.',
        },
      };
    try {
      return { ok: true, value: await savePdf(event.sender, parsed.data), changed: [] };
    } catch (error) {
      const reason = error instanceof Error ? `: ${error.message}` : '';
      return { ok: false, error: { code: 'INTERNAL', message: `The PDF could not be saved${reason}.` } };
    }
  });
}

async function savePdf(contents: WebContents, input: SavePdfInput): Promise<SavedPdf> {
  const pdf = await contents.printToPDF(pdfOptions(input));
  const options = {
    title: 'Save the report as PDF',
    defaultPath: join(app.getPath('documents'), input.fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as (
      | 'createDirectory'
      | 'showOverwriteConfirmation'
    )[],
  };
  const window = BrowserWindow.fromWebContents(contents);
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, file: null };
  await writeFile(choice.filePath, pdf);
  return { saved: true, file: choice.filePath };
}
