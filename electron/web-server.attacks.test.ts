import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from './testing/temp';
import { isLoopback, TOKEN_HEADER } from './web-server';

/**
 * The web transport against requests from elsewhere: the rules web-server.test.ts does not cover (the token,
 * Host and Origin checks are there). Each test starts `node dist/electron/web.cjs` as `npm run start:web` does.
 */
const WEB = join(import.meta.dirname, '..', 'dist', 'electron', 'web.cjs');

async function startWeb() {
  const child = spawn(process.execPath, [WEB, '--db', join(tempDir(), 'isopatch.sqlite'), '--port', '0']);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(stdout);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`web.cjs exited with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  onTestFinished(stop);
  return { url, token: url.hash.replace('#token=', ''), logs: () => ({ stdout, stderr }), stop };
}

function send(host: string, port: string, path: string, headers: Record<string, string>, body = '{}') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host, port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('requests from outside this computer', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:192.168.1.20', false],
    ['fe80::1', false],
    ['0.0.0.0', false],
    [undefined, false],
  ])('a request from %s counts as this computer: %s', (address, loopback) => {
    expect(isLoopback(address)).toBe(loopback);
  });

  it('cannot even connect through any other address of this machine: the server listens on 127.0.0.1 only', async (context) => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && !info.internal && info.family === 'IPv4')
      .map((info) => info?.address ?? '');
    if (others.length === 0) context.skip(); // a machine with loopback only: nothing to connect from
    const web = await startWeb();
    for (const address of others) {
      const attempt = send(address, web.url.port, '/api/getStatus', { [TOKEN_HEADER]: web.token });
      await expect(attempt).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
  });
});

describe('the token', () => {
  it('is accepted only in its header, never from the address, where logs and history would keep it', async () => {
    const web = await startWeb();
    const port = web.url.port;
    expect((await send('127.0.0.1', port, `/api/getStatus?token=${web.token}`, {})).status).toBe(401);
    expect((await send('127.0.0.1', port, `/api/getStatus#token=${web.token}`, {})).status).toBe(401);
    expect(
      (await send('127.0.0.1', port, '/api/getStatus', { authorization: `Bearer ${web.token}` })).status,
    ).toBe(401);
    expect((await send('127.0.0.1', port, '/api/getStatus', { [TOKEN_HEADER]: web.token })).status).toBe(200);
  });

  it('never appears in what the server writes, except the one address it prints to open', async () => {
    const web = await startWeb();
    const port = web.url.port;
    const good = { [TOKEN_HEADER]: web.token };
    await send('127.0.0.1', port, '/api/getStatus', { [TOKEN_HEADER]: `${web.token}x` });
    await send('127.0.0.1', port, '/api/getStatus', { ...good, origin: 'http://evil.example' });
    await send('127.0.0.1', port, '/api/getStatus', good, '{not json');
    await send(
      '127.0.0.1',
      port,
      '/api/importDevices',
      good,
      JSON.stringify({ fileName: web.token, content: 'AAAA' }),
    );
    await send(
      '127.0.0.1',
      port,
      '/api/restoreBackup',
      good,
      JSON.stringify({ backup: `/tmp/${web.token}` }),
    );
    await web.stop();
    const { stdout, stderr } = web.logs();
    expect(stdout.split(web.token)).toHaveLength(2);
    expect(stdout).toContain(`${web.url.origin}/#token=${web.token}`);
    expect(stderr).not.toContain(web.token);
  });
});
