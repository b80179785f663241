/**
 * The desktop shell's security decisions as pure functions, so each rule has a table test.
 * Nothing here imports Electron at run time; main.ts wires these into Electron's hooks.
 */
import type { WebPreferences } from 'electron';

/** Only the app's own files: no remote origin, no inline script, no eval. */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same in the page's meta tag, where browsers ignore frame-ancestors and log an error; the header has it. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join(
  '; ',
);

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

const withoutHash = (url: string) => url.split('#')[0];

/** The window may only ever show the app's own entry page (a reload included). */
export function isAllowedNavigation(targetUrl: string, appEntryUrl: string): boolean {
  return withoutHash(targetUrl) === withoutHash(appEntryUrl);
}

/** Requests the renderer may make: files of the app's own folder, and devtools. Nothing from a network. */
export function isAllowedRequest(requestUrl: string, appRootUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return false;
  }
  // blob: is the page's own data (a CSV the person saves); it never leaves the machine.
  if (url.protocol === 'devtools:' || url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (url.protocol !== 'file:') return false;
  const root = appRootUrl.endsWith('/') ? appRootUrl : `${appRootUrl}/`;
  return url.href.startsWith(root) && !decodeURIComponent(url.pathname).includes('/../');
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedIpcSender(senderUrl: string | undefined, appEntryUrl: string): boolean {
  return senderUrl !== undefined && isAllowedNavigation(senderUrl, appEntryUrl);
}

/** Camera, microphone, geolocation, notifications, opening external apps...: Isopatch needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

export const WINDOW_OPEN_DENIED = { action: 'deny' } as const;
