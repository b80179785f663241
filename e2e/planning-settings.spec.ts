import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  chooseInventoryFile,
  expect,
  expectNoSeriousAxeViolations,
  openApp,
  test,
  type WebApp,
} from './fixtures';

const INVENTORY = join(import.meta.dirname, 'fixtures', 'siemens-inventory.csv');
const shot = (name: string) => ({ path: `e2e/.artifacts/screens/${name}.png`, fullPage: true });

/** The five-device Siemens inventory (departments Nuclear Medicine and PET Center), imported as a person does. */
async function importInventory(page: Page, app: WebApp) {
  await openApp(page, app);
  await chooseInventoryFile(page, app, INVENTORY);
  await page.getByRole('button', { name: 'Import 5 devices' }).click();
  await expect(page.getByText('5 added')).toBeVisible();
}

async function openPlanning(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const planning = page.getByRole('region', { name: 'Planning', exact: true });
  await expect(planning.getByRole('button', { name: 'Save planning settings' })).toBeVisible();
  return planning;
}

interface TeamValues {
  name: string;
  kind: string;
  days: string[];
  from: string;
  until: string;
  minutes: string;
  contact: string;
}

async function fillTeam(team: Locator, values: TeamValues) {
  await team.getByLabel('Name').fill(values.name);
  await team.getByLabel('Kind').selectOption(values.kind);
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
    await team.getByRole('checkbox', { name: day }).setChecked(values.days.includes(day));
  await team.getByLabel('Works from').fill(values.from);
  await team.getByLabel('Until').fill(values.until);
  await team.getByLabel('Unit of the daily capacity').selectOption('minutes');
  await team.getByLabel('Daily capacity', { exact: true }).fill(values.minutes);
  await team.getByLabel('Contact').fill(values.contact);
}

