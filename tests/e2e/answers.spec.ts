/**
 * Answers the console makes the most of: a 429's Retry-After, a paged list
 * whose next page is refused, and logos that load by themselves only from
 * the deployment's logo hosts.
 */
import { test, expect } from './fixtures';
import { devPost, signInAs, watchForCrashes } from './helpers';
import type { Page, Route } from '@playwright/test';

const ID = 'cl_billing_service_11';
const NAME = 'Billing Service';

test.describe('Retry-After', () => {
  test('a 429 says when to try again, in seconds or by date, on a client and on the list', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await signInAs(page, server, 'admin', '/clients');
    await devPost(server, '/dev/faults', { status: 429, retryAfter: '30', method: 'GET', pathContains: `/clients/${ID}` });
    await page.goto(`${server.url}/clients/${ID}`);
    const problem = page.getByRole('alert').filter({ hasText: 'HTTP 429' });
    await expect(problem).toContainText(/Too many requests/i);
    await expect(problem).toContainText('Try again in 30 seconds.');

    // An HTTP date, three minutes ahead.
    const date = new Date(Date.now() + 180_000).toUTCString();
    await devPost(server, '/dev/faults', { status: 429, retryAfter: date, method: 'GET', pathContains: `/clients/${ID}` });
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(problem).toContainText('Try again in 3 minutes.');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

    // The list, as the page's boot script fetches it on a reload.
    await page.goto(`${server.url}/clients`);
    await expect(page.getByRole('table', { name: 'Clients' })).toBeVisible();
    await devPost(server, '/dev/faults', { status: 429, retryAfter: '45', method: 'GET', pathContains: '/clients' });
    await page.reload();
    const listProblem = page.getByRole('alert').filter({ hasText: 'HTTP 429' });
    await expect(listProblem).toContainText('Try again in 45 seconds.');
    expect(crashes).toEqual([]);
  });
});

const LIST = /\/v1\/tenants\/[^/]+\/clients(\?.*)?$/;
const rows = [
  { id: 'cl_partial_1', name: 'Partial One', type: 'spa', manuallyCreated: true },
  { id: 'cl_partial_2', name: 'Partial Two', type: 'spa', manuallyCreated: true },
];

/** Another port on 127.0.0.1: another origin, outside the CSP's connect-src. */
function elsewhere(serverUrl: string): string {
  const u = new URL(serverUrl);
  u.port = String(Number(u.port) === 65535 ? 1024 : Number(u.port) + 1);
  return u.origin;
}

/** Records CSP violations from the start of every document. */
async function recordCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as any).__csp as string[]);
}

