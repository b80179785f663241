import { defineConfig } from 'vitest/config';

/** Core and router tests: real SQLite, real files. Migrations are .sql files imported as text. */
export default defineConfig({
  plugins: [
    {
      name: 'sql-as-text',
      transform: (code, id) =>
        id.endsWith('.sql') ? { code: `export default ${JSON.stringify(code)};`, map: null } : null,
    },
  ],
  test: {
    include: ['electron/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['electron/testing/global-setup.ts'],
    testTimeout: 20_000,
  },
});
