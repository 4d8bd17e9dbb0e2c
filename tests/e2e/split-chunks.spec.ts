import { test, expect } from './fixtures';
import { signInAs, watchForCrashes, refuseLeaving } from './helpers';

// Release builds cut the wasm into chunks (hooks/split-wasm.mjs): the pages
// after the list (detail, edit, create) arrive on their first visit, German
// when a console first speaks it, export and list import when first used.
const CHUNK = /\/(split_\w+|chunk_\d+)-[0-9a-f]{16}\.wasm$/;

test('the list fetches no page chunk; a first visit to a client fetches its chunks once', async ({ page, server }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (CHUNK.test(new URL(r.url()).pathname)) chunks.push(new URL(r.url()).pathname);
  });
  await signInAs(page, server, 'admin', '/clients');
  const rows = page.getByRole('table', { name: 'Clients' }).locator('tbody tr');
  await expect(rows).toHaveCount(36);
  // Signed in (the session is stored), a reload is the list's first view.
  chunks.length = 0;
  await page.reload();
  await expect(rows).toHaveCount(36);
  expect(chunks).toEqual([]);

  await rows.first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Edit/ }).or(page.getByRole('link', { name: /^Edit/ })).first()).toBeVisible();
  expect(chunks.some((c) => c.includes('split_client_detail'))).toBe(true);
  const afterFirst = chunks.length;

  await page.goBack();
  await expect(rows).toHaveCount(36);
  await rows.nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(chunks.length).toBe(afterFirst);
});

test('a page whose chunk does not arrive says so, and Try again loads it', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  let refuse = true;
  await signInAs(page, server, 'admin', '/clients');
  // Refused from here on (the sign-in form's own chunks came before).
  await page.route(CHUNK, (route) => (refuse ? route.abort('connectionreset') : route.continue()));
  const rows = page.getByRole('table', { name: 'Clients' }).locator('tbody tr');
  await expect(rows).toHaveCount(36);
  const name = (await rows.first().getByRole('link').first().textContent())?.trim() ?? '';

  await rows.first().getByRole('link').first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Back to the client list' })).toBeVisible();

  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(crashes).toEqual([]);
});

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('fetches German\u2019s chunk; if it does not arrive, the console starts in English', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    const german: string[] = [];
    page.on('request', (r) => {
      if (/\/split_i18n_de-[0-9a-f]{16}\.wasm$/.test(new URL(r.url()).pathname)) german.push(r.url());
    });
    await page.goto(server.url + '/clients');
    await page.getByRole('button', { name: /^Anmelden als Ada Admin/ }).click();
    await expect(page.getByRole('searchbox', { name: 'Clients durchsuchen' })).toBeVisible();
    expect(german.length).toBe(1);

    await page.route(/\/split_i18n_de-[0-9a-f]{16}\.wasm$/, (route) => route.abort('connectionreset'));
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search clients' })).toBeVisible();
    await expect(page.locator('#nexus-clients-console')).toHaveAttribute('lang', 'en');
    expect(crashes).toEqual([]);
  });
});

test('the bulk dialog comes in a chunk: refused, a toast says so and nothing is sent; then it opens', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const writes: string[] = [];
  page.on('request', (r) => {
    if (['PATCH', 'DELETE', 'POST'].includes(r.method()) && r.url().includes('/clients')) writes.push(r.url());
  });
  let refuse = true;
  await signInAs(page, server, 'admin', '/clients');
  // Refused from here on (the sign-in form's own chunks came before).
  await page.route(CHUNK, (route) => (refuse ? route.abort('connectionreset') : route.continue()));
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table.locator('tbody tr')).toHaveCount(36);
  await table.getByRole('checkbox', { name: 'Select all clients on this page' }).check();
  await page.getByRole('button', { name: 'Add an owner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'That part of the console could not be loaded' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  refuse = false;
  await page.getByRole('button', { name: 'Add an owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an owner to the selected clients' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(writes).toEqual([]);
  expect(crashes).toEqual([]);
});

test('ticking a client fetches the bulk dialog’s chunk at once; the dialog then opens with no fetch', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', '/clients');
  const rows = page.getByRole('table', { name: 'Clients' }).locator('tbody tr');
  await expect(rows).toHaveCount(36);
  const chunks: string[] = [];
  const pending = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!CHUNK.test(path)) return;
    chunks.push(path);
    pending.add(r.url());
  });
  page.on('requestfinished', (r) => pending.delete(r.url()));
  await rows.nth(1).getByRole('checkbox').check();
  await expect.poll(() => chunks.some((c) => c.includes('split_bulk_dialog'))).toBe(true);
  await expect.poll(() => pending.size).toBe(0);
  const fetched = chunks.length;
  await page.getByRole('button', { name: 'Add an owner' }).click();
  await expect(page.getByRole('dialog', { name: 'Add an owner to the selected clients' })).toBeVisible();
  expect(chunks.length).toBe(fetched);
  expect(new Set(chunks).size).toBe(chunks.length);
  expect(crashes).toEqual([]);
});

