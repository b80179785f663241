/** `npm run start:web`: the app in a browser, for machines where the Electron runtime cannot be downloaded. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRouter } from './api/router';
import { resolveDatabasePath } from './core/db/location';
import { closeSession, openSession } from './core/session';
import { startWebServer } from './web-server';

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '0' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const session = await openSession(resolveDatabasePath({ flag: values.db }), {
    jobWorkerScript: join(__dirname, 'job-worker.cjs'),
  });
  if (session.state === 'refused') console.error(session.error.message);
  const server = await startWebServer({
    router: createRouter(session),
    staticDir: join(__dirname, '..', 'renderer'),
    port,
  });
  console.log(`Isopatch is running. Open this address in your browser:\n${server.url}`);

  const stop = async () => {
    await server.close();
    await closeSession(session);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Isopatch could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
