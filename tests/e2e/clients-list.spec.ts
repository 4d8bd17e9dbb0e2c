import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { devPost, signInAs, storedClients, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const table = (page: Page) => page.getByRole('table', { name: 'Clients' });
const rows = (page: Page) => table(page).locator('tbody tr');
/** The names in the first column, in order. */
const names = (page: Page) => rows(page).locator('td:first-child a').allTextContents();
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });

test.describe('clients list (36 demo clients)', () => {
  test('lists every client, passes axe, and has a screenshot', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    await expect(page.getByText('36 clients', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, 'list');
    expect(crashes).toEqual([]);
  });

  test('the first view asks for one stylesheet, one script, the wasm, config.json and the list once', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    // A reload with the stored session: the boot script starts the list
    // request before the wasm runs, and the console takes it over.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // The wasm arrives late, as on a slow link: the list must not wait for it.
    await page.route('**/*.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    });
    await page.reload();
    await expect(rows(page)).toHaveCount(36);
    const files = requests.filter((p) => !/favicon/.test(p));
    expect(files.filter((p) => p.endsWith('.css')), files.join('\n')).toHaveLength(1);
    expect(files.filter((p) => p.endsWith('.js')), files.join('\n')).toHaveLength(1);
    expect(files.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
    expect(files.filter((p) => p.endsWith('config.json'))).toHaveLength(1);
    expect(files.filter((p) => /\/v1\/tenants\/[^/]+\/clients$/.test(p)), files.join('\n')).toHaveLength(1);
    expect(files).toHaveLength(6);
    // The list was asked for by the boot script, before the wasm had even
    // arrived (not by the console once it ran).
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const list = entries.find((e) => /\/v1\/tenants\/[^/]+\/clients$/.test(new URL(e.name).pathname));
      const wasm = entries.find((e) => e.name.endsWith('.wasm'));
      return { list: list?.startTime ?? -1, wasm: wasm?.responseStart ?? -1 };
    });
    expect(timing.list, JSON.stringify(timing)).toBeGreaterThan(0);
    expect(timing.list, `the list started after the wasm arrived: ${JSON.stringify(timing)}`).toBeLessThan(timing.wasm);
  });

  test('search by name, client id, product and application name narrows rows and sets q=', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);

    await search(page).fill('Storefront');
    await expect(page).toHaveURL(/[?&]q=Storefront/);
    await expect.poll(() => names(page)).toEqual(['Shop Storefront']);

    await search(page).fill('cl_billing_tax_33');
    await expect(page).toHaveURL(/[?&]q=cl_billing_tax_33/);
    await expect.poll(() => names(page)).toEqual(['Tax Calculator']);

    await search(page).fill('Marketing');
    await expect.poll(() => names(page)).toEqual(['Kampagnen-Planer (Marketing)']);

    await search(page).fill('invoice-export');
    await expect(page).toHaveURL(/[?&]q=invoice-export/);
    await expect.poll(() => names(page)).toEqual(['Invoice Export Job']);
    await expect(page.getByText('1 of 36 clients match')).toBeVisible();

    // A product search finds every client of the product.
    await search(page).fill('billing');
    const billing = await names(page);
    expect(billing).toEqual(
      expect.arrayContaining(['Billing Service', 'Billing Customer Portal', 'Dunning Scheduler', 'Tax Calculator', 'Invoice Export Job']),
    );
    expect(billing).not.toContain('Shop Storefront');

    // The URL state survives a reload.
    await page.reload();
    await expect(search(page)).toHaveValue('billing');
    await expect.poll(() => names(page)).toEqual(billing);
  });

  test('type and managed-by filters narrow rows and go into the URL', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);

    await page.getByLabel('Type', { exact: true }).selectOption('spa');
    await expect(page).toHaveURL(/[?&]type=spa/);
    const typeCells = rows(page).locator('td:nth-child(2)');
    await expect(rows(page)).not.toHaveCount(36);
    const types = await typeCells.allTextContents();
    expect(types.length).toBeGreaterThan(3);
    expect(new Set(types)).toEqual(new Set(['Single-page app']));

    await page.getByLabel('Type', { exact: true }).selectOption('');
    await page.getByLabel('Managed by').selectOption('terraform');
    await expect(page).toHaveURL(/[?&]managed=terraform/);
    await expect(rows(page)).toHaveCount(10);
    await expect(page.getByText('10 of 36 clients match')).toBeVisible();
    const managed = await rows(page).locator('td:nth-child(5)').allTextContents();
    expect(new Set(managed.map((m) => m.trim()))).toEqual(new Set(['Terraform']));
    expect(await names(page)).toContain('Payments Gateway');

    await page.getByLabel('Managed by').selectOption('manual');
    await expect(rows(page)).toHaveCount(26);
    expect(await names(page)).not.toContain('Payments Gateway');
  });

  test('sort by name both ways and by product', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    const ascending = await names(page);
    const sorted = [...ascending].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(ascending[0]).toBe(sorted[0]);

    await page.getByRole('button', { name: /^Sort order: ascending/ }).click();
    await expect(page).toHaveURL(/[?&]sort=-name/);
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => names(page)).toEqual([...ascending].reverse());

    await page.getByRole('button', { name: /^Sort order: descending/ }).click();
    await page.getByLabel('Sort by').selectOption('product');
    await expect(page).toHaveURL(/[?&]sort=product/);
    await expect(page.getByRole('columnheader', { name: 'Product' })).toHaveAttribute('aria-sort', 'ascending');
    const products = (await rows(page).locator('td:nth-child(4)').allTextContents()).map((p) => p.trim());
    const named = products.filter((p) => p !== 'not set');
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
    expect(named[0]).toBe('Analytics');
  });

  test('column headers sort on click and from the keyboard, with aria-sort', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    const ids = () => rows(page).locator('td:nth-child(3) code').allTextContents();
    await page.getByRole('button', { name: 'Client ID', exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=id/);
    await expect(page.getByRole('columnheader', { name: 'Client ID' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
    const ascending = await ids();
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    // Again, from the keyboard: the other way round.
    await page.getByRole('button', { name: 'Client ID', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]sort=-id/);
    await expect(page.getByRole('columnheader', { name: 'Client ID' })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(ids).toEqual([...ascending].reverse());
    // Managed by: manual first, then Terraform.
    await page.getByRole('button', { name: 'Managed by', exact: true }).click();
    const managed = (await rows(page).locator('td:nth-child(5)').allTextContents()).map((m) => m.trim());
    expect(managed.indexOf('Terraform')).toBe(26);
    expect(managed.slice(26).every((m) => m === 'Terraform')).toBe(true);
  });

  test('"/" goes to the search box, but is typed as itself in a field', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    await page.getByRole('heading', { name: 'Clients', level: 1 }).click();
    await page.keyboard.press('/');
    await expect(search(page)).toBeFocused();
    await page.keyboard.type('a/b');
    await expect(search(page)).toHaveValue('a/b');
  });

  test('back and forward step through filter changes', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    await page.getByLabel('Type', { exact: true }).selectOption('native');
    await expect(page).toHaveURL(/type=native/);
    await page.getByLabel('Managed by').selectOption('terraform');
    await expect(page).toHaveURL(/type=native&managed=terraform/);
    await expect(page.getByRole('heading', { name: 'No clients match' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/type=native$/);
    await expect(page.getByLabel('Managed by')).toHaveValue('');
    await expect(page.getByLabel('Type', { exact: true })).toHaveValue('native');
    const native = await rows(page).locator('td:nth-child(2)').allTextContents();
    expect(native.length).toBeGreaterThan(0);
    expect(new Set(native)).toEqual(new Set(['Native app']));

    await page.goBack();
    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByLabel('Type', { exact: true })).toHaveValue('');
    await expect(rows(page)).toHaveCount(36);

    await page.goForward();
    await expect(page).toHaveURL(/type=native$/);
    await expect(page.getByLabel('Type', { exact: true })).toHaveValue('native');
    await expect(rows(page)).toHaveCount(native.length);
  });

  test('an empty result says so and "Clear search and filters" brings every row back', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await page.getByLabel('Managed by').selectOption('terraform');
    await search(page).fill('zzz-no-such-client');
    await expect(page.getByRole('heading', { name: 'No clients match' })).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(rows(page)).toHaveCount(36);
    await expect(search(page)).toHaveValue('');
    await expect(page.getByLabel('Managed by')).toHaveValue('');
    await expect(page).toHaveURL(/\/clients$/);
  });

  test('a row opens the detail view by mouse and by keyboard', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    // Click on the row (its product cell), not on the link.
    const row = rows(page).filter({ has: page.getByRole('link', { name: 'Tax Calculator', exact: true }) });
    await row.locator('td:nth-child(4)').click();
    await expect(page).toHaveURL(/\/clients\/cl_billing_tax_33$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tax Calculator' })).toBeVisible();

    await page.goBack();
    await expect(rows(page)).toHaveCount(36);
    await table(page).getByRole('link', { name: 'Wallet App', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/clients\/cl_payments_wallet_17$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Wallet App' })).toBeVisible();
  });

  test('one tab stop per row; the arrows reach Copy and the rows above and below', async ({ page, server, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signInAs(page, server, 'admin');
    const link = (name: string) => table(page).getByRole('link', { name, exact: true });
    await link('Gift Cards').focus();
    await page.keyboard.press('Tab');
    await expect(link('Internal Admin Portal')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(link('Gift Cards')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const copy = page.getByRole('button', { name: 'Copy client ID of Gift Cards' });
    await expect(copy).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(copy).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('cl_giftcards_36');
    await page.keyboard.press('ArrowLeft');
    await expect(link('Gift Cards')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(link('Internal Admin Portal')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(link('Gift Cards')).toBeFocused();
    // Reaching row 32 takes 32 Tab presses from the first row, not 64.
    await link(await table(page).getByRole('link').first().innerText()).focus();
    for (let i = 0; i < 31; i++) await page.keyboard.press('Tab');
    await expect(table(page).getByRole('link').nth(31)).toBeFocused();
  });

  test('copy button puts the client id on the clipboard', async ({ page, server, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signInAs(page, server, 'admin');
    await page.getByRole('button', { name: 'Copy client ID of Gift Cards' }).click();
    await expect(page).toHaveURL(/\/clients$/); // copying does not open the row
    await expect(page.getByRole('button', { name: 'Copy client ID of Gift Cards' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('cl_giftcards_36');
  });

  test('a failing list shows the problem with its status, and "Try again" recovers', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(36);
    await devPost(server, '/dev/faults', { status: 503, body: 'html', pathContains: '/clients', method: 'GET', count: 1 });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'HTTP 503' });
    await expect(alert).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await saveScreenshot(page, 'problem');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(rows(page)).toHaveCount(36);
    await expect(page.getByRole('alert').filter({ hasText: 'HTTP 503' })).toHaveCount(0);
  });
});

/** The pager under the list. */
const pager = (page: Page) => page.getByRole('navigation', { name: 'Pages', exact: true });

/** The pager shows page `n` of `of`. */
async function expectPage(page: Page, n: number, of: string) {
  await expect(pager(page).getByRole('textbox', { name: 'Page' })).toHaveValue(String(n));
  await expect(pager(page)).toContainText(`of ${of}`);
}

test.describe('clients list (500 generated clients)', () => {
  test.use({ serverArgs: ['--clients', '500'] });

  test('export: every match of the search (not only the page), in the shown order, as CSV and JSON', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await signInAs(page, server, 'admin');
    await search(page).fill('1');
    await page.getByLabel('Sort by').selectOption('id');
    const status = page.locator('.ncc-page__head [role=status]');
    await expect(status).toHaveText(/ of 500 clients match/);
    const matching = Number((await status.innerText()).split(' of ')[0].replace(/,/g, ''));
    expect(matching).toBeGreaterThan(50); // more than one page
    const group = page.getByRole('group', { name: `Export the ${matching}:` });
    const [csvFile] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'Export as CSV' }).click()]);
    expect(csvFile.suggestedFilename()).toBe('clients.csv');
    const csv = readFileSync(await csvFile.path(), 'utf8').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('id,name,type,productName,applicationName,managedBy');
    expect(csv).toHaveLength(matching + 1);
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: 'Export as JSON' }).click()]);
    const items = JSON.parse(readFileSync(await jsonFile.path(), 'utf8'));
    expect(items).toHaveLength(matching);
    // The shown order (by client ID), and only matches.
    const ids = items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([...ids].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    for (const c of items) expect(JSON.stringify([c.name, c.id, c.productName, c.applicationName])).toContain('1');
    expect(csv[1].split(',')[0]).toBe(ids[0]);
    // The first page's rows are the file's first rows.
    expect(await rows(page).locator('td:nth-child(3) code').first().textContent()).toBe(ids[0]);
    expect(crashes).toEqual([]);
  });

  test('"Clients" and the return after a delete go back to the list as it was', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('a');
    await page.getByLabel('Rows per page').selectOption('25');
    await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    const state = new URL(page.url()).search;
    expect(state).toMatch(/q=a/);
    expect(state).toMatch(/per_page=25/);
    // Into a client and back by the breadcrumb.
    await table(page).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
    await expect(page).toHaveURL((u) => u.search === state);
    await expect(pager(page).getByRole('textbox', { name: 'Page' })).toHaveValue('2');
    // Delete one and come back to the same list.
    const name = await table(page).getByRole('link').first().innerText();
    await table(page).getByRole('link').first().click();
    await page.locator('.ncc-page__head').getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
    await dialog.getByRole('textbox').fill(name);
    await dialog.getByRole('button', { name: 'Delete client' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toBeVisible();
    await expect(page).toHaveURL((u) => u.pathname === '/clients' && new URLSearchParams(u.search).get('q') === 'a' && new URLSearchParams(u.search).get('per_page') === '25');
  });

  test('first, last and a typed page, from the pager above the list or below it', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    const above = page.getByRole('navigation', { name: 'Pages, above the list' });
    await expect(above).toBeVisible();
    await above.getByRole('button', { name: 'Last page' }).click();
    await expect(page).toHaveURL(/[?&]page=10/);
    await expectPage(page, 10, '10');
    await expect(above.getByRole('textbox', { name: 'Page' })).toHaveValue('10');
    await expect(pager(page).getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    await pager(page).getByRole('button', { name: 'First page' }).click();
    await expectPage(page, 1, '10');
    const jump = pager(page).getByRole('textbox', { name: 'Page' });
    await jump.fill('7');
    await jump.press('Enter');
    await expect(page).toHaveURL(/[?&]page=7/);
    await expectPage(page, 7, '10');
    // Beyond the last page is the last page; words are not a page.
    await jump.fill('99');
    await jump.press('Enter');
    await expectPage(page, 10, '10');
    await jump.fill('seven');
    await jump.press('Enter');
    await expectPage(page, 10, '10');
  });

  test('paging: next page goes into the URL, survives reload, and back returns', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(rows(page)).toHaveCount(50);
    await expectPage(page, 1, '10');
    const first = await names(page);
    await expect(pager(page).getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');

    await pager(page).getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expectPage(page, 2, '10');
    const second = await names(page);
    expect(second).toHaveLength(50);
    expect(second[0]).not.toBe(first[0]);
    expect(second.filter((n) => first.includes(n))).toEqual([]);

    await page.reload();
    await expectPage(page, 2, '10');
    await expect.poll(() => names(page)).toEqual(second);

    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expectPage(page, 1, '10');
    await expect.poll(() => names(page)).toEqual(first);

    // Rows per page.
    await page.getByLabel('Rows per page').selectOption('200');
    await expect(page).toHaveURL(/per_page=200/);
    await expect(rows(page)).toHaveCount(200);
    await expectPage(page, 1, '3');
  });
});

test.describe('clients list (1,200 generated clients)', () => {
  test.use({ serverArgs: ['--clients', '1200'] });

  test('counts read with thousands separators', async ({ page, server }) => {
    await signInAs(page, server, 'admin');
    await expect(page.getByText('1,200 clients', { exact: true })).toBeVisible();
    await page.getByLabel('Rows per page').selectOption('25');
    await expectPage(page, 1, '48');
  });
});

test.describe('a server that pages the list', () => {
  test.use({ serverArgs: ['--page-size', '10'] });

  test('every page is fetched, so search covers all clients', async ({ page, server }) => {
    const listCalls: string[] = [];
    page.on('request', (r) => {
      if (/\/v1\/tenants\/[^/]+\/clients(\?|$)/.test(r.url())) listCalls.push(r.url());
    });
    await signInAs(page, server, 'admin');
    await expect(page.getByText('36 clients')).toBeVisible();
    expect(listCalls.length, listCalls.join('\n')).toBe(4);
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('Workplace SSO');
    await expect(page.getByRole('link', { name: 'Workplace SSO Integration' })).toBeVisible();
    await expect(page.getByText(/The server sent/)).toHaveCount(0);
  });
});

test.describe('"what may I touch?"', () => {
  test('a product owner sees which rows are read-only and can keep only the clients they may change', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await signInAs(page, server, 'owner');
    await expect(rows(page)).toHaveCount(36);
    // The rule of decide(): owner by user id or role, or the product in scope.
    const mine = (c: any) => (c.owners ?? []).some((o: string) => ['po-shop-1', 'team-shop'].includes(o.trim())) || (c.productName ?? '').trim() === 'Shop';
    const stored = await storedClients(server);
    const editable = stored.filter(mine).map((c) => c.id).sort();
    expect(editable.length).toBeGreaterThan(0);
    expect(editable.length).toBeLessThan(36);
    await expect(table(page).locator('.ncc-table__read-only:not([hidden])')).toHaveCount(36 - editable.length);

    await page.getByLabel('Editable by').selectOption('me');
    await expect(page).toHaveURL(/[?&]editable=me/);
    await expect(rows(page)).toHaveCount(editable.length);
    const ids = (await rows(page).locator('td:nth-child(3) code').allTextContents()).sort();
    expect(ids).toEqual(editable);
    await expect(table(page).locator('.ncc-table__read-only:not([hidden])')).toHaveCount(0);
    // Each kept row can be edited: its detail page offers Edit as a link.
    await rows(page).first().getByRole('link').click();
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel('Editable by')).toHaveValue('me');
    await expectNoAxeViolations(page);
    expect(crashes).toEqual([]);
  });

  test('a viewer is told once that they can change nothing; no row is marked', async ({ page, server }) => {
    await signInAs(page, server, 'viewer');
    await expect(rows(page)).toHaveCount(36);
    await expect(page.getByRole('note').filter({ hasText: 'You can read these clients but change none of them' })).toBeVisible();
    await expect(table(page).locator('.ncc-table__read-only:not([hidden])')).toHaveCount(0);
    await page.getByLabel('Editable by').selectOption('me');
    await expect(page.getByRole('heading', { name: 'No clients match' })).toBeVisible();
  });
});
