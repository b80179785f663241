import { expect, expectNoSeriousAxeViolations, openApp, test } from './fixtures';

const ID = 'SIEMENS-LETTER-2026-11';

test('an advisory typed in from a vendor letter is listed, has its page, and is edited into version 2', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Advisories' }).click();
  await page.getByText('From a vendor letter or a PDF bulletin…').click();
  const form = page.getByRole('form', { name: 'Type in an advisory' });

  await form.getByRole('textbox', { name: 'Tracking id' }).fill(ID);
  await form.getByRole('textbox', { name: 'Title' }).fill('SPECT/CT systems on Windows 10: SMBv1');
  await form.getByRole('textbox', { name: 'Publisher' }).fill('Siemens Healthineers');
  await form.getByLabel('Released').fill('2026-11-02');
  await form.getByRole('combobox', { name: 'Vendor of product 1' }).fill('Siemens');
  await form.getByRole('combobox', { name: 'Product or family of product 1' }).fill('SPECT/CT Systems');
  await form.getByRole('combobox', { name: 'Operating system of product 1' }).selectOption('Windows 10');

  // A second product, typed and then removed again: the row editor from the keyboard.
  await form.getByRole('button', { name: 'Add a product' }).press('Enter');
  await expect(form.getByRole('combobox', { name: 'Vendor of product 2' })).toBeFocused();
  await page.keyboard.type('Philips');
  await form.getByRole('button', { name: 'Remove product 2' }).click();
  await expect(form.getByRole('combobox', { name: 'Vendor of product 2' })).toHaveCount(0);
  await expect(form.getByRole('combobox', { name: 'Vendor of product 1' })).toBeFocused();

  await form.getByRole('textbox', { name: 'CVE of vulnerability 1' }).fill('CVE-2017-0144');
  await form
    .getByRole('textbox', { name: 'What it is of vulnerability 1' })
    .fill('SMBv1 remote code execution');
  const vector = form.getByRole('textbox', { name: 'CVSS 3.x vector of vulnerability 1' });
  await vector.fill('AV:N/AC:L');
  await form.getByRole('textbox', { name: 'What to do' }).fill('Isolate the systems in a dedicated segment.');

  // A vector that is none is refused at the field, which takes the focus.
  await form.getByRole('button', { name: 'Save advisory' }).click();
  await expect(form.getByText(/must be a CVSS 3\.x base vector/)).toBeVisible();
  await expect(vector).toHaveAttribute('aria-invalid', 'true');
  await expect(vector).toBeFocused();
  await expectNoSeriousAxeViolations(page);

  await vector.fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
  await form.getByRole('button', { name: 'Save advisory' }).click();
  await expect(form.getByRole('status')).toContainText(`${ID} is saved as version 1.`);
  const list = page.getByRole('region', { name: /advisories$/ });
  await expect(list.getByRole('row', { name: new RegExp(ID) })).toContainText('Typed in');
  await page.screenshot({ path: 'e2e/.artifacts/screens/manual-advisory-saved.png', fullPage: true });

  await form.getByRole('link', { name: `Open ${ID}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${ID}: SPECT/CT systems on Windows 10: SMBv1` }),
  ).toBeVisible();
  await expect(page.getByText("Typed in from the vendor's advisory.", { exact: false })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Affected products' })).toContainText(
    'SPECT/CT Systems, Windows 10',
  );
  await expect(page.getByRole('region', { name: 'Vulnerabilities' })).toContainText('CVE-2017-0144');

  await page.getByRole('button', { name: `Edit ${ID}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${ID}` });
  await expect(edit.getByRole('textbox', { name: 'Tracking id' })).toHaveAttribute('readonly', '');
  await edit.getByRole('textbox', { name: 'Title' }).fill('SPECT/CT systems on Windows 10: SMBv1, revised');
  await expectNoSeriousAxeViolations(page);
  await edit.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(
    page.getByText(`${ID} is saved as version 2; the earlier versions stay in its history.`),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: `${ID}: SPECT/CT systems on Windows 10: SMBv1, revised` }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: 'e2e/.artifacts/screens/manual-advisory-page.png', fullPage: true });
});
