import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  isTrustedIpcSender,
  secureWebPreferences,
  WINDOW_OPEN_DENIED,
} from './security';

const entry = 'file:///opt/Isopatch/resources/app.asar/dist/renderer/index.html';
const root = 'file:///opt/Isopatch/resources/app.asar/dist/renderer/';

describe('navigation', () => {
  it.each([
    [entry, true],
    [`${entry}#/settings`, true],
    ['file:///opt/Isopatch/resources/app.asar/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['https://example.org/', false],
    ['http://127.0.0.1:8080/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url, entry)).toBe(allowed);
  });
});

describe('requests', () => {
  it.each([
    [`${root}assets/index.js`, true],
    [`${root}index.html`, true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:file:///5c5e0f2a-2d6c-4a4e-9a1e-3f0e7e0d9b1a', true],
    ['file:///etc/passwd', false],
    [`${root}../../secrets.txt`, false],
    ['file:///opt/Isopatch/resources/app.asar/dist/renderer-evil/x.js', false],
    ['https://fonts.googleapis.com/css', false],
    ['http://localhost:3000/', false],
    ['ws://127.0.0.1:9229/', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedRequest(url, root)).toBe(allowed);
  });
});

describe('IPC senders', () => {
  it.each([
    [entry, true],
    [`${entry}#/devices`, true],
    [undefined, false],
    ['https://example.org/', false],
    ['file:///tmp/evil.html', false],
  ])('%s trusted: %s', (url, trusted) => {
    expect(isTrustedIpcSender(url, entry)).toBe(trusted);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'clipboard-read',
    'fullscreen',
    'hid',
    'serial',
    'usb',
  ])('%s is denied', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });

  it('window.open is denied', () => {
    expect(WINDOW_OPEN_DENIED).toEqual({ action: 'deny' });
  });
});

describe('web preferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  it('defaults to nothing and allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('allows no eval, no inline script and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
