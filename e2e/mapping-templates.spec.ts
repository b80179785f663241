import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

const shot = (name: string) => ({ path: `e2e/.artifacts/screens/templates-${name}.png` });

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const PHILIPS = csvFile(
  'philips.csv',
  'Asset Tag,Model,Serial No,Room,Notes\nP-1,IntelliVue MX450,S1,Room 1,loan\nP-2,IntelliVue MX550,S2,Room 2,\n',
);
const GE = csvFile('ge.csv', 'Asset Tag,Model,Location\nG-1,CARESCAPE B450,Room 3\n');
const GERMAN = csvFile('de.csv', 'Inventarnummer,Modell\nD-1,Symbia T16\n');

async function openWizardWith(page: Page, file: ReturnType<typeof csvFile>) {
  await page.getByLabel('Choose an inventory file').setInputFiles(file);
  await expect(page.getByRole('heading', { name: file.name })).toBeVisible();
}

test('mapping templates: save, refuse a taken name unless replaced, rename, apply with a count, delete', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('link', { name: 'Import devices' }).click();
  await openWizardWith(page, PHILIPS);
  const templates = page.getByRole('region', { name: 'Mapping templates' });
  const saved = templates.getByRole('list', { name: 'Saved templates' });

  await templates.getByLabel('Save this mapping as').fill('Philips CMMS');
  await templates.getByRole('button', { name: 'Save template' }).click();
  await expect(templates.getByRole('status').first()).toHaveText('Saved as "Philips CMMS".');
  await expect(saved.getByRole('listitem')).toHaveText([/Philips CMMS\s*5 columns/]);

  // The same name again asks first; keeping it changes nothing, replacing it says so.
  await templates.getByLabel('Save this mapping as').fill('Philips CMMS');
  await templates.getByLabel('Save this mapping as').press('Enter');
  await expect(templates.getByText('A template is already called "Philips CMMS".')).toBeVisible();
  await expect(templates.getByRole('button', { name: 'Replace "Philips CMMS"' })).toBeFocused();
  await templates.getByRole('button', { name: 'Keep it' }).click();
  await expect(templates.getByRole('button', { name: 'Replace "Philips CMMS"' })).toBeHidden();
  await templates.getByRole('button', { name: 'Save template' }).click();
  // The question's first button takes the focus once it is shown; Enter then answers it.
  await expect(templates.getByRole('button', { name: 'Replace "Philips CMMS"' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(templates.getByRole('status').first()).toHaveText('Replaced "Philips CMMS".');
  await expect(saved.getByRole('listitem')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);

  // Rename with the keyboard; Escape leaves it as it was.
  await saved.getByRole('button', { name: 'Rename "Philips CMMS"…' }).focus();
  await page.keyboard.press('Enter');
  await expect(saved.getByLabel('New name for "Philips CMMS"')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(saved.getByRole('button', { name: 'Rename "Philips CMMS"…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await saved.getByLabel('New name for "Philips CMMS"').fill('Philips CMMS 2024');
  await page.keyboard.press('Enter');
  await expect(templates.getByRole('status').first()).toHaveText(
    'Renamed "Philips CMMS" to "Philips CMMS 2024".',
  );
  await expect(saved.getByRole('button', { name: 'Rename "Philips CMMS 2024"…' })).toBeFocused();

  // Another file: the template applies to the columns it has, and says which it has not.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await openWizardWith(page, GE);
  await templates.getByRole('button', { name: 'Apply "Philips CMMS 2024"' }).click();
  await expect(templates.getByText(/^Applied "Philips CMMS 2024"/)).toHaveText(
    'Applied "Philips CMMS 2024": 2 of its 5 columns are in this file; 3 are not: "Serial No", "Room", "Notes".',
  );
  await expect(page.getByLabel('Field for column Asset Tag')).toHaveValue('assetTag');
  await expectNoSeriousAxeViolations(page);
  await templates.scrollIntoViewIfNeeded();
  await page.screenshot(shot('applied'));

  // A file with none of its columns: refused, in words.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await openWizardWith(page, GERMAN);
  await templates.getByRole('button', { name: 'Apply "Philips CMMS 2024"' }).click();
  await expect(templates.getByRole('alert')).toHaveText(
    '"Philips CMMS 2024" was not applied: none of its 5 columns are in this file ("Asset Tag", "Model", "Serial No", "Room", "Notes").',
  );
  await expect(page.getByLabel('Field for column Inventarnummer')).toHaveValue('assetTag');

  // Delete asks first.
  await saved.getByRole('button', { name: 'Delete "Philips CMMS 2024"…' }).click();
  await expect(
    templates.getByText('Delete the template? Imports made with it keep their mapping.'),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await templates.scrollIntoViewIfNeeded();
  await page.screenshot(shot('delete-question'));
  await saved.getByRole('button', { name: 'Keep it' }).click();
  await expect(saved.getByRole('button', { name: 'Delete "Philips CMMS 2024"…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(saved.getByRole('button', { name: 'Delete "Philips CMMS 2024"' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(templates.getByRole('status').first()).toHaveText('Deleted "Philips CMMS 2024".');
  await expect(saved).toBeHidden();
  await expect(templates.getByRole('heading', { name: 'Mapping templates' })).toBeFocused();
});

test("a device's install date is a native date input, which always gives YYYY-MM-DD", async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('link', { name: 'Import devices' }).click();
  await openWizardWith(page, GE);
  await page.getByRole('button', { name: 'Import 1 device' }).click();
  await page.getByRole('link', { name: 'Show devices' }).click();
  await page.getByRole('button', { name: 'G-1' }).click();
  const drawer = page.getByRole('complementary', { name: /G-1/ });
  const installDate = drawer.getByLabel('Install date');
  // The picker and the order of day, month and year follow the browser's locale (13.02.2011 in German); this
  // headless Chromium is American, so the keyboard takes the month first. The value is YYYY-MM-DD either way.
  await expect(installDate).toHaveAttribute('type', 'date');
  await installDate.focus();
  await installDate.pressSequentially('02132011');
  await expect(installDate).toHaveValue('2011-02-13');
  await page.keyboard.press('Tab');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(drawer.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(drawer).toContainText('2011-02-13');
  await expectNoSeriousAxeViolations(page);
});
