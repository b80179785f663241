import Database from 'better-sqlite3';
import { expect, expectNoSeriousAxeViolations, openApp, test, type WebApp } from './fixtures';
import { api } from './reports-hospital';

const REASON = 'No fix planned for the Windows XP system; DICOM to PACS only; replacement in the next budget';
const APPROVER = 'Dr. Helen Brandt, Medical Director';

/** A local date of the site, `days` from today, as the core reads review dates. */
function siteDate(zone: string, days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return new Date(Date.parse(parts) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * NM-1 (a Siemens SPECT system on Windows 7, affected through the bundled advisories) with its risk accepted, and
 * time moved on: the review date, as the device and its history recorded it, passed five days ago. A date that has
 * passed cannot be given any more, so the fixture writes it where the core wrote the accepted one.
 */
async function acceptedAndOverdue(app: WebApp) {
  const { siteTimeZone } = await api<{ siteTimeZone: string }>(app, 'getSettings');
  await api(app, 'importDevices', {
    fileName: 'cmms.csv',
    content: Buffer.from(
      'Asset Tag,Manufacturer,Model,OS,Department\nNM-1,Siemens,Symbia T16,Windows 7,Nuclear Medicine\n',
    ).toString('base64'),
    options: {},
  });
  await api(app, 'setDeviceState', {
    assetTag: 'NM-1',
    state: 'risk-accepted',
    reason: REASON,
    approver: APPROVER,
    reviewDate: siteDate(siteTimeZone, 30),
  });
  const passed = siteDate(siteTimeZone, -5);
  const db = new Database(app.databasePath);
  try {
    db.prepare("UPDATE device SET risk_review_date = ? WHERE asset_tag = 'NM-1'").run(passed);
    db.prepare(
      `UPDATE audit_log SET after_json = json_set(after_json, '$.risk_review_date', ?)
       WHERE entity = 'device' AND json_extract(after_json, '$.state') = 'risk-accepted'`,
    ).run(passed);
  } finally {
    db.close();
  }
  return { zone: siteTimeZone, passed };
}

test('a risk-accepted device shows its acceptance, due for review, and renews it in place with a new review date', async ({
  page,
  app,
}) => {
  const { zone, passed } = await acceptedAndOverdue(app);
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'NM-1' }).click();
  const drawer = page.getByRole('complementary', { name: /NM-1/ });
  const acceptance = drawer.getByRole('region', { name: 'Risk acceptance' });
  await expect(acceptance).toContainText(REASON);
  await expect(acceptance).toContainText(APPROVER);
  await expect(acceptance.locator('time')).toHaveText(passed);
  await expect(acceptance.getByTestId('review-due')).toHaveText('Due for review: the date passed 5 days ago');
  // The state form points here instead of offering "affected" as the way to a new date.
  await expect(drawer.getByRole('form', { name: 'State' })).toContainText('Renew or change the acceptance');
  await acceptance.scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/risk-acceptance.png' });

  // From the keyboard: open the form, filled in with the acceptance in force.
  const toggle = acceptance.getByRole('button', { name: 'Renew or change the acceptance' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const form = acceptance.getByRole('form', { name: 'Renew or change the acceptance' });
  await expect(form.getByRole('textbox', { name: 'Reason (required)' })).toHaveValue(REASON);
  await expect(form.getByRole('textbox', { name: 'Approved by (required)' })).toHaveValue(APPROVER);
  const reviewDate = form.getByLabel('New review date (required)');
  await expect(reviewDate).toHaveValue('');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'e2e/.artifacts/screens/risk-acceptance-renew.png' });

  // The core's rule, shown as it says it: a new review date is needed, in the future and within two years.
  const save = form.getByRole('button', { name: 'Save the acceptance' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Marking NM-1 "risk accepted" needs a review date.');
  await reviewDate.fill(siteDate(zone, 0));
  await save.press('Enter');
  await expect(form.getByRole('alert')).toContainText('must be after today');
  await reviewDate.fill(siteDate(zone, 800));
  await save.press('Enter');
  await expect(form.getByRole('alert')).toContainText('is more than two years from today');

  const next = siteDate(zone, 90);
  await form.getByRole('textbox', { name: 'Approved by (required)' }).fill('James Okafor, CISO');
  await reviewDate.fill(next);
  await save.press('Enter');
  await expect(acceptance.getByRole('status')).toHaveText(
    `The risk acceptance of NM-1 is renewed; it is due for review on ${next}.`,
  );
  await expect(form).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(acceptance.locator('time')).toHaveText(next);
  await expect(acceptance).toContainText('James Okafor, CISO');
  await expect(acceptance.getByTestId('review-due')).toHaveCount(0);

  // Still risk accepted, never "affected" on the way: the newest change goes from the old acceptance to the new.
  const devices = await api<{ rows: { assetTag: string; state: string }[] }>(app, 'listDevices', {});
  expect(devices.rows.map((d) => [d.assetTag, d.state])).toEqual([['NM-1', 'risk-accepted']]);
  type Entry = { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  const history = await api<Entry[]>(app, 'listAudit', { entity: 'device' });
  expect(history.filter((e) => e.after?.state === 'risk-accepted')).toHaveLength(2);
  expect(history[0]).toMatchObject({
    before: { state: 'risk-accepted', risk_approver: APPROVER, risk_review_date: passed },
    after: { state: 'risk-accepted', risk_approver: 'James Okafor, CISO', risk_review_date: next },
  });
});