test('slots, a blackout, an availability rule and three teams are saved and survive a reload', async ({
  page,
  app,
}) => {
  await importInventory(page, app);
  let planning = await openPlanning(page);
  await expect(planning.getByLabel('Department', { exact: true })).toHaveValue('Nuclear Medicine');

  const slots = planning.getByRole('region', { name: 'Maintenance slots of Nuclear Medicine' });
  await expect(slots).toContainText('weekly time when Nuclear Medicine can give a device up');
  await slots.getByRole('button', { name: 'Add maintenance slot' }).click();
  await expect(slots.getByLabel('Slot 1 day')).toBeFocused();
  await slots.getByLabel('Slot 1 day').selectOption('Fri');
  await slots.getByLabel('Slot 1 start').fill('22:00');
  await slots.getByLabel('Slot 1 end').fill('06:00');
  await expect(slots.getByText('Ends next day (Saturday 06:00)')).toBeVisible();

  const blackouts = planning.getByRole('region', { name: 'Blackout dates of Nuclear Medicine' });
  await blackouts.getByRole('button', { name: 'Add blackout for Nuclear Medicine' }).click();
  await blackouts.getByLabel('Blackout 1 from').fill('2026-12-24');
  await blackouts.getByLabel('Blackout 1 to').fill('2026-12-26');
  await blackouts.getByLabel('Blackout 1 reason').fill('Christmas: emergencies only');

  const rules = planning.getByRole('region', { name: 'Availability rules of Nuclear Medicine' });
  await expect(rules).toContainText('keeps one of them up');
  await rules.getByRole('button', { name: 'Add availability rule' }).click();
  await rules.getByLabel('Rule 1 modality').fill('NM');
  await rules.getByLabel('Rule 1 at most down at once').fill('1');

  const teams = planning.getByRole('region', { name: 'Teams' });
  const addTeam = teams.getByRole('button', { name: 'Add team' });
  await addTeam.click();
  await fillTeam(teams.getByRole('group', { name: /^Team 1:/ }), {
    name: 'Biomed',
    kind: 'biomed',
    days: ['Fri', 'Sat'],
    from: '22:00',
    until: '06:00',
    minutes: '360',
    contact: 'Biomed on call, ext. 2200',
  });
  await addTeam.click();
  await fillTeam(teams.getByRole('group', { name: /^Team 2:/ }), {
    name: 'Network',
    kind: 'network',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
    from: '07:00',
    until: '16:00',
    minutes: '480',
    contact: 'noc@example.org, ext. 4410',
  });
  await addTeam.click();
  await fillTeam(teams.getByRole('group', { name: /^Team 3:/ }), {
    name: 'Siemens field service',
    kind: 'vendor-field-service',
    days: ['Tue', 'Thu'],
    from: '08:00',
    until: '17:00',
    minutes: '420',
    contact: 'Service hotline, contract 4711',
  });
  await expect(teams.getByRole('group', { name: 'Team 1: Biomed' })).toContainText('Ends next day');

  // Far down the form, the save button is still in reach.
  await expect(planning.getByRole('button', { name: 'Save planning settings' })).toBeInViewport();
  await expect(planning.getByText('Unsaved changes.')).toBeVisible();
  await planning.getByRole('button', { name: 'Save planning settings' }).click();
  await expect(planning.getByText('Saved.', { exact: true })).toBeVisible();
  const audit = page.getByRole('table', { name: 'The newest entries of the audit log' });
  await expect(audit).toContainText('create team');
  await expect(audit).toContainText('update department');

  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  planning = page.getByRole('region', { name: 'Planning', exact: true });
  await expect(planning.getByLabel('Slot 1 day')).toHaveValue('Fri');
  await expect(planning.getByLabel('Slot 1 start')).toHaveValue('22:00');
  await expect(planning.getByLabel('Slot 1 end')).toHaveValue('06:00');
  const keptBlackouts = planning.getByRole('region', { name: 'Blackout dates of Nuclear Medicine' });
  await expect(keptBlackouts.getByLabel('Blackout 1 from')).toHaveValue('2026-12-24');
  await expect(keptBlackouts.getByLabel('Blackout 1 to')).toHaveValue('2026-12-26');
  await expect(keptBlackouts.getByLabel('Blackout 1 reason')).toHaveValue('Christmas: emergencies only');
  await expect(planning.getByLabel('Rule 1 modality')).toHaveValue('NM');
  await expect(planning.getByLabel('Rule 1 at most down at once')).toHaveValue('1');
  const biomed = planning.getByRole('group', { name: 'Team 1: Biomed' });
  await expect(biomed.getByLabel('Works from')).toHaveValue('22:00');
  await expect(biomed.getByRole('checkbox', { name: 'Sat' })).toBeChecked();
  await expect(biomed.getByRole('checkbox', { name: 'Mon' })).not.toBeChecked();
  await expect(biomed.getByLabel('Daily capacity', { exact: true })).toHaveValue('6');
  await expect(biomed.getByLabel('Unit of the daily capacity')).toHaveValue('hours');
  await expect(planning.getByRole('group', { name: 'Team 2: Network' })).toBeVisible();
  await expect(planning.getByRole('group', { name: 'Team 3: Siemens field service' })).toBeVisible();

  await expectNoSeriousAxeViolations(page);
  await page.screenshot(shot('settings-planning'));
});

test('an impossible time is explained at its field and in the list, and nothing is saved', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const planning = await openPlanning(page);
  await expect(planning).toContainText('has no departments yet');
  // Enter in the name adds the department (it does not save the form).
  await planning.getByLabel('New department').fill('Nuclear Medicine');
  await planning.getByLabel('New department').press('Enter');
  await expect(planning.getByText('Unsaved changes.')).toBeVisible();
  await expect(planning.getByLabel('Department', { exact: true })).toHaveValue('Nuclear Medicine');

  await planning.getByRole('button', { name: 'Add maintenance slot' }).click();
  await planning.getByLabel('Slot 1 day').selectOption('Fri');
  await planning.getByLabel('Slot 1 start').fill('25:00');
  await planning.getByLabel('Slot 1 end').fill('06:00');
  await planning.getByRole('button', { name: 'Save planning settings' }).click();

  const start = planning.getByLabel('Slot 1 start');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription('Start must be a time of day as HH:MM (00:00-23:59).');
  await expect(planning.getByRole('alert')).toContainText(
    'Nuclear Medicine, slot 1, start: must be a time of day as HH:MM (00:00-23:59)',
  );
  await expect(planning.getByRole('alert')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/settings-planning-invalid.png' });

  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.getByRole('region', { name: 'Planning', exact: true })).toContainText(
    'has no departments yet',
  );
});

