/**
 * Delivery: the release build under the strict CSP on every view, a sub-path
 * with a deep-link reload, a broken config.json, and the example host page
 * embedding the console through the custom element.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures';
import { devPost, signInAs, signInBasic, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

/** Records every CSP violation the page reports. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__csp as string[]);
}

test('the release build runs every view under the strict CSP with no violation', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await recordCspViolations(page);
  const res = await page.goto(server.url + '/clients');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await page.getByRole('button', { name: /^Sign in as Ada Admin/ }).click();
  await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
  const views: Array<[string, RegExp | string]> = [
    ['/clients?q=shop&type=spa', 'Clients'],
    ['/clients/cl_shop_storefront_01', 'Shop Storefront'],
    ['/clients/cl_shop_storefront_01/edit', 'Edit Shop Storefront'],
    ['/clients/new', 'New client'],
    ['/clients/does-not-exist', 'Not found'],
    ['/nowhere', 'Not found'],
  ];
  for (const [route, heading] of views) {
    await page.goto(server.url + route);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(await cspViolations(page), route).toEqual([]);
  }
  // Dialogs and the reveal are rendered too.
  await page.goto(server.url + '/clients/cl_shop_storefront_01');
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete this client?' })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(crashes).toEqual([]);
});

test.describe('under a sub-path', () => {
  test.use({ serverArgs: ['--base-path', '/admin/clients/'] });

  test('the same build works under /admin/clients/, including a deep-link reload', async ({ page, server }) => {
    await recordCspViolations(page);
    await page.goto(server.url + '/admin/clients/');
    await page.getByRole('button', { name: /^Sign in as Ada Admin/ }).click();
    await expect(page).toHaveURL(server.url + '/admin/clients/clients');
    await page.getByRole('link', { name: 'Billing Service' }).click();
    await expect(page).toHaveURL(server.url + '/admin/clients/clients/cl_billing_service_11');
    await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
    await page.goto(server.url + '/admin/clients/clients/cl_shop_storefront_01/edit');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit Shop Storefront' })).toBeVisible();
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
    await expect(page).toHaveURL(server.url + '/admin/clients/clients');
    expect(await cspViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sub-path-list');
  });
});

test.describe('configuration errors', () => {
  for (const [name, status, body, expected] of [
    ['invalid JSON', 200, '{"apiBaseUrl": ', /config\.json is not valid/],
    ['missing tenant', 200, '{"apiBaseUrl": ""}', /tenantId is missing/],
    ['absent file', 404, 'Not found', /answered HTTP 404/],
  ] as const) {
    test(`a ${name} config.json gives a clear error page`, async ({ page, server }) => {
      await page.route('**/config.json', (route) =>
        route.fulfill({ status, contentType: 'application/json', body }),
      );
      await page.goto(server.url + '/clients');
      const alert = page.getByRole('alert');
      await expect(alert.getByRole('heading', { level: 1 })).toContainText(/configuration/i);
      await expect(alert).toContainText(expected);
    });
  }

  test('an unreachable config.json names the problem', async ({ page, server }) => {
    await page.route('**/config.json', (route) => route.abort('connectionrefused'));
    await page.goto(server.url + '/clients');
    await expect(page.getByRole('alert')).toContainText(/unreachable/);
    await saveScreenshot(page, 'config-error');
  });
});

test('the example host page embeds the console through the custom element', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const dir = path.resolve(__dirname, '..', '..', 'examples', 'host');
  const serve = (file: string, type: string) => (route: any) =>
    route.fulfill({ status: 200, contentType: type, body: readFileSync(path.join(dir, file)) });
  await page.route(server.url + '/host-example/', serve('index.html', 'text/html'));
  await page.route(server.url + '/host-example/host.css', serve('host.css', 'text/css'));
  await page.route(server.url + '/host-example/host.js', serve('host.js', 'text/javascript'));

  await page.goto(server.url + '/host-example/');
  const hostHeading = page.getByRole('heading', { level: 1, name: 'Acme Portal' });
  const before = await hostHeading.evaluate((h) => {
    const s = getComputedStyle(h);
    return { color: s.color, font: s.fontFamily, size: s.fontSize, transform: s.textTransform };
  });
  expect(before.color).toBe('rgb(200, 0, 0)');

  // The console, inside the element's shadow root, lists the clients.
  await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
  await expect(page).toHaveURL(server.url + '/host-example/clients');
  const after = await hostHeading.evaluate((h) => {
    const s = getComputedStyle(h);
    return { color: s.color, font: s.fontFamily, size: s.fontSize, transform: s.textTransform };
  });
  expect(after).toEqual(before);
  // The host's h1/button rules do not reach the console.
  const consoleHeading = page.getByRole('heading', { level: 1, name: 'Clients' });
  const consoleStyle = await consoleHeading.evaluate((h) => getComputedStyle(h).color);
  expect(consoleStyle).not.toBe('rgb(200, 0, 0)');
  const newClient = page.getByRole('link', { name: 'New client' });
  expect(await newClient.evaluate((b) => getComputedStyle(b).borderStyle)).not.toBe('dashed');

  // Usable: open a client and come back.
  await page.getByRole('link', { name: 'Billing Service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  await saveScreenshot(page, 'embedded-detail');

  // getToken was asked before requests; after a 401 it is asked to refresh.
  const callsBefore: Array<{ forceRefresh: boolean }> = await page.evaluate(() => (window as any).getTokenCalls);
  expect(callsBefore.length).toBeGreaterThan(0);
  expect(callsBefore.every((c) => c.forceRefresh === false)).toBe(true);
  await devPost(server, '/dev/revoke-tokens');
  await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
  await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
  const callsAfter: Array<{ forceRefresh: boolean }> = await page.evaluate(() => (window as any).getTokenCalls);
  expect(callsAfter.some((c) => c.forceRefresh === true)).toBe(true);
  expect(crashes).toEqual([]);
});

test('a session survives a reload and sign-out forgets it', async ({ page, server }) => {
  await signInAs(page, server, 'owner');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  expect(stored.local).toBe(0);
  // Kept under a key named for this API and tenant.
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['ncc.session:|demo-tenant']);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Nexus Clients' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('Basic credentials stay in memory: nothing is stored, and a reload asks again', async ({ page, server }) => {
  await signInBasic(page, server, 'demo-admin (full rights)');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('password');
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Nexus Clients' })).toBeVisible();
});