test.describe('a refused next page', () => {
  test('a next link to another port keeps the first page and says the list is partial, and why', async ({ page, server }) => {
    const other = elsewhere(server.url);
    const asked: string[] = [];
    await page.route(LIST, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ json: { items: rows, next: `${other}/v1/tenants/demo-tenant/clients?page=2` } });
    });
    await signInAs(page, server, 'admin', '/clients');
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.getByRole('link', { name: 'Partial One' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Partial Two' })).toBeVisible();
    const notice = page.getByRole('note').filter({ hasText: 'says there are more' });
    await expect(notice).toContainText(`points at another site (${other})`);
    expect(asked.every((u) => u.startsWith(server.url))).toBe(true);
  });

  test('a next page the CSP refuses (a redirect to another port) keeps the first page and names the reason', async ({ page, server }) => {
    const other = elsewhere(server.url);
    // Chromium names a request the CSP refused: its failure is "csp".
    const refused: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText === 'csp') refused.push(r.url());
    });
    await page.route(LIST, (route: Route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('cursor') === '2') {
        return route.fulfill({ status: 302, headers: { location: `${other}/v1/tenants/demo-tenant/clients?cursor=2` } });
      }
      return route.fulfill({ json: { items: rows, next: '/v1/tenants/demo-tenant/clients?cursor=2' } });
    });
    await signInAs(page, server, 'admin', '/clients');
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.getByRole('link', { name: 'Partial One' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Partial Two' })).toBeVisible();
    const notice = page.getByRole('note').filter({ hasText: 'says there are more' });
    await expect(notice).toContainText('A later page could not be read');
    await expect(notice).toContainText('security policy (CSP)');
    await expect(page.getByText('Check your connection')).toHaveCount(0);
    expect(refused).toEqual([`${server.url}/v1/tenants/demo-tenant/clients?cursor=2`]);
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const ALLOWED = 'logos.example.test';
const TRACKER = 'tracker.example.net';

/** Serves both logo hosts, recording every request that reaches them. */
async function logoHosts(page: Page) {
  const requested: string[] = [];
  for (const host of [ALLOWED, TRACKER]) {
    await page.route(`https://${host}/**`, (route) => {
      requested.push(route.request().url());
      return route.fulfill({ body: PNG, contentType: 'image/png' });
    });
  }
  return requested;
}

/** Serves client `id` with its logo at `logo`. */
async function withLogo(page: Page, id: string, logo: string) {
  await page.route(new RegExp(`/v1/tenants/[^/]+/clients/${id}$`), async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const client = await (await route.fetch()).json();
    await route.fulfill({ json: { ...client, logoUrl: logo } });
  });
}

const logoRow = (page: Page) =>
  page.locator('.ncc-dl__row').filter({ has: page.locator('dt', { hasText: /^Logo URL$/ }) }).locator('dd');

test.describe('logos, with Load logo allowed for any host', () => {
  test.use({ serverArgs: ['--logo-hosts', ALLOWED, '--csp-img-src', 'https:'] });

  test('a logo on another host is not requested until Load logo is pressed; one on a logo host shows', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    const requested = await logoHosts(page);
    const tracked = `https://${TRACKER}/pixel.png?c=${ID}`;
    await withLogo(page, ID, tracked);
    await withLogo(page, 'cl_shop_storefront_01', `https://${ALLOWED}/shop.png`);

    await signInAs(page, server, 'admin', `/clients/${ID}`);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(logoRow(page)).toContainText(tracked);
    const load = logoRow(page).getByRole('button', { name: 'Load logo' });
    await expect(load).toHaveAccessibleDescription(new RegExp(`${TRACKER} is not one of this console's logo hosts`));
    await expect(page.locator('.ncc-page__head img')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(requested).toEqual([]);

    await load.click();
    const loaded = logoRow(page).locator('img');
    await expect(loaded).toHaveAttribute('src', tracked);
    await expect.poll(() => requested).toEqual([tracked]);
    await expect(loaded).toBeVisible();
    await expect(logoRow(page).getByRole('button', { name: 'Load logo' })).toHaveCount(0);

    // A logo on a logo host loads by itself.
    await page.goto(`${server.url}/clients/cl_shop_storefront_01`);
    await expect(page.getByRole('heading', { level: 1, name: 'Shop Storefront' })).toBeVisible();
    await expect(page.locator('.ncc-page__head img')).toBeVisible();
    await expect(logoRow(page).getByRole('button', { name: 'Load logo' })).toHaveCount(0);
    await expect.poll(() => requested).toContain(`https://${ALLOWED}/shop.png`);
    expect(crashes).toEqual([]);
  });
});

test.describe('logos, under the default policy', () => {
  test.use({ serverArgs: ['--logo-hosts', ALLOWED] });

  test('the CSP lets only the logo hosts load, and a refused logo says why', async ({ page, server }) => {
    const requested = await logoHosts(page);
    const violations = await recordCsp(page);
    await withLogo(page, 'cl_shop_storefront_01', `https://${ALLOWED}/shop.png`);
    await withLogo(page, ID, `https://${TRACKER}/pixel.png`);

    await signInAs(page, server, 'admin', '/clients/cl_shop_storefront_01');
    await expect(page.locator('.ncc-page__head img')).toBeVisible();
    await expect.poll(() => requested).toEqual([`https://${ALLOWED}/shop.png`]);

    await page.goto(`${server.url}/clients/${ID}`);
    await logoRow(page).getByRole('button', { name: 'Load logo' }).click();
    await expect(logoRow(page)).toContainText('The logo could not be loaded');
    expect(requested).toEqual([`https://${ALLOWED}/shop.png`]);
    expect((await violations()).some((v) => v.startsWith('img-src') && v.includes(TRACKER))).toBe(true);
  });
});