test('the site model exports as JSON, and a broken file is refused naming the file', async ({
  page,
  app,
  dataDir,
}) => {
  await importInventory(page, app);
  const planning = await openPlanning(page);

  const downloading = page.waitForEvent('download');
  await planning.getByRole('button', { name: 'Export site model' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^isopatch-site-model-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = join(dataDir, download.suggestedFilename());
  await download.saveAs(exported);
  const model = JSON.parse(readFileSync(exported, 'utf8'));
  expect(model.format).toBe('isopatch-site-model');
  expect(model.sites[0].departments.map((d: { name: string }) => d.name)).toContain('Nuclear Medicine');

  const notJson = join(dataDir, 'site-broken.json');
  writeFileSync(notJson, '{ "sites": [ ');
  await planning.getByLabel('Import site model…').setInputFiles(notJson);
  await expect(planning.getByRole('alert')).toContainText(
    'site-broken.json was not imported: it is not JSON',
  );

  const invalid = join(dataDir, 'site-invalid.json');
  model.sites[0].departments[0].maintenanceSlots = [{ day: 'Fri', start: '22:00', end: '24:00' }];
  writeFileSync(invalid, JSON.stringify(model));
  await planning.getByLabel('Import site model…').setInputFiles(invalid);
  await expect(planning.getByRole('alert')).toContainText(
    'site-invalid.json: at sites[0].departments[0].maintenanceSlots[0].end: must be a time of day as HH:MM (00:00-23:59)',
  );
  await expect(planning.getByText('No maintenance slots yet')).toBeVisible();

  model.sites[0].departments[0].maintenanceSlots = [{ day: 'Tue', start: '18:00', end: '22:00' }];
  const valid = join(dataDir, 'site-valid.json');
  writeFileSync(valid, JSON.stringify(model));
  await planning.getByLabel('Import site model…').setInputFiles(valid);
  await expect(planning.getByText('Imported site-valid.json.')).toBeVisible();
  await expect(planning.getByLabel('Slot 1 day')).toHaveValue('Tue');
  await expectNoSeriousAxeViolations(page);
});

test('the device drawer moves a device along its lifecycle and shows what the core refuses', async ({
  page,
  app,
}) => {
  await importInventory(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'NM-001' }).click();
  const drawer = page.getByRole('complementary', { name: /NM-001/ });
  const form = drawer.getByRole('form', { name: 'State' });
  await expect(form).toBeVisible();

  await form.getByLabel('New state').selectOption('risk-accepted');
  await form.getByLabel('Reason (required)').fill('Replaced in March; network port closed.');
  await form.getByRole('button', { name: 'Change state' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Marking NM-001 "risk accepted" needs the approver and a review date.',
  );
  await form.scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/device-state-form.png' });

  await form.getByLabel('Approved by (required)').fill('Dr. Weber, CISO');
  await form.getByLabel('Review date (required)').fill('2027-03-31');
  await form.getByRole('button', { name: 'Change state' }).click();
  await expect(form.getByRole('status')).toHaveText('NM-001 is now risk accepted.');
  await expect(drawer).toContainText('Risk accepted');
  await expect(form.getByLabel('New state')).toHaveValue('affected');
  await expect(form.getByRole('alert')).toHaveCount(0);
});
