import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract } from './api/contract';
import { saveDialogFor } from './downloads';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from './security';
import { tempDir } from './testing/temp';

/**
 * The bundled main process (dist/electron/main.cjs) run against a recording stand-in for `electron`: the Electron
 * binary cannot be downloaded here, so this proves that main.ts wires each rule of security.ts into the hook it
 * belongs to. e2e/electron.spec.ts checks the same in the real app wherever Electron runs.
 */
type Listener = (...args: unknown[]) => unknown;
const DIST = join(import.meta.dirname, '..', 'dist', 'electron');

async function startMain() {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const sessionListeners = new Map<string, Listener>();
  const ipc = new Map<string, Listener>();
  const windows: { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[] = [];
  const hooks: Record<string, Listener> = {};
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const electron = {
    app: {
      enableSandbox: () => calls.push('enableSandbox'),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      requestSingleInstanceLock: () => true,
      whenReady: () => {
        calls.push('whenReady');
        return whenReady;
      },
      getPath: () => tempDir(),
      getAppPath: () => join(DIST, '..', '..'),
      isPackaged: false,
      quit: () => calls.push('quit'),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          hooks.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          hooks.permissionCheck = handler;
        },
        on: (event: string, listener: Listener) => sessionListeners.set(event, listener),
        webRequest: {
          onBeforeRequest: (handler: Listener) => {
            hooks.beforeRequest = handler;
          },
          onHeadersReceived: (handler: Listener) => {
            hooks.headersReceived = handler;
          },
        },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        if (ipc.has(channel)) throw new Error(`a second handler for ${channel}`); // as Electron does
        ipc.set(channel, handler);
      },
      removeHandler: (channel: string) => ipc.delete(channel),
    },
    dialog: {},
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => calls.push('menu'),
    },
    BrowserWindow: class {
      readonly loaded: string[] = [];
      constructor(readonly options: { webPreferences: Record<string, unknown> }) {
        windows.push(this);
      }
      once() {}
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
    },
  };
  const file = join(DIST, 'main.cjs');
  const realRequire = createRequire(file);
  const module = { exports: {} };
  const run = new Function(
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    readFileSync(file, 'utf8'),
  );
  const argv = process.argv;
  process.argv = [process.execPath, file, '--db', join(tempDir(), 'isopatch.sqlite')];
  try {
    run((id: string) => (id === 'electron' ? electron : realRequire(id)), module, module.exports, DIST, file);
  } finally {
    process.argv = argv;
  }
  const beforeReady = [...calls];
  ready();
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const wait = () => {
      if (windows.length > 0) resolve();
      else if (Date.now() - started > 10_000) reject(new Error('main.cjs opened no window'));
      else setTimeout(wait, 10);
    };
    wait();
  });
  const stop = async () => {
    await appListeners.get('window-all-closed')?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { beforeReady, calls, appListeners, sessionListeners, ipc, windows, hooks, stop };
}

const entryUrl = pathToFileURL(join(DIST, '..', 'renderer', 'index.html')).href;

describe('the main process as built', () => {
  it('enables the sandbox before anything else and opens one window with the secure preferences', async () => {
    const main = await startMain();
    expect(main.beforeReady[0]).toBe('enableSandbox');
    expect(main.windows).toHaveLength(1);
    const preferences = main.windows[0]?.options.webPreferences;
    expect(preferences).toEqual(secureWebPreferences(join(DIST, 'preload.cjs')));
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(main.windows[0]?.loaded).toEqual([entryUrl]);
    await main.stop();
  });

  it('denies navigation, redirects, webviews and window.open in every web contents', async () => {
    const main = await startMain();
    const listeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    main.appListeners.get('web-contents-created')?.(
      {},
      {
        on: (event: string, listener: Listener) => listeners.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => {
          openHandler = handler;
        },
      },
    );
    const prevented = (event: string, url?: string) => {
      let stopped = false;
      listeners.get(event)?.({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', `${entryUrl}#/devices`)).toBe(false);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    await main.stop();
  });

  it('denies every permission, cancels every request that is not a file of the app, and sets the CSP', async () => {
    const main = await startMain();
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal'])
      main.hooks.permissionRequest?.({}, permission, (answer: boolean) => granted.push(answer));
    expect(granted).toEqual([false, false, false, false]);
    expect(main.hooks.permissionCheck?.({}, 'clipboard-read')).toBe(false);
    const cancel = (url: string) => {
      let answer: unknown;
      main.hooks.beforeRequest?.({ url }, (response: unknown) => {
        answer = response;
      });
      return answer;
    };
    expect(cancel('https://fonts.example/font.woff2')).toEqual({ cancel: true });
    expect(cancel('file:///etc/passwd')).toEqual({ cancel: true });
    expect(cancel(new URL('assets/index.js', entryUrl).href)).toEqual({ cancel: false });
    let headers: unknown;
    main.hooks.headersReceived?.({ responseHeaders: { 'X-Other': ['1'] } }, (response: unknown) => {
      headers = response;
    });
    expect(headers).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    await main.stop();
  });

  it("answers IPC on exactly the contract's channels, and only for the app's own page", async () => {
    const main = await startMain();
    expect([...main.ipc.keys()].sort()).toEqual(
      Object.keys(contract)
        .map((name) => `isopatch:${name}`)
        .sort(),
    );
    const getStatus = main.ipc.get('isopatch:getStatus');
    expect(await getStatus?.({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await getStatus?.({ senderFrame: undefined }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await getStatus?.({ senderFrame: { url: entryUrl } }, {})).toMatchObject({ ok: true });
    await main.stop();
  });

  it('asks where to save an exported database, with a save dialog of its own', async () => {
    const main = await startMain();
    let options: unknown;
    main.sessionListeners.get('will-download')?.(
      {},
      {
        getFilename: () => 'isopatch-20261129-1000.sqlite',
        setSaveDialogOptions: (given: unknown) => {
          options = given;
        },
      },
    );
    expect(options).toEqual(saveDialogFor('isopatch-20261129-1000.sqlite'));
    expect(options).toMatchObject({ title: 'Export database', filters: [{ extensions: ['sqlite'] }] });
    await main.stop();
  });
});
