import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { expect, expectNoSeriousAxeViolations, openApp, test, type WebApp } from './fixtures';

const ZONE = 'Europe/Berlin';
const INVENTORY = [
  'Asset Tag,Manufacturer,Model,Modality,Department,OS',
  'NM-1,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7',
  'NM-2,Siemens,Symbia T16,NM,Nuclear Medicine,Windows 7',
].join('\n');

/** Calls an operation over the web transport with the token of the address the server printed. */
async function api(app: WebApp, name: string, input: unknown): Promise<unknown> {
  const token = /#token=([\w-]+)/.exec(app.url)?.[1] ?? '';
  const response = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-isopatch-token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  return result.value;
}

/**
 * Nuclear Medicine with a Saturday 07:00-13:00 slot, three teams working Mon-Sat 06:00-18:00, and two Symbia T16
 * on Windows 7 (affected by ICSMA-17-215-02 as soon as they are imported). Set up through the API, not through
 * Settings > Planning.
 */
async function setUpSite(page: Page, app: WebApp) {
  await openApp(page, app);
  const hours = { workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], start: '06:00', end: '18:00' };
  await api(app, 'saveSiteModel', {
    model: {
      sites: [
        {
          name: 'Main site',
          timeZone: ZONE,
          departments: [
            {
              name: 'Nuclear Medicine',
              maintenanceSlots: [{ day: 'Sat', start: '07:00', end: '13:00' }],
            },
          ],
        },
      ],
      teams: [
        { name: 'Network', kind: 'network', ...hours, contact: 'noc@example.org' },
        { name: 'Siemens field service', kind: 'vendor-field-service', ...hours },
        { name: 'Biomed', kind: 'biomed', ...hours },
      ],
    },
  });
  await api(app, 'importDevices', {
    fileName: 'nuclear-medicine.csv',
    content: Buffer.from(INVENTORY).toString('base64'),
  });
}

/** The first Saturday after today at the site: the plan starts there, whatever day the test runs. */
function nextSaturday() {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const saturday = today.plus({ days: ((6 - today.weekday + 7) % 7) + (today.weekday === 6 ? 7 : 0) });
  return {
    iso: saturday.toISODate() as string,
    label: saturday.setLocale('en-GB').toFormat('ccc d LLL'),
  };
}

function dayBefore() {
  const yesterday = DateTime.now().setZone(ZONE).startOf('day').minus({ days: 1 });
  return { iso: yesterday.toISODate() as string, label: yesterday.setLocale('en-GB').toFormat('ccc d LLL') };
}

async function openSchedule(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
}

async function previewAndApply(page: Page, from: string) {
  const plan = page.getByRole('region', { name: 'Auto-plan' });
  await plan.getByLabel('From').fill(from);
  await plan.getByRole('button', { name: 'Preview plan' }).click();
  await expect(plan.getByRole('status')).toContainText(
    /2 new, 0 moved, 0 unchanged, 0 removed; \d+ breach(es)?; 2 devices awaiting a patch/,
  );
  return plan;
}

