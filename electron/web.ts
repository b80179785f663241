/** `npm run start:web`: the app in a browser, for machines where the Electron runtime cannot be downloaded. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from './core/db/location';
import { closeSession } from './core/session';
import { openSwitchingRouter } from './demo-switch';
import { startWebServer } from './web-server';

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, demo: { type: 'boolean' } },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const databasePath = resolveDatabasePath({ flag: values.db });
  const sessionOptions = { jobWorkerScript: join(__dirname, 'job-worker.cjs') };
  // --demo opens the demo hospital's own file (created on first use); the app can switch either way later.
  const router = await openSwitchingRouter({
    databasePath,
    sessionOptions,
    startInDemo: values.demo === true,
  });
  const session = router.session();
  if (session.state === 'refused') console.error(session.error.message);
  const server = await startWebServer({
    router,
    staticDir: join(__dirname, '..', 'renderer'),
    port,
  });
  console.log(`Isopatch is running. Open this address in your browser:\n${server.url}`);

  const stop = async () => {
    await server.close();
    await closeSession(router.session());
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Isopatch could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
