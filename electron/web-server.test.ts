import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRouter } from './api/router';
import { openTestSession, tempDir } from './testing/temp';
import { type RunningWebServer, startWebServer, TOKEN_HEADER } from './web-server';

async function startServer(): Promise<RunningWebServer> {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Isopatch</title>');
  const server = await startWebServer({
    router: createRouter(await openTestSession()),
    staticDir,
    maxBodyBytes: 1024,
  });
  onTestFinished(() => server.close());
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be anything an attacker's page could send. */
function send(
  server: RunningWebServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'POST',
        headers: { host: url.host, 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '{}');
  });
}

describe('the web transport', () => {
  it('binds to 127.0.0.1 on a random port and hands out a long token in the fragment', async () => {
    const server = await startServer();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an operation with the token', async () => {
    const server = await startServer();
    const reply = await send(server, '/api/getSettings', { headers: { [TOKEN_HEADER]: server.token } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { siteName: 'Main site' } });
  });

  it.each([
    '/api/getSettings',
    '/api/updateSettings',
    '/api/no-such-operation',
    '/api/',
    '/api/../api/getStatus',
  ])('refuses %s without the token before anything else', async (path) => {
    const server = await startServer();
    expect((await send(server, path)).status).toBe(401);
    expect((await send(server, path, { headers: { [TOKEN_HEADER]: 'wrong' } })).status).toBe(401);
    expect((await send(server, path, { headers: { [TOKEN_HEADER]: `${server.token}x` } })).status).toBe(401);
    expect((await send(server, path, { headers: { host: 'evil.example:80' } })).status).toBe(401);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }],
    ['a Host on another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['an Origin on another port', { origin: 'http://127.0.0.1:1' }],
    ['the null Origin', { origin: 'null' }],
  ])('refuses %s even with the token', async (_case, headers) => {
    const server = await startServer();
    const reply = await send(server, '/api/updateSettings', {
      headers: { [TOKEN_HEADER]: server.token, ...headers },
      body: JSON.stringify({ organizationName: 'Hacked', siteTimeZone: 'UTC' }),
    });
    expect(reply.status).toBe(403);
    const check = await send(server, '/api/getSettings', { headers: { [TOKEN_HEADER]: server.token } });
    expect(JSON.parse(check.body).value.organizationName).toBe('');
  });

  it('answers bad bodies with plain HTTP errors and validation failures with typed results', async () => {
    const server = await startServer();
    const headers = { [TOKEN_HEADER]: server.token };
    expect((await send(server, '/api/getStatus', { headers, body: '{not json' })).status).toBe(400);
    expect((await send(server, '/api/getStatus', { headers, body: 'x'.repeat(2048) })).status).toBe(413);
    expect((await send(server, '/api/getStatus', { headers, method: 'GET', body: '' })).status).toBe(405);
    const invalid = await send(server, '/api/updateSettings', { headers, body: '{"organizationName":""}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the renderer with a strict Content-Security-Policy, and nothing outside it', async () => {
    const server = await startServer();
    const page = await send(server, '/', { method: 'GET', body: '' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Isopatch</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(server, '/../../../../etc/passwd', { method: 'GET', body: '' })).status).toBe(404);
    expect((await send(server, '/%2e%2e/%2e%2e/etc/passwd', { method: 'GET', body: '' })).status).toBe(404);
    expect(
      (await send(server, '/', { method: 'GET', body: '', headers: { host: 'evil.example' } })).status,
    ).toBe(403);
  });
});
