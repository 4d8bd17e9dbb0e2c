import { test, expect, saveScreenshot } from './fixtures';
import { apiCall, personaToken, signInAs, signInBasic, storedClients, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

const head = (page: Page) => page.locator('.ncc-page__head');
const dd = (page: Page, label: string) =>
  page.locator('.ncc-dl__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

async function stored(server: any, id: string) {
  return apiCall(server, await personaToken(server, 'admin'), 'GET', `/clients/${id}`);
}

test('rotate the secret behind a confirmation; the new one is shown once and differs', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const crashes = watchForCrashes(page);
  const id = 'cl_shop_catalog_sync_05';
  const old = (await stored(server, id)).json.secret as string;
  expect(old).toBeTruthy();
  await signInAs(page, server, 'admin', `/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Shop Catalog Sync' })).toBeVisible();

  await head(page).getByRole('button', { name: 'Rotate secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate the client secret?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('the current one stops working at once');
  await saveScreenshot(page, 'rotate-dialog');
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await stored(server, id)).json.secret).toBe(old);

  await head(page).getByRole('button', { name: 'Rotate secret' }).click();
  await dialog.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(dialog).toBeHidden();
  const panel = page.getByRole('region', { name: 'New client secret' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('this panel shows it once');
  const now = (await stored(server, id)).json.secret as string;
  expect(now).not.toBe(old);
  await expect(panel.locator('code')).toHaveText(now);
  await panel.getByRole('button', { name: 'Copy new client secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(now);
  // The masked field now holds the new secret too.
  await dd(page, 'Client secret').getByRole('button', { name: 'Reveal secret' }).click();
  await expect(dd(page, 'Client secret')).toContainText(now);
  expect(crashes).toEqual([]);
});

test('Rotate secret is disabled, with the domain\'s reason, for Private Key JWT and public clients; the server still refuses', async ({ page, server }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('rotate')) requests.push(r.url());
  });
  await signInAs(page, server, 'admin');
  for (const [id, name, reason] of [
    ['cl_partner_pkjwt_15', 'Partner Integration (Private Key JWT)', 'authenticates with Private Key JWT'],
    ['cl_shop_checkout_spa_04', 'Shop Checkout', 'public client'],
  ]) {
    await page.goto(`${server.url}/clients/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const rotate = head(page).getByRole('button', { name: 'Rotate secret' });
    await expect(rotate).toHaveAttribute('aria-disabled', 'true');
    await expect(rotate).toHaveAccessibleDescription(new RegExp(reason));
    // Pressing it (by keyboard: it stays focusable, to be explained) opens nothing.
    await rotate.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Rotate the client secret?' })).toBeHidden();
  }
  await expect(dd(page, 'Client secret')).toContainText('a public client has no secret');
  expect(requests).toEqual([]);
  // The stand-in refuses a Private Key JWT rotation anyway (the console no longer asks).
  const res = await apiCall(server, await personaToken(server, 'admin'), 'POST', '/clients/cl_partner_pkjwt_15/rotate-secret');
  expect(res.status).toBe(400);
});

test('delete asks for the client name, then the client is gone', async ({ page, server }) => {
  const id = 'cl_billing_dunning_13';
  const name = 'Dunning Scheduler';
  await signInAs(page, server, 'admin', `/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await head(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete client' });
  const input = dialog.getByRole('textbox', { name: `Type “${name}” to confirm` });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await input.fill('Dunning');
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await confirm.click({ force: true });
  await expect(dialog).toBeVisible();
  expect((await stored(server, id)).status).toBe(200);
  await input.fill(name);
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await saveScreenshot(page, 'delete-dialog');
  await confirm.click();

  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('status').filter({ hasText: `Client “${name}” deleted.` })).toBeVisible();
  await expect(page.getByText('35 clients', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link', { name })).toHaveCount(0);
  expect((await stored(server, id)).status).toBe(404);
  expect((await storedClients(server)).map((c) => c.id)).not.toContain(id);

  await page.goto(`${server.url}/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
});

test('a 403 on delete (Basic viewer) shows the problem and disables Delete with the server reason', async ({ page, server }) => {
  const id = 'cl_billing_dunning_13';
  const name = 'Dunning Scheduler';
  await signInBasic(page, server, 'demo-viewer (read only)', `/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const del = head(page).getByRole('button', { name: 'Delete' });
  await expect(del).not.toHaveAttribute('aria-disabled', 'true');
  await del.click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
  await dialog.getByRole('textbox', { name: `Type “${name}” to confirm` }).fill(name);
  await dialog.getByRole('button', { name: 'Delete client' }).click();
  await expect(dialog).toBeHidden();
  const problem = page.getByRole('alert').filter({ hasText: 'HTTP 403' });
  await expect(problem).toBeVisible();
  const detail = (await problem.locator('.ncc-problem__detail').innerText()).trim();
  expect(detail).toMatch(/delete this client/);
  await expect(del).toHaveAttribute('aria-disabled', 'true');
  await expect(del).toHaveAccessibleDescription(detail);
  // Still there.
  expect((await stored(server, id)).status).toBe(200);
  // Rotate was not refused yet, so it stays enabled.
  await expect(head(page).getByRole('button', { name: 'Rotate secret' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('a 403 on save (Basic viewer) shows the problem and disables Save with the server reason', async ({ page, server }) => {
  const id = 'cl_billing_dunning_13';
  await signInBasic(page, server, 'demo-viewer (read only)', `/clients/${id}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Dunning Scheduler' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Product', exact: true }).fill('Billing 2');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save).not.toHaveAttribute('aria-disabled', 'true');
  await save.click();
  const problem = page.getByRole('alert').filter({ hasText: 'HTTP 403' });
  await expect(problem).toBeVisible();
  const detail = (await problem.locator('.ncc-problem__detail').innerText()).trim();
  expect(detail).toMatch(/edit this client/);
  await expect(save).toBeVisible();
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(save).toHaveAccessibleDescription(detail);
  expect((await stored(server, id)).json.productName).toBe('Billing');
  // The draft is still there.
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(page.getByRole('textbox', { name: 'Product', exact: true })).toHaveValue('Billing 2');
});

test('Enter in the typed delete confirmation confirms once the name matches, not before', async ({ page, server }) => {
  const id = 'cl_billing_dunning_13';
  const name = 'Dunning Scheduler';
  await signInAs(page, server, 'admin', `/clients/${id}`);
  await head(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
  const input = dialog.getByRole('textbox', { name: `Type “${name}” to confirm` });
  await input.fill('Dunning');
  await input.press('Enter');
  await expect(dialog).toBeVisible();
  expect((await stored(server, id)).status).toBe(200);
  await input.fill(name);
  await input.press('Enter');
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('status').filter({ hasText: `Client “${name}” deleted.` })).toBeVisible();
  expect((await stored(server, id)).status).toBe(404);
});

test('a viewer at the edit route sees why, not a form', async ({ page, server }) => {
  await signInAs(page, server, 'viewer', '/clients/cl_billing_service_11/edit');
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot edit Billing Service' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('client.write');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('link', { name: 'View the client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
});

test('a client whose name is too long to type is confirmed for delete by its ID', async ({ page, server }) => {
  const id = 'cl_billing_service_11';
  const longName = 'N'.repeat(100_000);
  await page.route(`**/v1/tenants/*/clients/${id}`, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...(await res.json()), name: longName } });
  });
  await signInAs(page, server, 'admin', `/clients/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('NNNN');
  await head(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
  const input = dialog.getByRole('textbox', { name: `Type “${id}” to confirm` });
  await input.fill(id);
  await input.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
  expect((await stored(server, id)).status).toBe(404);
});
