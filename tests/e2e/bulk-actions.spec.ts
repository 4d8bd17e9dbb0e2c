/**
 * Select many, act once (issue 11): the list's checkboxes and selection,
 * delete selected behind a typed confirmation, add and remove an owner (one
 * PATCH per client carrying only `owners`), the skipped clients and their
 * reasons, cancel, retry of a failed item, a 401 midway, and importing a list.
 */
import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { apiCall, devPost, personaToken, PERSONAS, signInAs, storedClients, watchForCrashes, refuseLeaving } from './helpers';
import type { Page, Request } from '@playwright/test';

const table = (page: Page) => page.getByRole('table', { name: 'Clients' });
const rows = (page: Page) => table(page).locator('tbody tr');
const selectionBar = (page: Page) => page.getByRole('group', { name: 'Selection' });
const selectedCount = (page: Page) => selectionBar(page).getByRole('status');
/** The run's status line (the first status in its region; Copy buttons have their own). */
const runStatus = (page: Page) => results(page).getByRole('status').first();
const pager = (page: Page) => page.getByRole('navigation', { name: 'Pages', exact: true });
// The run's own region (inside the page's): the one holding the progress bar.
const results = (page: Page) => page.getByRole('region').filter({ has: page.getByRole('progressbar') }).last();

/** Whether a client is one the demo product owner (po-shop-1, team-shop, Shop) may change. */
function ownerMayChange(c: any): boolean {
  const owners: string[] = Array.isArray(c.owners) ? c.owners : [];
  return owners.some((o) => ['po-shop-1', 'team-shop'].includes(String(o).trim())) || String(c.productName ?? '').trim() === 'Shop';
}

/** The API writes the page sends (method + path), as they are sent. */
function captureWrites(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (/\/v1\/tenants\/[^/]+\/clients/.test(r.url()) && r.method() !== 'GET') seen.push(r);
  });
  return seen;
}

/** Ticks the header box: every client on the shown page. */
const selectPage = (page: Page) => table(page).getByRole('checkbox', { name: 'Select all clients on this page' }).check();

/** "Add an owner" on the selection: the owner typed, then the dialog's button (which names the count). */
async function addOwner(page: Page, owner: string, button: string): Promise<void> {
  await selectionBar(page).getByRole('button', { name: 'Add an owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an owner to the selected clients' });
  await dialog.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill(owner);
  await dialog.getByRole('button', { name: button }).click();
}

const idOf = (r: Request) => decodeURIComponent(new URL(r.url()).pathname.split('/').pop() ?? '');

test('selection: a page, across pages, through sorting, and all that match a search', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  await expect(selectedCount(page)).toHaveText('No client selected');

  // The page's box selects the 25 shown; one more on page 2.
  await selectPage(page);
  await expect(selectedCount(page)).toHaveText('25 clients selected');
  await pager(page).getByRole('button', { name: 'Next page' }).click();
  await expect(rows(page)).toHaveCount(11);
  const pageBox = table(page).getByRole('checkbox', { name: 'Select all clients on this page' });
  await expect(pageBox).not.toBeChecked();
  const firstOnPage2 = rows(page).first().getByRole('checkbox');
  await firstOnPage2.check();
  await expect(selectedCount(page)).toHaveText('26 clients selected');
  // Mixed: some of the page are selected.
  expect(await pageBox.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);

  // Sorting the other way and back to page 1 keeps every tick.
  await page.getByRole('button', { name: /^Sort order: ascending/ }).click();
  await expect(selectedCount(page)).toHaveText('26 clients selected');
  const checked = await table(page).locator('tbody input[type=checkbox]:checked').count();
  const shown = await rows(page).count();
  expect(checked).toBeGreaterThan(0);
  expect(checked).toBeLessThanOrEqual(shown);

  // A search, then "select all matching" adds every match (here none new
  // beyond the matching ones already ticked), and Clear empties it.
  await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
  await expect(selectedCount(page)).toHaveText('No client selected');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('shop');
  const matching = selectionBar(page).getByRole('button', { name: /^Select all \d+ matching$/ });
  const n = Number((await matching.textContent())!.match(/\d+/)![0]);
  expect(n).toBeGreaterThan(1);
  // A sort reorders the same matches (the count is not taken again, and
  // stays right).
  await page.getByRole('button', { name: /^Sort order: / }).click();
  await expect(matching).toHaveText(`Select all ${n} matching`);
  await matching.click();
  await expect(selectedCount(page)).toHaveText(`${n} clients selected`);
  await expect(matching).toBeHidden();
  expect(crashes).toEqual([]);
});

