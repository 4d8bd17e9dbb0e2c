import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { apiCall, devPost, personaToken, signInAs, watchForCrashes, PERSONAS, refuseLeaving } from './helpers';
import type { Page, Request } from '@playwright/test';

const ID = 'cl_shop_storefront_01';
const ORIGINAL_CALLBACKS = [
  'https://shop.example.com/callback',
  'https://*.shop.example.com/callback',
  'http://localhost:3000/callback',
];

/** Collects the PATCH requests the page sends. */
function capturePatches(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH') sent.push(r);
  });
  return sent;
}

const product = (page: Page) => page.getByRole('textbox', { name: 'Product', exact: true });
const callbackItems = (page: Page) => page.getByRole('textbox', { name: /^Allowed callback URLs, item \d+$/ });

async function openEdit(page: Page, server: { url: string }, who: 'admin' | 'owner' = 'admin', id = ID) {
  await signInAs(page, server as any, who, `/clients/${id}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: /^Edit / })).toBeVisible();
}

async function storedClient(server: any, id = ID) {
  const { status, json } = await apiCall(server, await personaToken(server, 'admin'), 'GET', `/clients/${id}`);
  expect(status).toBe(200);
  return json;
}

test('the review marks each item of a list field added, removed or kept', async ({ page, server }) => {
  await openEdit(page, server);
  await expect(callbackItems(page)).toHaveCount(3);
  // Remove the second callback, add a new one.
  await page.getByRole('button', { name: 'Remove item 2 from Allowed callback URLs' }).click();
  await page.getByRole('button', { name: 'Add to Allowed callback URLs' }).click();
  // The new item takes the focus once it is drawn; typing before that went
  // to the button (a lost first character on a slow machine).
  await expect(callbackItems(page).last()).toBeFocused();
  await page.keyboard.type('https://added.shop.example.com/cb');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'Review changes' });
  const cbRow = review.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Allowed callback URLs' }) });
  const [before, after] = [cbRow.locator('td').nth(0), cbRow.locator('td').nth(1)];
  const removed = ORIGINAL_CALLBACKS[1];
  // Before: every old item, the removed one said to be removed; after: the kept and the added.
  await expect(before.locator('.ncc-review__item')).toHaveText([
    `kept: ${ORIGINAL_CALLBACKS[0]}`,
    `removed: ${removed}`,
    `kept: ${ORIGINAL_CALLBACKS[2]}`,
  ]);
  await expect(after.locator('.ncc-review__item')).toHaveText([
    `kept: ${ORIGINAL_CALLBACKS[0]}`,
    `kept: ${ORIGINAL_CALLBACKS[2]}`,
    'added: https://added.shop.example.com/cb',
  ]);
  await expect(before.locator('.ncc-review__item--removed')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(after.locator('.ncc-review__item--added')).not.toHaveCSS('text-decoration-line', 'line-through');
  // A kept item is not struck through, on either side (nor by its cell).
  await expect(before).toHaveCSS('text-decoration-line', 'none');
  await expect(before.locator('.ncc-review__item').first()).toHaveCSS('text-decoration-line', 'none');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'edit-review-items');
});

test('edit product and callbacks, review the diff, save one PATCH with only the changed keys', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const patches = capturePatches(page);
  await openEdit(page, server);
  await expect(product(page)).toHaveValue('Shop');
  await expect(callbackItems(page)).toHaveCount(3);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'edit');

  await product(page).fill('Shop NG');
  await page.getByRole('button', { name: 'Add to Allowed callback URLs' }).click();
  await expect(callbackItems(page)).toHaveCount(4);
  await expect(callbackItems(page).nth(3)).toBeFocused();
  // Typed key by key, as a person would: the field keeps focus and every character.
  await page.keyboard.type('https://new.shop.example.com/callback');
  await expect(callbackItems(page).nth(3)).toHaveValue('https://new.shop.example.com/callback');
  await expect(callbackItems(page).nth(3)).toBeFocused();
  await page.getByRole('button', { name: 'Paste several into Allowed callback URLs' }).click();
  await page
    .getByRole('textbox', { name: /^Paste into Allowed callback URLs/ })
    .fill('https://a.shop.example.com/cb\nhttps://b.shop.example.com/cb\n');
  await page.getByRole('button', { name: 'Add these' }).click();
  await expect(callbackItems(page)).toHaveCount(6);

  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'Review changes' });
  await expect(review.getByRole('heading', { name: 'Review changes' })).toBeFocused();
  await expect(review).toBeVisible();
  const rows = review.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const productRow = rows.filter({ has: page.getByRole('rowheader', { name: 'Product' }) });
  await expect(productRow.locator('td').nth(0)).toHaveText('Shop');
  await expect(productRow.locator('td').nth(1)).toHaveText('Shop NG');
  const cbRow = rows.filter({ has: page.getByRole('rowheader', { name: 'Allowed callback URLs' }) });
  await expect(cbRow.locator('td').nth(1)).toContainText('https://b.shop.example.com/cb');
  await expect(cbRow.locator('td').nth(0)).not.toContainText('https://b.shop.example.com/cb');
  await saveScreenshot(page, 'edit-review');

  await review.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}$`));
  expect(patches).toHaveLength(1);
  const body = patches[0].postDataJSON();
  const expectedCallbacks = [
    ...ORIGINAL_CALLBACKS,
    'https://new.shop.example.com/callback',
    'https://a.shop.example.com/cb',
    'https://b.shop.example.com/cb',
  ];
  expect(Object.keys(body).sort()).toEqual(['callbackUrls', 'productName']);
  expect(body.productName).toBe('Shop NG');
  expect(body.callbackUrls).toEqual(expectedCallbacks);

  // The detail view and the stand-in have the new values.
  await expect(page.getByRole('heading', { level: 1, name: 'Shop Storefront' })).toBeVisible();
  const dd = (label: string) =>
    page.locator('.ncc-dl__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  await expect(dd('Product')).toHaveText('Shop NG');
  await expect(dd('Allowed callback URLs')).toContainText('https://b.shop.example.com/cb');
  const stored = await storedClient(server);
  expect(stored.productName).toBe('Shop NG');
  expect(stored.callbackUrls).toEqual(expectedCallbacks);
  expect(stored.applicationName).toBe('storefront');
  expect(crashes).toEqual([]);
});

