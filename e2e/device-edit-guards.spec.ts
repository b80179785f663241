import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, openApp, test, type WebApp } from './fixtures';
import { api } from './reports-hospital';

const shot = (name: string) => ({ path: `e2e/.artifacts/screens/device-edit-guards-${name}.png` });

/** Four CT scanners the advisories do not name (so not assessed), each installed on the last day of 2015. */
const INVENTORY = [
  'Asset Tag,Serial,Manufacturer,Model,Department,Install Date',
  ...[1, 2, 3, 4].map((n) => `A-00${n},SN-${n},GE,Revolution CT,Radiology,2015-12-31`),
].join('\n');

const importInventory = (app: WebApp) =>
  api(app, 'importDevices', {
    fileName: 'cmms.csv',
    content: Buffer.from(INVENTORY).toString('base64'),
    options: {},
  });

interface Row {
  id: number;
  assetTag: string | null;
  installDate: string | null;
  state: string;
  stateReason: string | null;
}
const listed = async (app: WebApp) =>
  (await api<{ total: number; rows: Row[] }>(app, 'listDevices', { limit: 100 })).rows;
const stored = async (app: WebApp, tag: string) => (await listed(app)).find((d) => d.assetTag === tag);

async function openDevice(page: Page, tag: string) {
  await page.getByRole('button', { name: tag, exact: true }).click();
  const drawer = page.getByRole('complementary', { name: new RegExp(tag) });
  const form = drawer.getByRole('form', { name: 'Edit' });
  return { drawer, form, save: form.getByRole('button', { name: 'Save changes' }) };
}

async function openRegister(page: Page, app: WebApp) {
  await importInventory(app);
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
}

const BAD_DATE =
  'The install date is not a complete, valid date: correct it, or clear it to remove the date.';

test('the asset tag an import finds a device by cannot be emptied; the core says why', async ({
  page,
  app,
}) => {
  await openRegister(page, app);
  const { drawer, form, save } = await openDevice(page, 'A-001');
  await form.getByRole('textbox', { name: 'Asset tag' }).fill('');
  await save.click();
  await expect(form.getByRole('alert')).toHaveText(
    'The asset tag of A-001 cannot be emptied: imports find the device by it.',
  );
  await expect(form.getByRole('status')).toHaveText('');
  await expect(drawer).not.toContainText('asset tag: A-001');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot(shot('asset-tag-refused'));
  await expectNoSeriousAxeViolations(page);
  // The next import of the same file finds the device again instead of adding it a second time.
  await importInventory(app);
  expect((await listed(app)).map((d) => d.assetTag)).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
});

test('an impossible or half-typed install date is refused, naming the field; a cleared one empties it', async ({
  page,
  app,
}) => {
  await openRegister(page, app);
  const badInput = (input: Locator) => input.evaluate((i) => i.validity.badInput as boolean);

  // 31 February 2020, typed as this American headless Chromium takes it (month first): the input reads ''.
  const first = await openDevice(page, 'A-001');
  const date = first.form.getByLabel('Install date');
  await date.focus();
  await date.pressSequentially('02312020');
  await expect(date).toHaveValue('');
  expect(await badInput(date)).toBe(true);
  await first.save.click();
  await expect(first.form.getByRole('alert')).toHaveText(BAD_DATE);
  await expect(first.form.getByRole('status')).toHaveText('');
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await first.form.scrollIntoViewIfNeeded();
  await page.screenshot(shot('install-date-refused'));
  expect((await stored(app, 'A-001'))?.installDate).toBe('2015-12-31');
  await expect(first.drawer).not.toContainText('install date: 2015-12-31');
  // Corrected, it saves.
  await date.pressSequentially('02282020');
  await expect(date).toHaveValue('2020-02-28');
  await expect(date).not.toHaveAttribute('aria-invalid');
  await first.save.click();
  await expect(first.form.getByRole('status')).toHaveText('Saved.');
  await expect(first.form.getByRole('alert')).toHaveCount(0);
  expect((await stored(app, 'A-001'))?.installDate).toBe('2020-02-28');

  // Half typed (no year yet): refused the same way.
  const second = await openDevice(page, 'A-002');
  const halfDate = second.form.getByLabel('Install date');
  await halfDate.focus();
  await halfDate.pressSequentially('0231');
  expect(await badInput(halfDate)).toBe(true);
  await second.save.click();
  await expect(second.form.getByRole('alert')).toHaveText(BAD_DATE);
  expect((await stored(app, 'A-002'))?.installDate).toBe('2015-12-31');

  // Cleared on purpose, part by part (the input is '' without bad input): the date is emptied.
  const third = await openDevice(page, 'A-003');
  const cleared = third.form.getByLabel('Install date');
  await cleared.focus();
  for (const key of ['Backspace', 'Tab', 'Backspace', 'Tab', 'Backspace']) await page.keyboard.press(key);
  await expect(cleared).toHaveValue('');
  expect(await badInput(cleared)).toBe(false);
  await third.save.click();
  await expect(third.form.getByRole('status')).toHaveText('Saved.');
  await expect(third.drawer).toContainText('install date: 2015-12-31 → (none)');
  expect((await stored(app, 'A-003'))?.installDate).toBeNull();
});

test('the bulk bar offers only states it can set, asks the reason "not affected" needs, and one result replaces the last', async ({
  page,
  app,
}) => {
  await openRegister(page, app);
  for (const tag of ['A-001', 'A-002', 'A-003']) {
    await page.getByRole('checkbox', { name: `Select ${tag}` }).check();
  }
  const bar = page.getByRole('region', { name: 'Change selected devices' });
  const state = bar.getByRole('combobox', { name: 'State' });
  const apply = bar.getByRole('button', { name: 'Apply to 3 devices' });
  await expect(state.locator('option')).toHaveText([
    'Keep',
    'Not assessed',
    'Affected',
    'Isolation planned',
    'Isolated',
    'Patch planned',
    'Patched',
    'Verified',
    'Reconnected',
    'Not affected',
    'Decommissioned',
  ]);
  await expect(state).toHaveAccessibleDescription(
    "A risk acceptance needs its approver and review date for each device: record it in the device's drawer.",
  );

  // A step the devices cannot take, twice: one alert, not two.
  await state.selectOption('isolated');
  await apply.click();
  const alerts = bar.getByRole('alert');
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toContainText('3 of the 3 devices cannot go to "isolated"');
  await apply.click();
  await expect(alerts).toHaveCount(1);

  // "Not affected" needs a written reason: the bar asks for it and gives it to every device.
  await state.selectOption('not-affected');
  const reason = bar.getByRole('textbox', { name: 'Reason (required)' });
  await expect(reason).toBeVisible();
  await expect(apply).toBeDisabled();
  await state.focus();
  await page.keyboard.press('Tab');
  await expect(reason).toBeFocused();
  await page.keyboard.type('Stand-alone CT consoles, no network port in use');
  await expect(apply).toBeEnabled();
  await page.screenshot(shot('bulk-reason'));
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Tab');
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '3 devices changed' })).toHaveText(
    '3 devices changed, 0 already so.',
  );
  // The refusal from before is gone with the new result.
  await expect(alerts).toHaveCount(0);
  const rows = await listed(app);
  expect(rows.map((d) => [d.assetTag, d.state, d.stateReason])).toEqual([
    ['A-001', 'not-affected', 'Stand-alone CT consoles, no network port in use'],
    ['A-002', 'not-affected', 'Stand-alone CT consoles, no network port in use'],
    ['A-003', 'not-affected', 'Stand-alone CT consoles, no network port in use'],
    ['A-004', 'unassessed', null],
  ]);
});
