/**
 * Answers that arrive after the user moved on. Client A's answer (its load, a
 * rotate with A's new secret, a delete) that comes after back/forward to
 * client B must never render under B, nor move the user off B; leaving while
 * a rotate is on its way asks first, since its secret is shown only once.
 *
 * The two clients' detail views must follow each other in the history, as
 * when a link elsewhere on the page (an embedding portal's) opens another
 * client: the route stays the same and only its id changes.
 */
import { test, expect } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

const A = { id: 'cl_shop_storefront_01', name: 'Shop Storefront' };
const B = { id: 'cl_billing_service_11', name: 'Billing Service' };

const head = (page: Page) => page.locator('.ncc-page__head');
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

/** A gate: requests wait at it until `open()`. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** Records whether `text` ever shows anywhere in the page from now on. */
async function watchFor(page: Page, text: string) {
  await page.evaluate((t) => {
    const w = window as any;
    w.__nccSeen = false;
    const look = () => {
      if (document.body.textContent?.includes(t)) w.__nccSeen = true;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return () => page.evaluate(() => (window as any).__nccSeen as boolean);
}

/** Opens client `id` (its `rest` view) by a link elsewhere on the page, as a portal's would. */
async function openByLink(page: Page, id: string, rest = '') {
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'Portal link';
    document.body.append(a);
  }, `/clients/${id}${rest}`);
  await page.getByRole('link', { name: 'Portal link' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${id}${rest}$`));
  await page.evaluate(() => document.querySelectorAll('body > a').forEach((a) => a.remove()));
}

const apiPath = (id: string, rest = '') => new RegExp(`/v1/tenants/[^/]+/clients/${id}${rest}$`);

test("client A's load, answered after going back to client B, never renders under B", async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', `/clients/${B.id}`);
  await expect(heading(page, B.name)).toBeVisible();

  const held = gate();
  await page.route(apiPath(A.id), async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    await held.opened;
    await route.fallback();
  });
  const seenA = await watchFor(page, A.name);
  await openByLink(page, A.id);
  await expect(page.getByRole('status').filter({ hasText: 'Loading the client' })).toBeAttached();

  // Back to B before A's answer arrives.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/clients/${B.id}$`));
  await expect(heading(page, B.name)).toBeVisible();

  const answered = page.waitForResponse(apiPath(A.id));
  held.open();
  expect((await answered).status()).toBe(200);
  await page.waitForTimeout(300);
  await expect(heading(page, B.name)).toBeVisible();
  expect(await seenA(), `${A.name} rendered under ${B.id}`).toBe(false);

  // Forward to A: A's own answer shows there.
  await page.goForward();
  await expect(heading(page, A.name)).toBeVisible();
  expect(crashes).toEqual([]);
});

test("client A's edit form, loaded after going back to B's, never replaces B's", async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', `/clients/${B.id}/edit`);
  await expect(heading(page, `Edit ${B.name}`)).toBeVisible();

  const held = gate();
  await page.route(apiPath(A.id), async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    await held.opened;
    await route.fallback();
  });
  const seenA = await watchFor(page, A.name);
  await openByLink(page, A.id, '/edit');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/clients/${B.id}/edit$`));
  await expect(heading(page, `Edit ${B.name}`)).toBeVisible();

  const answered = page.waitForResponse(apiPath(A.id));
  held.open();
  expect((await answered).status()).toBe(200);
  await page.waitForTimeout(300);
  await expect(heading(page, `Edit ${B.name}`)).toBeVisible();
  expect(await seenA(), `${A.name}'s form rendered under ${B.id}`).toBe(false);
  expect(crashes).toEqual([]);
});

test("a rotate asks before leaving, and A's new secret never lands in B's view", async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', `/clients/${B.id}`);
  await expect(heading(page, B.name)).toBeVisible();
  await openByLink(page, A.id);
  await expect(heading(page, A.name)).toBeVisible();

  const held = gate();
  await page.route(apiPath(A.id, '/rotate-secret'), async (route) => {
    await held.opened;
    await route.fallback();
  });
  await head(page).getByRole('button', { name: 'Rotate secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate the client secret?' });
  await dialog.getByRole('button', { name: 'Rotate secret' }).click();
  await expect(head(page).getByRole('button', { name: 'Working…' })).toBeVisible();

  // Back, while the rotate is on its way: the console asks; "stay" stays.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.goBack();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('shown only once');
  await expect(page).toHaveURL(new RegExp(`/clients/${A.id}$`));
  await expect(heading(page, A.name)).toBeVisible();

  // Back again, and leave this time.
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await page.goBack();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page).toHaveURL(new RegExp(`/clients/${B.id}$`));
  await expect(heading(page, B.name)).toBeVisible();

  const seenA = await watchFor(page, A.name);
  const answered = page.waitForResponse(apiPath(A.id, '/rotate-secret'));
  held.open();
  const secret = (await (await answered).json()).secret as string;
  expect(secret).toBeTruthy();
  // The rotation is reported, and the secret is nowhere.
  await expect(page.getByText(/was rotated after you left it/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'New client secret' })).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(heading(page, B.name)).toBeVisible();
  // A's name shows only in the toast that reports its rotation.
  expect(await page.locator('.ncc-page').textContent()).not.toContain(A.name);
  expect(await seenA()).toBe(true);
  expect(crashes).toEqual([]);
});

test("a delete of A answered after going back to B leaves the user on B", async ({ page, server }) => {
  await signInAs(page, server, 'admin', `/clients/${B.id}`);
  await expect(heading(page, B.name)).toBeVisible();
  await openByLink(page, A.id);
  await expect(heading(page, A.name)).toBeVisible();

  const held = gate();
  await page.route(apiPath(A.id), async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback();
    await held.opened;
    await route.fallback();
  });
  await head(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
  await dialog.getByRole('textbox', { name: `Type “${A.name}” to confirm` }).fill(A.name);
  await dialog.getByRole('button', { name: 'Delete client' }).click();
  await page.goBack();
  await expect(heading(page, B.name)).toBeVisible();

  const answered = page.waitForResponse(apiPath(A.id));
  held.open();
  expect((await answered).status()).toBe(204);
  await expect(page.getByText(`Client “${A.name}” deleted.`)).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(new RegExp(`/clients/${B.id}$`));
  await expect(heading(page, B.name)).toBeVisible();
});