test('Save clicked again while saving sends one PATCH; the button says it is busy', async ({ page, server }) => {
  const patches = capturePatches(page);
  await openEdit(page, server);
  await product(page).fill('Shop, once');
  // The PATCH is held until the extra clicks are done, however slow the machine.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/v1/tenants/*/clients/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.fallback();
    await held;
    return route.fallback();
  });
  await page.getByRole('button', { name: 'Review changes' }).click();
  const save = page.getByRole('region', { name: 'Review changes' }).getByRole('button', { name: /^(Save changes|Saving…)$/ });
  await save.click();
  await expect(save).toHaveText('Saving…');
  await expect(save).toHaveAttribute('aria-busy', 'true');
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await save.click({ force: true });
  await save.click({ force: true });
  release();
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}$`));
  expect(patches).toHaveLength(1);
  expect((await storedClient(server)).productName).toBe('Shop, once');
});

test('the read-only section explains why name, type and grant types cannot change', async ({ page, server }) => {
  await openEdit(page, server);
  const ro = page.getByRole('region', { name: 'Not editable here' });
  await expect(ro).toContainText('cannot change the name, type, grant types');
  await expect(ro).toContainText('Shop Storefront');
  await expect(ro).toContainText('Regular web app');
  await expect(ro).toContainText('authorization_code');
  // No inputs for them.
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(0);
  // Nothing changed yet: Review is disabled with a reason.
  const reviewBtn = page.getByRole('button', { name: 'Review changes' });
  await expect(reviewBtn).toHaveAttribute('aria-disabled', 'true');
  await expect(reviewBtn).toHaveAccessibleDescription('Nothing has changed yet.');
});

for (const [label, errors] of [
  ['camelCase indexed key', { 'callbackUrls[0]': ['Callback host not allowed.'], ProductName: ['Unknown product.'] }],
] as const) {
  test(`server field errors appear at their fields (${label})`, async ({ page, server }) => {
    await page.route('**/v1/tenants/*/clients/*', async (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      await route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'One or more validation errors occurred.', status: 400, errors, traceId: '00-edit-01' }),
      });
    });
    await openEdit(page, server);
    await product(page).fill('Nope');
    await callbackItems(page).nth(0).fill('https://blocked.example.com/callback');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('One or more validation errors occurred.')).toBeVisible();
    await expect(page.getByText('00-edit-01')).toBeVisible();
    // Back in the form, with the messages at their fields and the draft intact.
    await expect(product(page)).toBeVisible();
    await expect(product(page)).toHaveValue('Nope');
    await expect(product(page)).toHaveAccessibleDescription(/Unknown product\./);
    await expect(product(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(callbackItems(page).nth(0)).toHaveAccessibleDescription(/Callback host not allowed\./);
    await expect(callbackItems(page).nth(0)).toHaveAttribute('aria-invalid', 'true');
    await expect(callbackItems(page).nth(1)).not.toHaveAttribute('aria-invalid', 'true');
    expect((await storedClient(server)).productName).toBe('Shop');
  });
}

test('a 401 while saving asks to sign in again, then saves the draft', async ({ page, server }) => {
  const patches = capturePatches(page);
  await openEdit(page, server);
  await product(page).fill('Shop after re-auth');
  await page.getByRole('textbox', { name: 'Application name' }).fill('storefront-2');
  await devPost(server, '/dev/revoke-tokens');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again to continue' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: new RegExp(`^Sign in as ${PERSONAS.admin}`) }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}$`));
  const stored = await storedClient(server);
  expect(stored.productName).toBe('Shop after re-auth');
  expect(stored.applicationName).toBe('storefront-2');
  // The first PATCH got the 401, the retry carried the same body.
  expect(patches.length).toBe(2);
  expect(patches[1].postDataJSON()).toEqual(patches[0].postDataJSON());
  expect(patches[1].postDataJSON()).toEqual({ productName: 'Shop after re-auth', applicationName: 'storefront-2' });
});

