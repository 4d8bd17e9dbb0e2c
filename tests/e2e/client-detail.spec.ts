import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { apiCall, personaToken, signInAs, watchForCrashes } from './helpers';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

// Mobile shows only for native apps (or a client holding mobile values).
const GROUPS = ['Basics', 'Application URIs', 'Grant types', 'Tokens', 'Metadata'];

/** The value shown for a label inside the groups (dt → dd). */
function valueOf(page: Page, label: string) {
  return page.locator('.ncc-dl__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
}

async function openDetail(page: Page, id: string, title: string) {
  await page.goto(page.url().replace(/\/clients.*$/, `/clients/${id}`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

// The demo clients' logos are on cdn.example.com: listed as a logo host here,
// they load by themselves (tests/e2e/answers.spec.ts covers unlisted hosts).
test.describe('with the demo logo host listed', () => {
  test.use({ serverArgs: ['--logo-hosts', 'cdn.example.com'] });

  test('every group is shown for a full client, URLs are text, axe passes', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await signInAs(page, server, 'admin', '/clients/cl_shop_storefront_01');
    await expect(page.getByRole('heading', { level: 1, name: 'Shop Storefront' })).toBeVisible();
    for (const g of GROUPS) {
      await expect(page.getByRole('heading', { level: 2, name: g, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Mobile', exact: true })).toHaveCount(0);
    await expect(valueOf(page, 'Client ID')).toContainText('cl_shop_storefront_01');
    await expect(valueOf(page, 'Product')).toHaveText('Shop');
    await expect(valueOf(page, 'Application name')).toHaveText('storefront');
    await expect(valueOf(page, 'Allowed callback URLs')).toContainText('https://*.shop.example.com/callback');
    await expect(valueOf(page, 'Grant types')).toContainText('authorization_code');
    await expect(valueOf(page, 'Client UPN key')).toHaveText('shop-storefront');
    // URLs are text, never links.
    await expect(page.locator('.ncc-groups a[href^="http"]')).toHaveCount(0);
    await expect(page.locator('.ncc-groups a')).toHaveCount(0);
    // An https logo is shown.
    const logo = page.locator('.ncc-page__head img');
    await expect(logo).toHaveCount(1);
    await expect(logo).toHaveAttribute('src', 'https://cdn.example.com/logos/shop.png');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'detail');
    expect(crashes).toEqual([]);
  });

  test('the logo image is shown only for an https logo URL', async ({ page, server }) => {
    await signInAs(page, server, 'admin', '/clients/cl_shop_admin_06');
    await expect(page.getByRole('heading', { level: 1, name: 'Shop Back Office' })).toBeVisible();
    // http logo: shown as text, not loaded.
    await expect(valueOf(page, 'Logo URL')).toHaveText('http://legacy.example.com/shop-admin.gif');
    await expect(page.locator('img')).toHaveCount(0);

    await openDetail(page, 'cl_billing_portal_12', 'Billing Customer Portal');
    await expect(page.locator('.ncc-page__head img')).toHaveAttribute('src', 'https://cdn.example.com/logos/billing.svg');
    await expect(page.locator('.ncc-groups a[href^="http"]')).toHaveCount(0);

    await openDetail(page, 'cl_billing_dunning_13', 'Dunning Scheduler');
    await expect(valueOf(page, 'Logo URL')).toHaveText('not set');
    await expect(page.locator('img')).toHaveCount(0);
  });
});

for (const [id, title] of [
  ['cl_nameless_31', 'cl_nameless_31'],
  ['cl_legacy_import_29', 'Legacy Import'],
] as const) {
  test(`a null-heavy client (${id}) says "not set", never null or blank`, async ({ page, server }) => {
    await signInAs(page, server, 'admin', `/clients/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    for (const g of GROUPS) {
      await expect(page.getByRole('heading', { level: 2, name: g, exact: true })).toBeVisible();
    }
    const values = await page.locator('.ncc-groups dd').allInnerTexts();
    expect(values.length).toBeGreaterThan(20);
    for (const [i, v] of values.entries()) {
      expect(v.trim(), `value #${i} is blank`).not.toBe('');
      expect(v, `value #${i}`).not.toMatch(/\b(null|undefined|NaN)\b/);
    }
    expect(values.filter((v) => v.trim() === 'not set').length).toBeGreaterThan(15);
    await expect(valueOf(page, 'Client secret')).toHaveText('not set');
    await expect(valueOf(page, 'Type')).toHaveText('not set');
    await expect(valueOf(page, 'Allowed callback URLs')).toHaveText('not set');
    await expect(page.locator('.ncc-page__head img')).toHaveCount(0);
    const body = await page.locator('main, body').first().innerText();
    expect(body).not.toMatch(/\bnull\b/);
  });
}

test('the secret is masked until revealed, and can be copied', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const secret = 'demo-secret-catalog-sync-9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a';
  await signInAs(page, server, 'admin', '/clients/cl_shop_catalog_sync_05');
  const value = valueOf(page, 'Client secret');
  await expect(value).toBeVisible();
  await expect(value).not.toContainText(secret);
  expect(await page.content()).not.toContain(secret);
  await value.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(value).toContainText(secret);
  await value.getByRole('button', { name: 'Hide secret' }).click();
  await expect(value).not.toContainText(secret);
  await value.getByRole('button', { name: 'Copy client secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
});

test('a Terraform-managed client has a badge and a warning', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/cl_payments_gateway_14');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments Gateway' })).toBeVisible();
  await expect(page.getByText('Terraform-managed', { exact: true })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Managed by Terraform');
  await expect(valueOf(page, 'Managed by')).toHaveText('Terraform');

  await openDetail(page, 'cl_billing_dunning_13', 'Dunning Scheduler');
  await expect(page.getByText('Terraform-managed', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(valueOf(page, 'Managed by')).toHaveText('Manual');
});

test('an unknown id shows "Not found" with a link back to the list', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/cl_does_not_exist_99');
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page.getByText(/cl_does_not_exist_99/)).toBeVisible();
  await saveScreenshot(page, 'not-found');
  await page.getByRole('link', { name: 'Back to the client list' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(36);
});

test('the Mobile card shows for a native app only', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/cl_shop_mobile_ios_02');
  await expect(page.getByRole('heading', { level: 1, name: 'Shop Mobile (iOS)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mobile', exact: true })).toBeVisible();
  await page.goto(server.url + '/clients/cl_shop_checkout_spa_04');
  await expect(page.getByRole('heading', { level: 1, name: 'Shop Checkout' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mobile', exact: true })).toHaveCount(0);
  // Cards take their own height: the short Grant types card is shorter than its row.
  const heights = await page.locator('.ncc-groups > .ncc-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().height));
  expect(new Set(heights.map(Math.round)).size, `card heights ${heights}`).toBeGreaterThan(1);
});

test('export: the client as JSON, downloaded or copied, without its id, secret or Terraform flag', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', '/clients/cl_shop_storefront_01');
  const card = page.getByRole('region', { name: 'Export' });
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('shop-storefront.client.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const exported = JSON.parse(text);
  expect(exported.name).toBe('Shop Storefront');
  expect(exported.type).toBe('regular_web');
  expect(exported.callbackUrls.length).toBeGreaterThan(0);
  for (const k of ['id', 'secret', 'manuallyCreated']) expect(exported).not.toHaveProperty(k);
  // What the server stores, minus those, is what the file holds.
  const { json: original } = await apiCall(server, await personaToken(server, 'admin'), 'GET', '/clients/cl_shop_storefront_01');
  expect(original.secret).toBeTruthy();
  expect(text).not.toContain(original.secret);
  expect(exported.productName).toBe(original.productName);

  await card.getByRole('button', { name: 'Copy JSON' }).click();
  await expect(card.getByRole('button', { name: 'Copy JSON' })).toHaveText('Copied');
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(exported);
  await expectNoAxeViolations(page);
  expect(crashes).toEqual([]);
});