test('the selection outlives a look at a client: back on the list it is as it was; signing out drops it', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  await rows(page).nth(1).getByRole('checkbox').check();
  await rows(page).nth(3).getByRole('checkbox').check();
  await expect(selectedCount(page)).toHaveText('2 clients selected');
  // Into a client and back by the breadcrumb.
  await rows(page).nth(0).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(rows(page)).toHaveCount(25);
  await expect(selectedCount(page)).toHaveText('2 clients selected');
  await expect(rows(page).nth(1).getByRole('checkbox')).toBeChecked();
  await expect(rows(page).nth(3).getByRole('checkbox')).toBeChecked();
  await expect(rows(page).nth(0).getByRole('checkbox')).not.toBeChecked();
  // Signing in again on this page (no reload) starts with nothing selected.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${PERSONAS.admin}`) }).click();
  await expect(rows(page)).toHaveCount(25);
  await expect(selectedCount(page)).toHaveText('No client selected');
});

test('delete selected asks for the count typed, deletes only those, and reports each', async ({ page, server }) => {
  const writes = captureWrites(page);
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  const names = await rows(page).locator('a.ncc-table__name').allTextContents();
  for (let i = 0; i < 3; i++) await rows(page).nth(i).getByRole('checkbox').check();
  await selectionBar(page).getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 clients?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete 3 clients' });
  await confirm.click({ force: true }); // aria-disabled until typed: nothing happens
  await expect(dialog).toBeVisible();
  expect(writes).toHaveLength(0);
  await dialog.getByRole('textbox', { name: 'Type “delete 3 clients” to confirm' }).fill('delete 3 clients');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(runStatus(page)).toHaveText('Finished: 3 of 3 done.');
  expect(writes.map((r) => r.method())).toEqual(['DELETE', 'DELETE', 'DELETE']);
  const left = (await storedClients(server)).map((c) => c.name);
  expect(left).toHaveLength(33);
  for (const gone of names.slice(0, 3)) expect(left).not.toContain(gone);
  // The list was reloaded: the deleted rows are gone and the selection with them.
  await expect(page.getByText('33 clients', { exact: true })).toBeVisible();
  await expect(selectedCount(page)).toHaveText('No client selected');
});

test('add and remove an owner: one PATCH per client carrying only owners', async ({ page, server }) => {
  const writes = captureWrites(page);
  const before = await storedClients(server);
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  await rows(page).nth(0).getByRole('checkbox').check();
  await rows(page).nth(1).getByRole('checkbox').check();
  const ids = await rows(page).locator('code').evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent ?? ''));

  await selectionBar(page).getByRole('button', { name: 'Add an owner' }).click();
  const add = page.getByRole('dialog', { name: 'Add an owner to the selected clients' });
  await add.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('a,b');
  await add.getByRole('button', { name: 'Add to 2 clients' }).click();
  await expect(add.getByRole('alert')).toHaveText(/comma/);
  await add.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('bulk-team');
  await add.getByRole('button', { name: 'Add to 2 clients' }).click();
  await expect(runStatus(page)).toHaveText('Finished: 2 of 2 done.');
  expect(writes.map((r) => [r.method(), idOf(r)])).toEqual(expect.arrayContaining(ids.map((id) => ['PATCH', id])));
  for (const r of writes) {
    const body = r.postDataJSON();
    expect(Object.keys(body)).toEqual(['owners']);
    expect(body.owners).toContain('bulk-team');
  }
  const after = await storedClients(server);
  for (const id of ids) {
    const b = before.find((c) => c.id === id);
    const a = after.find((c) => c.id === id);
    expect(a.owners).toEqual([...(b.owners ?? []), 'bulk-team']);
    // Nothing else changed.
    expect({ ...a, owners: null }).toEqual({ ...b, owners: null });
  }

  // Remove it again; a client without it would be skipped ("not an owner").
  writes.length = 0;
  await rows(page).nth(2).getByRole('checkbox').check();
  await selectionBar(page).getByRole('button', { name: 'Remove an owner' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove an owner from the selected clients' });
  await remove.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('bulk-team');
  await remove.getByRole('button', { name: 'Remove from 3 clients' }).click();
  await expect(runStatus(page)).toHaveText('Finished: 2 of 2 done, 1 skipped.');
  await expect(results(page).getByRole('listitem').filter({ hasText: 'skipped: “bulk-team” is not an owner.' })).toHaveCount(1);
  expect(writes).toHaveLength(2);
  const restored = await storedClients(server);
  for (const id of ids) {
    expect(restored.find((c) => c.id === id).owners ?? []).toEqual(before.find((c) => c.id === id).owners ?? []);
  }
});

