/**
 * The fault matrix: for list, detail, create, edit, rotate and delete, the
 * server answers each of twelve ways a server goes wrong. For every case the
 * failure is explained (an alert or the sign-in-again dialog, in words, no
 * markup), the app stays usable (the list opens afterwards, in the app), a
 * draft is never lost (create and edit keep what was typed), and nothing
 * panics. Prints the table of outcomes.
 *
 * Faults are made in the browser's network layer (page.route), so every one
 * of them, a hang and a dropped connection included, reaches the console's
 * real request path.
 */
import { test, expect } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';
import type { Page, Route } from '@playwright/test';

const TENANT_PATH = '/v1/tenants/demo-tenant/clients';
const SHOP = 'cl_shop_storefront_01';
const SHOP_NAME = 'Shop Storefront';
const HANG_TIMEOUT_MS = 1500;
/** The API's client routes (one matcher object, so unroute removes exactly it). */
const API = (url: URL) => url.pathname.startsWith(TENANT_PATH);

type Fault = { name: string; answer: (route: Route) => Promise<void> | void };

const problem = (status: number, title: string, headers: Record<string, string> = {}) => (route: Route) =>
  route.fulfill({
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify({ type: 'about:blank', title, status, detail: `The stand-in said ${status}.` }),
  });

// 50 MB of JSON, built once.
const HUGE = '{"items":[{"id":"x","name":"' + 'a'.repeat(50 * 1024 * 1024) + '"}]}';
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

const FAULTS: Fault[] = [
  { name: '200 non-JSON', answer: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: 'Service OK, have a nice day' }) },
  { name: '200 wrong shape', answer: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '[1, "two", {"three": 3}]' }) },
  { name: '50 MB body', answer: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: HUGE }) },
  { name: '10,000-deep nesting', answer: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: DEEP }) },
  { name: '401', answer: problem(401, 'Unauthorized') },
  { name: '403', answer: problem(403, 'Forbidden') },
  { name: '404', answer: problem(404, 'Not Found') },
  { name: '409', answer: problem(409, 'Conflict') },
  { name: '429 Retry-After', answer: problem(429, 'Too Many Requests', { 'retry-after': '30' }) },
  {
    name: 'HTML 502',
    answer: (r) =>
      r.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><script>window.__pwned=1</script></body></html>',
      }),
  },
  { name: 'hang', answer: () => new Promise<void>(() => {}) },
  { name: 'dropped connection', answer: (r) => r.abort('connectionreset') },
];

/** The faults answered 200: a server's word that the request was applied. */
const TWO_XX = new Set(['200 non-JSON', '200 wrong shape', '50 MB body', '10,000-deep nesting']);

type Op = {
  name: string;
  /** Whether this request is the one the operation makes. */
  matches: (method: string, path: string) => boolean;
  /** Gets to just before the request (not intercepted yet). */
  prepare: (page: Page, base: string) => Promise<void>;
  /** Makes the request. */
  act: (page: Page, base: string) => Promise<void>;
  /** The draft the user typed, if the operation has one, and how to read it back. */
  draft?: { value: string; read: (page: Page) => Promise<string | null> };
};

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });
const productField = (page: Page) => page.getByRole('textbox', { name: 'Product', exact: true });
const head = (page: Page) => page.locator('.ncc-page__head');

