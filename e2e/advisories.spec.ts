import { join } from 'node:path';
import { expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '..', 'electron', 'core', 'advisories', 'fixtures');

test('the bundled advisories are listed, and a CSAF file with findings is imported only on purpose', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisories' }).click();
  const list = page.getByRole('region', { name: /advisories$/ });
  await expect(list.getByRole('rowheader', { name: 'ICSMA-17-215-01' })).toBeVisible();
  await expect(list.getByRole('rowheader', { name: 'ICSMA-17-215-02' })).toBeVisible();

  await page.getByLabel('Choose a CSAF file').setInputFiles(join(FIXTURES, 'range-in-version.json'));
  await expect(
    page.getByRole('heading', { name: 'ISOPATCH-TEST-2026-002 version 1: Not imported' }),
  ).toBeVisible();
  await expect(
    page.getByText('Test 6.1.31 at /product_tree/branches/0/branches/1/branches/0/name'),
  ).toBeVisible();
  await expect(page.getByText(/without a product status; counted as affected until reviewed/)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/advisories-findings.png', fullPage: true });

  await page.getByRole('button', { name: /Import anyway/ }).click();
  await expect(
    page.getByRole('heading', { name: 'ISOPATCH-TEST-2026-002 version 1: Imported' }),
  ).toBeVisible();
  await expect(list.getByRole('rowheader', { name: 'ISOPATCH-TEST-2026-002' })).toBeVisible();
  await expect(list.getByRole('row', { name: /ISOPATCH-TEST-2026-002/ })).toContainText(
    'imported with validation findings',
  );
  await page.screenshot({ path: 'e2e/.artifacts/screens/advisories-imported.png', fullPage: true });
});