test('a product owner is told who is skipped and why, and those are never requested', async ({ page, server }) => {
  const all = await storedClients(server);
  const mine = all.filter(ownerMayChange);
  const notMine = all.filter((c) => !ownerMayChange(c));
  expect(mine.length).toBeGreaterThan(0);
  expect(notMine.length).toBeGreaterThan(0);
  const writes = captureWrites(page);
  await signInAs(page, server, 'owner', '/clients?per_page=100');
  await expect(rows(page)).toHaveCount(36);
  await selectPage(page);
  await selectionBar(page).getByRole('button', { name: 'Add an owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an owner to the selected clients' });
  await expect(dialog.getByRole('note')).toHaveText(`You may not change ${notMine.length} of them: they will be skipped, not attempted.`);
  await dialog.getByText('Why, client by client').click();
  // decide()'s own words, per client.
  await expect(dialog.getByRole('listitem').first()).toContainText('To edit this client with client.write you must own it or have its product in scope');
  await dialog.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('po-shop-1');
  await dialog.getByRole('button', { name: `Add to ${mine.length} clients` }).click();
  await expect(runStatus(page)).toHaveText(/^Finished: /);
  const attempted = new Set(writes.map(idOf));
  for (const c of notMine) expect(attempted.has(c.id), `${c.id} was requested`).toBe(false);
  const skippedLines = results(page).getByRole('listitem').filter({ hasText: 'skipped: To edit this client' });
  await expect(skippedLines).toHaveCount(notMine.length);

  // The stand-in refuses the same request for a skipped client: the skip is
  // the server's rule, not only the console's.
  const token = await personaToken(server, 'owner');
  for (const c of notMine.slice(0, 5)) {
    const r = await apiCall(server, token, 'PATCH', `/clients/${encodeURIComponent(c.id)}`, { owners: [...(c.owners ?? []), 'po-shop-1'] });
    expect(r.status, c.id).toBe(403);
    const d = await apiCall(server, token, 'DELETE', `/clients/${encodeURIComponent(c.id)}`);
    expect(d.status, c.id).toBe(403);
  }
});

