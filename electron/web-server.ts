import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Router } from './api/router';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The loopback transport for development and browser tests. Binds 127.0.0.1 only; every /api request must
 * carry the per-run token (checked before anything else), a Host naming this server and no foreign Origin.
 */
export interface WebServerOptions {
  readonly router: Router;
  readonly staticDir: string;
  readonly port?: number;
  readonly token?: string;
  readonly maxBodyBytes?: number;
}

export interface RunningWebServer {
  readonly origin: string;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-isopatch-token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // A 64 MB inventory (the import limit) travels as base64 inside JSON: about 86 MB.
  const maxBodyBytes = options.maxBodyBytes ?? 96 * 1024 * 1024;
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      send(response, 500, { error: 'The request could not be handled.' }),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!isLoopback(request.socket.remoteAddress))
      return send(response, 403, { error: 'Only this computer.' });
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/')) {
      if (!hasToken(request.headers[TOKEN_HEADER], token))
        return send(response, 401, { error: 'Token required.' });
      if (!isOwnHost(request.headers.host, port)) return send(response, 403, { error: 'Foreign Host.' });
      if (!isOwnOrigin(request.headers.origin, port))
        return send(response, 403, { error: 'Foreign Origin.' });
      if (request.method !== 'POST') return send(response, 405, { error: 'Use POST.' });
      const body = await readBody(request, maxBodyBytes);
      if (body === 'too-large') return send(response, 413, { error: 'The request is too large.' });
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return send(response, 400, { error: 'The request body is not JSON.' });
      }
      return send(response, 200, await options.router.dispatch(decodeURIComponent(path.slice(5)), input));
    }
    if (!isOwnHost(request.headers.host, port)) return send(response, 403, { error: 'Foreign Host.' });
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'Use GET.' });
    return serveStatic(options.staticDir, path, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** DNS rebinding defence: a page of another site that resolves to 127.0.0.1 still sends its own Host. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}

function hasToken(received: string | string[] | undefined, token: string): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(received);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(root: string, urlPath: string, response: ServerResponse) {
  const relative = normalize(decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath));
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep))
    return send(response, 404, { error: 'Not found.' });
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return send(response, 404, { error: 'Not found.' });
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
  });
  response.end(content);
}

function send(response: ServerResponse, status: number, body: unknown) {
  if (response.headersSent) return response.end();
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
