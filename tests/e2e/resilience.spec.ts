/**
 * Bad answers from the server, in the browser: a 500 HTML page, a malformed
 * body, a timeout, a dropped connection, a gateway timeout. Each gives a clear
 * problem, keeps what the user entered, and recovers on the next try. Faults
 * are queued on the stand-in (POST /dev/faults), so the real request path runs.
 */
import { test, expect, saveScreenshot } from './fixtures';
import { apiCall, devPost, personaToken, signInAs, storedClients, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

const SHOP = 'cl_shop_storefront_01';
const BILLING = 'cl_billing_service_11';

async function stored(server: any, id: string) {
  return (await apiCall(server, await personaToken(server, 'admin'), 'GET', `/clients/${id}`)).json;
}

/** Serves the release build's config.json with `requestTimeoutMs` lowered. */
async function shortTimeout(page: Page, ms: number) {
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch();
    const config = await res.json();
    await route.fulfill({ response: res, json: { ...config, requestTimeoutMs: ms } });
  });
}

test('a 500 HTML page while saving keeps the review and the draft; Save again succeeds', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', `/clients/${SHOP}/edit`);
  const product = page.getByRole('textbox', { name: 'Product', exact: true });
  await expect(product).toHaveValue('Shop');
  await product.fill('Shop after a 500');
  await devPost(server, '/dev/faults', { status: 500, body: 'html', method: 'PATCH', count: 1 });
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'Review changes' });
  await review.getByRole('button', { name: 'Save changes' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'HTTP 500' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('500 Internal Server Error');
  await expect(alert).not.toContainText('<');
  await saveScreenshot(page, 'edit-save-500');
  // Still reviewing, one click from trying again; nothing was saved.
  await expect(review).toBeVisible();
  expect((await stored(server, SHOP)).productName).toBe('Shop');
  await review.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${SHOP}$`));
  expect((await stored(server, SHOP)).productName).toBe('Shop after a 500');
  expect(crashes).toEqual([]);
});

test('a malformed client body is a readable problem, not a crash; Try again loads it', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin');
  await devPost(server, '/dev/faults', { status: 200, body: 'malformed', method: 'GET', pathContains: BILLING, count: 1 });
  await page.getByRole('link', { name: 'Billing Service' }).click();
  const alert = page.getByRole('alert').filter({ hasText: "The server's answer could not be read" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('not valid JSON');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  expect(crashes).toEqual([]);
});

test('a server that does not answer in time: the view says so, and Try again loads it', async ({ page, server }) => {
  await shortTimeout(page, 1500);
  await signInAs(page, server, 'admin');
  await devPost(server, '/dev/faults', { latencyMs: 5000, method: 'GET', pathContains: BILLING, count: 1 });
  await page.getByRole('link', { name: 'Billing Service' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The server took too long to answer' });
  await expect(alert).toBeVisible({ timeout: 4000 });
  await expect(alert).toContainText('No answer within 2 seconds');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
});

test('a dropped connection while creating keeps the form and warns the client may exist', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Machine to machine/ }).check();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Nightly Export');
  await page.getByRole('textbox', { name: 'Product', exact: true }).fill('Reports');
  // Dropped in the browser's network layer: the stand-in's own drop fault is
  // no use here, as Chromium quietly resends a request whose reused
  // keep-alive connection closes before an answer (on each idle socket).
  let dropped = 0;
  await page.route('**/v1/tenants/*/clients', (route) => {
    if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
    dropped += 1;
    return route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Create client' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'The server could not be reached' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('may have been created');
  await saveScreenshot(page, 'create-dropped');
  await expect(name).toHaveValue('Nightly Export');
  await expect(page.getByRole('textbox', { name: 'Product', exact: true })).toHaveValue('Reports');
  expect((await storedClients(server)).some((c) => c.name === 'Nightly Export')).toBe(false);

  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name: '\u201cNightly Export\u201d created', exact: false })).toBeVisible();
  expect((await storedClients(server)).filter((c) => c.name === 'Nightly Export')).toHaveLength(1);
});

test('a gateway timeout on rotate warns the secret may have changed; nothing else is lost', async ({ page, server }) => {
  const id = 'cl_shop_catalog_sync_05';
  const before = (await stored(server, id)).secret;
  await signInAs(page, server, 'admin', `/clients/${id}`);
  await devPost(server, '/dev/faults', { status: 504, body: 'html', method: 'POST', pathContains: 'rotate-secret', count: 1 });
  await page.locator('.ncc-page__head').getByRole('button', { name: 'Rotate secret' }).click();
  await page.getByRole('dialog', { name: 'Rotate the client secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'HTTP 504' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('may have been rotated');
  await expect(page.getByRole('region', { name: 'New client secret' })).toHaveCount(0);
  expect((await stored(server, id)).secret).toBe(before);
});

test('leaving the create form with typed input asks first; an untouched form does not', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/new');
  const breadcrumbClients = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' });
  // Only a type chosen: nothing to lose, no question.
  await page.getByRole('radio', { name: /^Single-page app/ }).check();
  let asked = '';
  const onDialog = (d: any) => {
    asked = d.message();
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  await breadcrumbClients.click();
  await expect(page).toHaveURL(/\/clients$/);
  expect(asked).toBe('');

  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Half-typed');
  await breadcrumbClients.click();
  await expect.poll(() => asked).toMatch(/unsaved changes/);
  await expect(page).toHaveURL(/\/clients\/new$/);
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Half-typed');
  page.off('dialog', onDialog);
});