test('a viewer sees the actions disabled with the reason', async ({ page, server }) => {
  await signInAs(page, server, 'viewer', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  const del = selectionBar(page).getByRole('button', { name: 'Delete selected' });
  await expect(del).toHaveAttribute('aria-disabled', 'true');
  await expect(del).toHaveAccessibleDescription('Select one or more clients first.');
  await rows(page).first().getByRole('checkbox').check();
  await expect(del).toHaveAccessibleDescription(/^You may change none of the 1 client selected\. To delete this client you need the client\.write or client\.write\.all permission/);
  const add = selectionBar(page).getByRole('button', { name: 'Add an owner' });
  await expect(add).toHaveAccessibleDescription(/To edit this client you need the client\.write/);
  await del.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByText('Import a list of clients').click();
  const create = page.getByRole('button', { name: 'Create the clients' });
  await expect(create).toHaveAttribute('aria-disabled', 'true');
});

test.describe('a long run', () => {
  test.use({ serverArgs: ['--clients', '120'] });

  test('cancel midway leaves a correct partial result, and the rest can be sent after', async ({ page, server }) => {
    // Every PATCH waits a little, so the run is still going when cancelled.
    await devPost(server, '/dev/faults', { latencyMs: 150, method: 'PATCH', count: 100 });
    const writes = captureWrites(page);
    await signInAs(page, server, 'admin', '/clients?per_page=100');
    await expect(rows(page)).toHaveCount(100);
    await selectPage(page);
    await addOwner(page, 'cancel-test', 'Add to 100 clients');
    const bar = results(page).getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(8);
    // Leaving mid-run asks first; staying keeps the run going.
    await refuseLeaving(page, () => page.getByRole('link', { name: 'New client' }).click(), /still running/);
    await expect(page).toHaveURL(/\/clients\?/);
    await results(page).getByRole('button', { name: 'Cancel' }).click();
    const status = runStatus(page);
    await expect(status).toHaveText(/^Finished: \d+ of 100 done, \d+ not started \(cancelled\)\.$/);
    const [, done, notStarted] = (await status.textContent())!.match(/^Finished: (\d+) of 100 done, (\d+) not started/)!.map(Number);
    expect(done + notStarted).toBe(100);
    expect(done).toBeLessThan(100);
    // What the run says is what the server holds, and no request was sent for the rest.
    expect(writes).toHaveLength(done);
    const stored = await storedClients(server);
    expect(stored.filter((c) => (c.owners ?? []).includes('cancel-test'))).toHaveLength(done);
    await expect(results(page).getByRole('listitem').filter({ hasText: 'not started: the run was cancelled' })).toHaveCount(notStarted);
    await results(page).getByRole('button', { name: 'Send the not started' }).click();
    await expect(status).toHaveText('Finished: 100 of 100 done.', { timeout: 30_000 });
    expect((await storedClients(server)).filter((c) => (c.owners ?? []).includes('cancel-test'))).toHaveLength(100);
  });

  test('at most four requests are in flight at once (100 clients)', async ({ page, server }) => {
    await devPost(server, '/dev/faults', { latencyMs: 50, method: 'PATCH', count: 100 });
    let inFlight = 0;
    let most = 0;
    page.on('request', (r) => {
      if (r.method() === 'PATCH') most = Math.max(most, ++inFlight);
    });
    const settle = (r: Request) => {
      if (r.method() === 'PATCH') inFlight--;
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    await signInAs(page, server, 'admin', '/clients?per_page=100');
    await selectPage(page);
    await addOwner(page, 'x', 'Add to 100 clients');
    await expect(runStatus(page)).toHaveText('Finished: 100 of 100 done.', { timeout: 30_000 });
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });
});

test('a failed item shows its problem and trace id, and Retry succeeds', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  for (let i = 0; i < 3; i++) await rows(page).nth(i).getByRole('checkbox').check();
  const failingId = (await rows(page).nth(1).locator('code').textContent())!;
  await devPost(server, '/dev/faults', { status: 503, method: 'PATCH', pathContains: encodeURIComponent(failingId), count: 1 });
  await addOwner(page, 'retry-team', 'Add to 3 clients');
  const status = runStatus(page);
  await expect(status).toHaveText('Finished: 2 of 3 done, 1 failed.');
  const failed = results(page).getByRole('listitem').filter({ hasText: 'failed:' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('(503)');
  await expect(failed).toContainText(/Trace id: \S+/);
  await expect(results(page).getByRole('heading', { name: 'Failed (1)' })).toBeVisible();
  await results(page).getByRole('button', { name: 'Retry failed' }).click();
  await expect(status).toHaveText('Finished: 3 of 3 done.');
  const stored = (await storedClients(server)).find((c) => c.id === failingId);
  expect(stored.owners).toContain('retry-team');
});

test('a 401 midway asks to sign in again once and the run carries on', async ({ page, server }) => {
  const writes = captureWrites(page);
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  await selectPage(page);
  // The first PATCHes pass; then every token issued so far is refused.
  await devPost(server, '/dev/faults', { latencyMs: 300, method: 'PATCH', count: 8 });
  await addOwner(page, 'reauth-team', 'Add to 25 clients');
  await expect.poll(async () => Number(await results(page).getByRole('progressbar').getAttribute('value'))).toBeGreaterThan(0);
  await devPost(server, '/dev/revoke-tokens');
  const reauth = page.getByRole('dialog', { name: 'Sign in again to continue' });
  await expect(reauth).toBeVisible();
  await reauth.getByRole('button', { name: new RegExp(`^Sign in as ${PERSONAS.admin}`) }).click();
  await expect(reauth).toBeHidden();
  await expect(runStatus(page)).toHaveText('Finished: 25 of 25 done.');
  const stored = await storedClients(server);
  expect(stored.filter((c) => (c.owners ?? []).includes('reauth-team'))).toHaveLength(25);
  // Each client changed once; only the refused requests were sent twice.
  const got401 = writes.length - 25;
  expect(got401).toBeGreaterThan(0);
  expect(got401).toBeLessThanOrEqual(4 + 4);
});

test('importing a list creates each valid client, reports the invalid one, and offers each secret once', async ({ page, server }) => {
  const writes = captureWrites(page);
  await signInAs(page, server, 'admin', '/clients');
  await expect(rows(page)).toHaveCount(36);
  const list = [
    { name: 'Imported Web', type: 'regular_web', callbackUrls: ['https://imported.example.com/cb'], owners: ['team-x'], id: 'ignored', secret: 'ignored' },
    { name: 'Imported <SPA>', type: 'spa' },
    { name: 'Imported Machine', app_type: 'non_interactive', client_metadata: { productName: 'Shop' } },
  ];
  await page.getByText('Import a list of clients').click();
  await page.getByRole('textbox', { name: 'Clients JSON (a list)' }).fill(JSON.stringify(list));
  await page.getByRole('button', { name: 'Create the clients' }).click();
  const status = runStatus(page);
  await expect(status).toHaveText('Finished: 2 of 2 done, 1 skipped.');
  // Nothing failed: no retry is offered (the invalid one could never succeed).
  await expect(results(page).getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  // The invalid one was never sent.
  expect(writes.map((r) => r.method())).toEqual(['POST', 'POST']);
  expect(writes.map((r) => r.postDataJSON().name).sort()).toEqual(['Imported Machine', 'Imported Web']);
  const invalid = results(page).getByRole('listitem').filter({ hasText: 'Imported <SPA>' });
  await expect(invalid).toContainText('skipped: not valid, not sent. Name:');
  // Confidential clients: their secrets, each once, with a Copy button.
  await expect(results(page).getByRole('heading', { name: 'Secrets issued' })).toBeVisible();
  await expect(results(page).getByRole('button', { name: 'Copy the secret of Imported Web' })).toBeVisible();
  await expect(results(page).getByRole('button', { name: 'Copy the secret of Imported Machine' })).toBeVisible();
  const stored = await storedClients(server);
  expect(stored.map((c) => c.name)).toEqual(expect.arrayContaining(['Imported Web', 'Imported Machine']));
  expect(stored.find((c) => c.name === 'Imported Web').owners).toEqual(['team-x']);
  await expect(page.getByText('38 clients', { exact: true })).toBeVisible();
  // Leaving while the secrets show asks first.
  await refuseLeaving(page, () => page.getByRole('link', { name: 'New client' }).click(), /secrets are shown only here/);
  await saveScreenshot(page, 'bulk-import-results');
});

test('keyboard only: tick rows with arrows and Space, delete them with the typed count', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients?per_page=25');
  await expect(rows(page)).toHaveCount(25);
  const firstLink = rows(page).first().locator('a.ncc-table__name');
  await firstLink.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(rows(page).first().getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1).getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(rows(page).nth(1).locator('a.ncc-table__name')).toBeFocused();
  await expect(selectedCount(page)).toHaveText('2 clients selected');
  // Back up to the selection bar's Delete and through the dialog by keys.
  const del = selectionBar(page).getByRole('button', { name: 'Delete selected' });
  await del.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete 2 clients?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /to confirm/ }).focus();
  await page.keyboard.type('delete 2 clients');
  await page.keyboard.press('Enter');
  await expect(runStatus(page)).toHaveText('Finished: 2 of 2 done.');
  expect(await storedClients(server)).toHaveLength(34);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: selection, the plan dialog and the results pass in ${scheme}`, async ({ page, server }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAs(page, server, 'owner', '/clients?per_page=25');
    await expect(rows(page)).toHaveCount(25);
    await selectPage(page);
    await expectNoAxeViolations(page);
    await selectionBar(page).getByRole('button', { name: 'Delete selected' }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete \d+ clients?\?$/ });
    await dialog.getByText('Why, client by client').click();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `bulk-plan-${scheme}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await selectionBar(page).getByRole('button', { name: 'Remove an owner' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove an owner from the selected clients' });
    await remove.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('po-shop-1');
    await remove.getByRole('button', { name: /^Remove from/ }).click();
    await expect(runStatus(page)).toHaveText(/^Finished: /);
    await results(page).getByText(/^Done \(/).click();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `bulk-results-${scheme}`);
  });
}