const OPS: Op[] = [
  {
    name: 'list',
    matches: (m, p) => m === 'GET' && p === TENANT_PATH,
    prepare: async () => {},
    act: async (page, base) => {
      await page.goto(base + '/clients');
    },
  },
  {
    name: 'detail',
    matches: (m, p) => m === 'GET' && p === `${TENANT_PATH}/${SHOP}`,
    prepare: async () => {},
    act: async (page, base) => {
      await page.goto(`${base}/clients/${SHOP}`);
    },
  },
  {
    name: 'create',
    matches: (m, p) => m === 'POST' && p === TENANT_PATH,
    prepare: async (page, base) => {
      await page.goto(base + '/clients/new');
      await page.getByRole('radio', { name: /^Machine to machine/ }).check();
      await nameField(page).fill('Matrix Draft');
    },
    act: async (page) => {
      await page.getByRole('button', { name: 'Create client' }).click();
    },
    draft: { value: 'Matrix Draft', read: async (page) => nameField(page).inputValue() },
  },
  {
    name: 'edit',
    matches: (m, p) => m === 'PATCH' && p === `${TENANT_PATH}/${SHOP}`,
    prepare: async (page, base) => {
      await page.goto(`${base}/clients/${SHOP}/edit`);
      await expect(productField(page)).toHaveValue('Shop');
      await productField(page).fill('Shop edited in the matrix');
      await page.getByRole('button', { name: 'Review changes' }).click();
    },
    act: async (page) => {
      await page.getByRole('region', { name: 'Review changes' }).getByRole('button', { name: 'Save changes' }).click();
    },
    draft: {
      value: 'Shop edited in the matrix',
      read: async (page) => {
        // The draft is in the review (still open) or back in the form.
        const review = page.getByRole('region', { name: 'Review changes' });
        if (await review.isVisible()) {
          return (await review.textContent())?.includes('Shop edited in the matrix') ? 'Shop edited in the matrix' : null;
        }
        return productField(page).inputValue();
      },
    },
  },
  {
    name: 'rotate',
    matches: (m, p) => m === 'POST' && p.startsWith(`${TENANT_PATH}/${SHOP}/`),
    prepare: async (page, base) => {
      await page.goto(`${base}/clients/${SHOP}`);
      await expect(page.getByRole('heading', { level: 1, name: SHOP_NAME })).toBeVisible();
      await head(page).getByRole('button', { name: 'Rotate secret' }).click();
    },
    act: async (page) => {
      await page.getByRole('dialog', { name: 'Rotate the client secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
    },
  },
  {
    name: 'delete',
    matches: (m, p) => m === 'DELETE' && p === `${TENANT_PATH}/${SHOP}`,
    prepare: async (page, base) => {
      await page.goto(`${base}/clients/${SHOP}`);
      await expect(page.getByRole('heading', { level: 1, name: SHOP_NAME })).toBeVisible();
      await head(page).getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this client?' });
      await dialog.getByRole('textbox', { name: `Type “${SHOP_NAME}” to confirm` }).fill(SHOP_NAME);
    },
    act: async (page) => {
      await page.getByRole('dialog', { name: 'Delete this client?' }).getByRole('button', { name: 'Delete client' }).click();
    },
  },
];

/**
 * The words the console showed for the failure: an alert, a notice over the
 * list (entries left out, a partial list), the not-found page, or the
 * sign-in-again dialog (then cancelled, which leaves a problem).
 */
async function explanation(page: Page, op: Op, fault: string): Promise<string> {
  // Playwright hands a 50 MB answer to the browser slowly (base64 over its
  // protocol): give that case longer to arrive; the console's work is not slow.
  const timeout = fault === '50 MB body' ? 90_000 : 10_000;
  if (fault === '401') {
    const dialog = page.getByRole('dialog', { name: 'Sign in again to continue' });
    await expect(dialog).toBeVisible({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).last().click();
    await expect(dialog).toBeHidden();
  }
  if (op.name === 'delete' && TWO_XX.has(fault)) {
    // A 2xx to DELETE is the server saying it deleted the client; its body
    // does not matter, and the console reports it deleted (or, when the
    // body outlasts the deadline, says it may have been deleted).
    const done = page
      .getByRole('status')
      .filter({ hasText: /deleted/ })
      .or(page.getByRole('alert').filter({ hasText: /may have been deleted/ }));
    await expect(done).toBeVisible({ timeout });
    return ((await done.textContent()) ?? '').trim();
  }
  let said = page
    .getByRole('alert')
    .filter({ hasText: /\S/ })
    .or(page.getByRole('note').filter({ hasText: /\S/ }))
    .or(page.getByRole('heading', { level: 1, name: 'Not found' }).locator('..'));
  // 50 MB that all arrive within the console's deadline are a list of one
  // client (with a 50 MB name), not a failure: on a fast machine the list
  // shows it, on a slow one the deadline says so. Either is handled.
  if (op.name === 'list' && fault === '50 MB body') {
    said = said.or(page.getByRole('table', { name: 'Clients' }).locator('tbody tr').filter({ hasText: 'aaaaaaaa' }));
  }
  said = said.last();
  await expect(said).toBeVisible({ timeout });
  return ((await said.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

for (const op of OPS) {
  test(`fault matrix: ${op.name}`, async ({ page, server }) => {
    test.setTimeout(300_000);
    const crashes = watchForCrashes(page);
    // Leaving a page with a draft asks first; the matrix always leaves.
    page.on('dialog', (d) => d.accept());
    // A hang must end within the test: the console's own deadline, lowered.
    await page.route('**/config.json', async (route) => {
      const res = await route.fetch();
      const config = await res.json();
      await route.fulfill({ response: res, json: { ...config, requestTimeoutMs: HANG_TIMEOUT_MS } });
    });
    await signInAs(page, server, 'admin');
    const rows: string[][] = [];
    for (const fault of FAULTS) {
      let faulted = 0;
      await op.prepare(page, server.url);
      await page.route(
        API,
        async (route) => {
          const req = route.request();
          if (process.env.MATRIX_DEBUG) console.log(`  [${fault.name}] ${req.method()} ${req.url()} faulted=${faulted}`);
          // The server answers this way until the case ends (every retry too).
          if (op.matches(req.method(), new URL(req.url()).pathname)) {
            faulted += 1;
            return fault.answer(route);
          }
          return route.continue();
        },
      );
      await op.act(page, server.url);
      let said = '';
      let outcome = 'ok';
      try {
        said = await explanation(page, op, fault.name);
        expect(said.length, 'the failure is explained in words').toBeGreaterThan(10);
        expect(said, 'no markup from the server reaches the page').not.toMatch(/<\/?[a-z]+[^>]*>/i);
        expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
        if (fault.name === '429 Retry-After') expect(said).toMatch(/30 seconds/);
        if (op.draft) {
          expect(await op.draft.read(page), 'the draft is kept').toBe(op.draft.value);
        }
      } catch (e) {
        outcome = `FAILED: ${(e as Error).message.split('\n')[0]}`;
        if (process.env.MATRIX_DEBUG) {
          console.log(`  [${fault.name}] page: ${page.url()}\n${(await page.locator('body').innerText()).slice(-400)}`);
          console.log(`  [${fault.name}] alerts: ${JSON.stringify(await page.getByRole('alert').allTextContents())}`);
        }
      }
      await page.unroute(API);
      if (faulted === 0) outcome = 'FAILED: the fault was never served';
      // Still usable: the list opens in the app (no reload), with its rows.
      if (outcome === 'ok') {
        try {
          await page.evaluate(() => ((window as any).__sameDocument = true));
          const again = page.getByRole('button', { name: 'Try again' });
          if (op.name === 'list' && (await again.count()) > 0) {
            await again.first().click();
          } else if (op.name === 'list') {
            // The list loaded, with a notice: open another view and come back.
            await page.getByRole('link', { name: 'New client' }).click();
            await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
            await page.getByRole('link', { name: 'Nexus Clients' }).click();
          } else {
            await page.getByRole('link', { name: 'Nexus Clients' }).click();
          }
          await expect(page.getByRole('link', { name: SHOP_NAME })).toBeVisible({ timeout: 10_000 });
          expect(await page.evaluate(() => (window as any).__sameDocument), 'recovered without a reload').toBe(true);
        } catch (e) {
          outcome = `FAILED (not usable after): ${(e as Error).message.split('\n')[0]}`;
        }
      }
      rows.push([op.name, fault.name, outcome, said.slice(0, 110)]);
      if (outcome !== 'ok') {
        // Start the next case from a fresh page.
        await page.goto(server.url + '/clients');
      }
    }
    console.log(`\nfault matrix — ${op.name}\n` + rows.map((r) => `  ${r[1].padEnd(20)} ${r[2].padEnd(6)} ${r[3]}`).join('\n'));
    expect(rows.filter((r) => r[2] !== 'ok').map((r) => `${r[0]} / ${r[1]}: ${r[2]}`)).toEqual([]);
    expect(crashes, 'no panic, no uncaught error').toEqual([]);
  });
}
