/** The desktop shell: app lifecycle, the window, the menu and the IPC transport. All rules live in security.ts. */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, ipcMain, Menu, type Session, session } from 'electron';
import { ipcChannel, operationNames } from './api/operations';
import { resolveDatabasePath } from './core/db/location';
import { closeSession } from './core/session';
import { openSwitchingRouter } from './demo-switch';
import { saveDialogFor } from './downloads';
import { registerSavePdf } from './print-pdf';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  isTrustedIpcSender,
  secureWebPreferences,
  WINDOW_OPEN_DENIED,
} from './security';

const rendererDir = join(__dirname, '..', 'renderer');
const entryUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const rendererRootUrl = `${pathToFileURL(rendererDir).href}/`;
let mainWindow: BrowserWindow | undefined;

app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, entryUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => WINDOW_OPEN_DENIED);
});

if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}

async function start() {
  await app.whenReady();
  harden(session.defaultSession);
  const databasePath = resolveDatabasePath({ flag: databaseFlag(), userDataDir: app.getPath('userData') });
  const sessionOptions = {
    nativeBinding: developmentNativeBinding(),
    // Worker threads cannot load scripts from inside app.asar; electron-builder unpacks this one.
    jobWorkerScript: join(__dirname, 'job-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`),
  };
  // After a restore (the refused-database dialog) the router opens the file in use again the same way;
  // "Explore the demo hospital" and "Leave the demo" switch files (demo-switch.ts).
  const router = await openSwitchingRouter({ databasePath, sessionOptions });
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) =>
      isTrustedIpcSender(event.senderFrame?.url, entryUrl)
        ? router.dispatch(name, input)
        : { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not use Isopatch.' } },
    );
  }
  // Save as PDF needs the window (printToPDF), so main answers that one operation itself (print-pdf.ts).
  registerSavePdf(entryUrl);
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    void closeSession(router.session()).finally(() => app.quit());
  });
}

function harden(target: Session) {
  target.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  target.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  // "Export database..." and other saves arrive as downloads of the page's own data: always ask where.
  target.on('will-download', (_event, item) => item.setSaveDialogOptions(saveDialogFor(item.getFilename())));
  target.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, rendererRootUrl) }),
  );
  target.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Isopatch',
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    icon: join(__dirname, '..', '..', 'resources', 'icons', 'icon.png'),
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]);
}

/** `--db FILE` on the command line (Electron passes its own flags too, so unknown ones are ignored). */
function databaseFlag(): string | undefined {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.db === 'string' ? values.db : undefined;
}

/**
 * In development node_modules holds better-sqlite3 built for Node (the CLI and tests use it); `npm start`
 * builds a second copy for Electron's ABI into dist/native. A packaged app has only the Electron build.
 */
function developmentNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const binding = join(
    app.getAppPath(),
    'dist',
    'native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node',
  );
  return existsSync(binding) ? binding : undefined;
}