test('the unsaved-changes guard asks before leaving by link, and arms beforeunload', async ({ page, server }) => {
  await openEdit(page, server);
  await product(page).fill('Draft product');

  // Dismiss: stay, with the draft intact.
  await refuseLeaving(page, () => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click(), /unsaved changes/);
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}/edit$`));
  await expect(product(page)).toHaveValue('Draft product');

  // Signing out would drop the draft too: asked as well.
  await refuseLeaving(page, () => page.getByRole('button', { name: 'Sign out' }).click(), /unsaved changes/);
  await expect(product(page)).toHaveValue('Draft product');

  // beforeunload is armed.
  const beforeUnload = new Promise<string>((resolve) => {
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await beforeUnload).toBe('beforeunload');
});

test('accepting the unsaved-changes question leaves the page; no question without changes', async ({ page, server }) => {
  await openEdit(page, server);
  await product(page).fill('Draft product');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  expect((await storedClient(server)).productName).toBe('Shop');

  // Without changes, no question.
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.dismiss();
  });
  await page.goto(`${server.url}/clients/${ID}/edit`);
  await expect(product(page)).toHaveValue('Shop');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  expect(asked).toBe(false);
});

test('browser back with unsaved changes asks first; staying keeps the draft', async ({ page, server }) => {
  // Arrive at the edit view from the detail view, so "back" stays in the app.
  await signInAs(page, server, 'admin', `/clients/${ID}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Edit / })).toBeVisible();
  await product(page).fill('Draft product');

  await refuseLeaving(page, () => page.evaluate(() => history.back()), /unsaved changes/);
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}/edit$`));
  await expect(product(page)).toHaveValue('Draft product');

  page.once('dialog', (d) => void d.accept());
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(new RegExp(`/clients/${ID}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Shop Storefront' })).toBeVisible();
  expect((await storedClient(server)).productName).toBe('Shop');
});