test('nothing planned yet: the view says what to do next, and the calendar export says why it is refused', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await openSchedule(page);
  const empty = page.getByRole('region', { name: 'Nothing planned yet' });
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('link', { name: 'Settings > Planning' })).toHaveAttribute(
    'href',
    '#/settings/planning',
  );
  await page.getByRole('button', { name: 'Export calendar' }).click();
  await expect(page.getByText('There are no planned windows to export; plan them first.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('preview and apply the plan, drag a window into a conflict, mark a task done, export the calendar', async ({
  page,
  app,
}) => {
  test.slow(); // several axe scans and a dozen saves
  await setUpSite(page, app);
  const saturday = nextSaturday();
  await openSchedule(page);
  await expect(page.getByRole('region', { name: 'Nothing planned yet' })).toBeVisible();

  const plan = await previewAndApply(page, saturday.iso);
  const table = plan.getByRole('table');
  await expect(table.getByRole('row', { name: /NM-1/ }).locator('th, td')).toHaveText([
    'New',
    'NM-1',
    'Isolation',
    `${saturday.label} 07:00-07:30`,
    'Network',
    'none',
  ]);
  await expect(table.getByRole('row', { name: /NM-2/ }).locator('th, td')).toHaveText([
    'New',
    'NM-2',
    'Isolation',
    `${saturday.label} 07:30-08:00`,
    'Network',
    'none',
  ]);
  const awaiting = plan.getByRole('region', { name: /Awaiting a patch/ });
  await expect(awaiting).toContainText('NM-1: patch announced');
  await expect(awaiting).toContainText('NM-2: patch announced');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-preview.png', fullPage: true });

  await plan.getByRole('button', { name: 'Apply plan' }).click();
  await expect(plan.getByRole('status')).toContainText('Plan applied: 2 new, 0 moved');
  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  await expect(timeline.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const first = timeline.getByRole('button', { name: /^NM-1 isolation/ });
  const second = timeline.getByRole('button', { name: /^NM-2 isolation/ });
  await expect(first).toHaveAccessibleName(`NM-1 isolation ${saturday.label} 07:00-07:30, team Network`);
  await expect(second).toHaveAccessibleName(`NM-2 isolation ${saturday.label} 07:30-08:00, team Network`);
  await expect(timeline.getByText('times in Europe/Berlin')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await second.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-timeline-week.png', fullPage: true });

  // Drag the second isolation onto the first one's time: both NM systems would be down at once.
  const from = await second.boundingBox();
  const to = await first.boundingBox();
  if (!from || !to) throw new Error('The bars are not on screen.');
  const y = from.y + from.height / 2;
  await page.mouse.move(from.x + 20, y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20 + (to.x - from.x) / 2, y, { steps: 3 });
  await page.mouse.move(from.x + 20 + (to.x - from.x), y, { steps: 3 });
  await page.mouse.up();
  const conflict = `Nuclear Medicine would have both NM systems down on ${saturday.label} 07:00-07:30`;
  // The one network engineer would also have both isolations at once.
  const teamConflict = `Network would have 2 tasks at once on ${saturday.label} 07:00-07:30 (it can work on one at a time)`;
  await expect(second).toHaveAccessibleName(
    new RegExp(
      `^NM-2 isolation, locked, ${saturday.label} 07:00-07:30, team Network, conflict: ${escaped(teamConflict)}; ${conflict}`,
    ),
  );
  await expect(timeline.getByRole('status')).toContainText(`Conflict: ${teamConflict}; ${conflict}`);
  const conflicts = page.getByRole('region', { name: /^Conflicts/ });
  await expect(
    conflicts.getByRole('button', { name: `NM-2 isolation ${saturday.label} 07:00-07:30` }),
  ).toBeVisible();
  await expect(conflicts).toContainText(conflict);
  await expect(first).toHaveAccessibleName(/conflict: .*Nuclear Medicine would have both NM systems down/);
  await conflicts.getByRole('button', { name: `NM-2 isolation ${saturday.label} 07:00-07:30` }).click();
  await expect(second).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-conflict.png', fullPage: true });

  // Mark the first isolation done, with the times the work really took.
  await first.click();
  const dialog = page.getByRole('dialog', { name: 'NM-1 · Isolation' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(conflict);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-dialog.png' });
  // Saturday is still ahead: the work cannot have been done then yet.
  await dialog.getByLabel('Actual start').fill(`${saturday.iso}T07:05`);
  await dialog.getByLabel('Actual end').fill(`${saturday.iso}T07:40`);
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog).toContainText(
    `The actual end, ${saturday.label} 07:40 (Europe/Berlin), is still ahead; record the work as done once it is done.`,
  );
  // It was done early, yesterday morning.
  const yesterday = dayBefore();
  await dialog.getByLabel('Actual start').fill(`${yesterday.iso}T07:05`);
  await dialog.getByLabel('Actual end').fill(`${yesterday.iso}T07:40`);
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByRole('status')).toContainText(
    `NM-1 isolation ${saturday.label} 07:00-07:30 marked done (${yesterday.label} 07:05-07:40)`,
  );
  // Done work is shown when it was done, no longer at its planned time.
  await expect(first).toHaveCount(0);

  // The calendar of every department, downloaded as a file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export calendar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^isopatch-windows-all-\d{4}-\d{2}-\d{2}\.ics$/);
  const content = readFileSync(await file.path(), 'utf8');
  expect(content.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(content).toContain('Isolate NM-1 (Symbia T16) - Nuclear Medicine');
  const done = content.split('BEGIN:VEVENT').find((event) => event.includes('Isolate NM-1'));
  const startedAt = DateTime.fromISO(`${yesterday.iso}T07:05`, { zone: ZONE }).toUTC();
  expect(done).toContain(`DTSTART:${startedAt.toFormat("yyyyLLdd'T'HHmmss'Z'")}`);
  await expect(page.getByText(/Saved isopatch-windows-all-.*\.ics with 2 windows\./)).toBeVisible();
});

test('keyboard moves and resizes a window; day and month scales; a window planned by hand, unlocked and deleted', async ({
  page,
  app,
}) => {
  test.slow(); // several axe scans and a dozen saves
  await setUpSite(page, app);
  const saturday = nextSaturday();
  await openSchedule(page);
  const plan = await previewAndApply(page, saturday.iso);
  await plan.getByRole('button', { name: 'Apply plan' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  const second = timeline.getByRole('button', { name: /^NM-2 isolation/ });
  await expect(second).toHaveAccessibleName(/07:30-08:00/);

  await second.focus();
  await page.keyboard.press('ArrowRight');
  await expect(second).toHaveAccessibleName(
    `NM-2 isolation, locked, ${saturday.label} 07:45-08:15, team Network`,
  );
  await page.keyboard.press('Shift+ArrowRight');
  await expect(second).toHaveAccessibleName(
    new RegExp(`^NM-2 isolation, locked, ${saturday.label} 08:45-09:15`),
  );
  await page.keyboard.press('+');
  await expect(second).toHaveAccessibleName(
    new RegExp(`^NM-2 isolation, locked, ${saturday.label} 08:45-09:30`),
  );
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowLeft');
  await expect(second).toHaveAccessibleName(
    new RegExp(`^NM-2 isolation, locked, ${saturday.label} 08:30-09:00`),
  );
  await expect(timeline.getByRole('status')).toHaveText(
    `NM-2 isolation ${saturday.label} 08:30-09:00 saved. No conflicts.`,
  );
  await expect(second).toBeFocused();
  // Saved: a reload shows the same.
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.getByRole('button', { name: 'Next week' })).toBeVisible();

  // The day shown is today, before the planned Saturday: the empty day offers the way to the next window.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'Go to the next planned window' }).click();
  await expect(timeline.getByRole('button', { name: /^NM-2 isolation/ })).toHaveAccessibleName(
    new RegExp(`^NM-2 isolation, locked, ${saturday.label} 08:30-09:00`),
  );
  await expect(
    timeline.getByText(DateTime.fromISO(saturday.iso).setLocale('en-GB').toFormat('cccc d LLLL yyyy')),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-timeline-day.png', fullPage: true });

  // Drawing across an empty part of a device's row opens the form for a new window there.
  const track = timeline.locator('.lane-track').first();
  await track.scrollIntoViewIfNeeded();
  const box = await track.boundingBox();
  if (!box) throw new Error('The lane is not on screen.');
  await page.mouse.move(box.x + box.width * (15 / 24), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * (16 / 24), box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const drawn = page.getByRole('dialog', { name: 'New window' });
  await expect(drawn).toContainText('Device: NM-1 (Symbia T16)');
  await expect(drawn.getByLabel('Start (Europe/Berlin)')).toHaveValue(
    new RegExp(`^${saturday.iso}T1[456]:00$`),
  );
  await page.keyboard.press('Escape');
  await expect(drawn).toBeHidden();

  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(timeline.getByRole('button', { name: /^NM-1 isolation/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/schedule-timeline-month.png', fullPage: true });

  // A patch window planned by hand through the form.
  await page.getByRole('button', { name: 'New window…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New window' });
  await expect(dialog.getByLabel('Device', { exact: true })).toContainText('NM-1');
  await dialog
    .getByLabel('Device', { exact: true })
    .selectOption({ label: 'NM-1 · Symbia T16 · Nuclear Medicine' });
  await dialog.getByLabel('Task').selectOption('patch');
  await dialog.getByLabel('Team').selectOption('Siemens field service');
  await dialog.getByLabel('Start (Europe/Berlin)').fill(`${saturday.iso}T10:00`);
  await dialog.getByLabel('End (Europe/Berlin)').fill(`${saturday.iso}T13:00`);
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Plan window' }).click();
  await expect(dialog).toBeHidden();
  const patch = timeline.getByRole('button', { name: /^NM-1 patch/ });
  await expect(patch).toHaveAccessibleName(
    new RegExp(`^NM-1 patch, locked, ${saturday.label} 10:00-13:00, team Siemens field service`),
  );
  await expect(patch).toBeFocused();

  // Unlock it, then delete it.
  await patch.press('Enter');
  const edit = page.getByRole('dialog', { name: 'NM-1 · Patch' });
  await edit.getByRole('button', { name: 'Unlock (let the auto-planner move it)' }).click();
  await expect(edit).toBeHidden();
  await expect(patch).toHaveAccessibleName(
    new RegExp(`^NM-1 patch ${saturday.label} 10:00-13:00, team Siemens field service`),
  );
  // Lock it again where it is, without moving it.
  await patch.click();
  await expect(edit).toBeVisible();
  await edit.getByRole('button', { name: 'Lock where it is' }).click();
  await expect(edit).toBeHidden();
  await expect(patch).toHaveAccessibleName(
    new RegExp(`^NM-1 patch, locked, ${saturday.label} 10:00-13:00, team Siemens field service`),
  );
  await patch.click();
  await expect(edit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await patch.click();
  await edit.getByRole('button', { name: 'Delete window' }).click();
  await edit.getByRole('button', { name: 'Yes, delete the window' }).click();
  await expect(patch).toHaveCount(0);
  await expect(timeline.getByRole('status')).toHaveText(`NM-1 patch ${saturday.label} 10:00-13:00 deleted.`);
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