test('with no session, the sign-in form comes from chunks the page preloads, each fetched once', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const fetched = new Map<string, number>();
  let wasm = 0;
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (CHUNK.test(path)) fetched.set(path, (fetched.get(path) ?? 0) + 1);
    // Trunk's hash is a u64 in hex without zero padding: 15 digits one build in 16.
    if (/^\/nexus-clients-console-[0-9a-f]{1,16}_bg\.wasm$/.test(path)) wasm++;
  });
  await page.goto(server.url + '/clients');
  await expect(page.getByRole('button', { name: /^Sign in as / }).first()).toBeVisible();
  // The page asked for them itself (preload links from the boot script), and
  // the console's loader took those answers instead of asking again.
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=preload][as=fetch]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
  );
  const signIn = [...fetched.keys()];
  expect(signIn.some((p) => p.includes('split_sign_in'))).toBe(true);
  expect(signIn.every((p) => preloaded.includes(p))).toBe(true);
  expect([...fetched.values()].every((n) => n === 1)).toBe(true);
  expect(wasm).toBe(1);
  expect(crashes).toEqual([]);
});

test('a sign-in form whose chunk does not arrive says so, and Try again loads it', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  let refuse = true;
  await page.route(/\/split_sign_in-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort('connectionreset') : route.continue()));
  await page.goto(server.url + '/clients');
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  // There is no list behind a sign-in form to go back to.
  await expect(alert.getByRole('link')).toHaveCount(0);
  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: /^Sign in as Ada Admin/ }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(crashes).toEqual([]);
});

test('the bulk results come with the dialog’s chunk: refused after an import, they say so while the run goes on and the leave guard holds; Try again shows them', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  let refuse = true;
  await signInAs(page, server, 'admin', '/clients');
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(36);
  // The import's own chunk arrives; the one holding the results does not.
  await page.route(/\/split_bulk_dialog-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort('connectionreset') : route.continue()));
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/clients')) posts.push(r.url());
  });
  await page.getByText('Import a list of clients').click();
  const list = [{ name: 'Chunked Web', type: 'regular_web', callbackUrls: ['https://chunked.example.com/cb'] }];
  await page.getByRole('textbox', { name: 'Clients JSON (a list)' }).fill(JSON.stringify(list));
  await page.getByRole('button', { name: 'Create the clients' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The progress and results could not be shown' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('link')).toHaveCount(0);
  // The run went on without its view: the client was created.
  await expect.poll(() => posts.length).toBe(1);
  await expect(page.getByText('37 clients', { exact: true })).toBeVisible();
  // Its secret is unseen yet: leaving asks first.
  await refuseLeaving(page, () => page.getByRole('link', { name: 'New client' }).click(), /secrets are shown only here/);

  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The run's own region (inside the page's): the one holding the progress bar.
  const results = page.getByRole('region').filter({ has: page.getByRole('progressbar') }).last();
  await expect(results.getByRole('status').first()).toHaveText('Finished: 1 of 1 done.');
  await expect(results.getByRole('button', { name: 'Copy the secret of Chunked Web' })).toBeVisible();
  expect(crashes).toEqual([]);
});
