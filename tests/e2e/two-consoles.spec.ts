/**
 * Two consoles on one host page, each routed in memory (`routing: "memory"`):
 * one as the custom element (in its shadow root), one through `mount()` into a
 * plain element, signed in as two different people. Each keeps its own page,
 * its own unsaved-changes guard and its own listeners; neither touches the
 * page's address, and the host's links stay the host's before and after
 * either is unmounted. Unmounting both leaves `window` and `document` with
 * exactly the listeners they had before the console's script loaded (counted
 * by wrapping their addEventListener/removeEventListener in the host page).
 */
import { test, expect } from './fixtures';
import { personaToken, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

/** The portal at /portal/: console A (custom element) and console B (mount()). */
function portalPage(adminToken: string, viewerToken: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
<script>
  // Every listener added to window or document and not removed since.
  (() => {
    const live = [];
    const capture = (o) => (typeof o === "boolean" ? o : !!(o && o.capture));
    for (const [name, target] of [["window", window], ["document", document]]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      const find = (type, fn, o) =>
        live.findIndex((l) => l.name === name && l.type === type && l.fn === fn && l.capture === capture(o));
      target.addEventListener = (type, fn, o) => {
        if (fn && find(type, fn, o) < 0) live.push({ name, type, fn, capture: capture(o) });
        return add(type, fn, o);
      };
      target.removeEventListener = (type, fn, o) => {
        const i = find(type, fn, o);
        if (i >= 0) live.splice(i, 1);
        return remove(type, fn, o);
      };
    }
    window.liveListeners = () => live.map((l) => l.name + ":" + l.type + (l.capture ? ":capture" : "")).sort();
    window.listenersBefore = window.liveListeners();
  })();
</script>
</head>
<body>
  <h1>Portal home</h1>
  <nav>
    <a href="/portal-old/archive">Old portal archive</a>
    <a href="/other">Other host page</a>
    <a href="/portal/a/clients">Tenant A's page of the portal</a>
  </nav>
  <section aria-label="Tenant A">
    <nexus-clients-console id="console-a" tenant-id="demo-tenant" api-base-url="" base-path="/portal/a" routing="memory"></nexus-clients-console>
  </section>
  <section aria-label="Tenant B"><div id="slot-b"></div></section>
  <script type="module">
    import { mount } from "/embed.js";
    document.getElementById("console-a").getToken = async () => ${JSON.stringify(adminToken)};
    window.mountedB = mount(document.getElementById("slot-b"), {
      tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal/b", routing: "memory",
      getToken: async () => ${JSON.stringify(viewerToken)},
    }).then((h) => (window.handleB = h));
  </script>
</body></html>`;
}

async function servePortal(page: Page, serverUrl: string, adminToken: string, viewerToken: string): Promise<void> {
  await page.route(
    (url) => url.origin === new URL(serverUrl).origin && /^\/(portal\/.*|portal-old\/.*|other)$/.test(url.pathname),
    (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = path.startsWith('/portal/')
        ? portalPage(adminToken, viewerToken)
        : `<!DOCTYPE html><html lang="en"><head><title>Host ${path}</title></head><body><h1>Host page ${path}</h1></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html', body });
    },
  );
}

test('two consoles on one page each keep their own page, guard and listeners; unmounting one leaves the other working', async ({ page, server }) => {
  test.setTimeout(90_000);
  const crashes = watchForCrashes(page);
  await servePortal(page, server.url, await personaToken(server, 'admin'), await personaToken(server, 'viewer'));
  // Every question either console asks; answered with `answer`.
  const asked: string[] = [];
  let answer: 'accept' | 'dismiss' = 'dismiss';
  page.on('dialog', (d) => {
    asked.push(d.message());
    void (answer === 'accept' ? d.accept() : d.dismiss());
  });
  const portal = server.url + '/portal/';
  const a = page.locator('#console-a');
  const b = page.locator('#slot-b');
  const heading = (c: typeof a, name: string | RegExp) => c.getByRole('heading', { level: 1, name });
  const bothReady = async () => {
    await expect(heading(a, 'Clients')).toBeVisible();
    await expect(heading(b, 'Clients')).toBeVisible();
  };

  await page.goto(portal);
  await bothReady();
  // Two people: the admin in A, the viewer in B.
  await expect(a.locator('.ncc-header__who')).toHaveText('Ada Admin');
  await expect(b.locator('.ncc-header__who')).toHaveText('Vic Viewer');

  // Navigate in A: B keeps its page, and the page's address does not move.
  await a.getByRole('link', { name: 'Billing Service' }).click();
  await expect(heading(a, 'Billing Service')).toBeVisible();
  await expect(heading(b, 'Clients')).toBeVisible();
  expect(page.url()).toBe(portal);

  // An unsaved edit in A...
  await a.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(heading(a, /^Edit /)).toBeVisible();
  const product = a.getByRole('textbox', { name: 'Product', exact: true });
  await product.fill('Draft product');
  // ...does not make B ask: B's links go where they lead.
  await b.getByRole('link', { name: 'Billing Service' }).click();
  await expect(heading(b, 'Billing Service')).toBeVisible();
  await b.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(heading(b, 'Clients')).toBeVisible();
  expect(asked).toEqual([]);
  // A asks for its own links; staying keeps the draft.
  await a.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/unsaved changes/);
  await expect(product).toHaveValue('Draft product');
  await expect(heading(a, /^Edit /)).toBeVisible();
  answer = 'accept';
  await a.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(heading(a, 'Clients')).toBeVisible();
  expect(asked.length).toBe(2);
  expect(page.url()).toBe(portal);

  // The host's links, before any unmount: real page loads of the host's
  // pages, even the one under A's base (a console routed in memory takes
  // only the links inside it).
  for (const [name, path, landing] of [
    ['Old portal archive', '/portal-old/archive', 'Host page /portal-old/archive'],
    ['Other host page', '/other', 'Host page /other'],
    ["Tenant A's page of the portal", '/portal/a/clients', 'Portal home'],
  ] as const) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: landing })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);
    await page.goto(portal);
    await bothReady();
  }

  // Unmount A (its element leaves the page): B still works.
  await page.evaluate(() => document.getElementById('console-a')!.remove());
  await expect(heading(a, 'Clients')).toHaveCount(0);
  await b.getByRole('link', { name: 'Billing Service' }).click();
  await expect(heading(b, 'Billing Service')).toBeVisible();
  await b.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(heading(b, 'Clients')).toBeVisible();
  expect(page.url()).toBe(portal);
  // The host's links after it, with B still there.
  await page.getByRole('link', { name: 'Other host page', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Host page /other' })).toBeVisible();

  // Unmount both: window and document have exactly the listeners they had
  // before the console's script loaded; while mounted they had more.
  await page.goto(portal);
  await bothReady();
  const before = await page.evaluate(() => (window as any).listenersBefore);
  const mounted = await page.evaluate(() => (window as any).liveListeners());
  expect(mounted.length, `listeners while mounted: ${JSON.stringify(mounted)}`).toBeGreaterThan(before.length);
  await page.evaluate(async () => {
    document.getElementById('console-a')!.remove();
    (await (window as any).mountedB).unmount();
  });
  await expect(heading(a, 'Clients')).toHaveCount(0);
  await expect(heading(b, 'Clients')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).liveListeners())).toEqual(before);
  // And the host's links still work.
  await page.getByRole('link', { name: 'Old portal archive', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Host page /portal-old/archive' })).toBeVisible();
  expect(crashes).toEqual([]);
});

test('"/" focuses the search box of the console the key comes from', async ({ page, server }) => {
  await servePortal(page, server.url, await personaToken(server, 'admin'), await personaToken(server, 'viewer'));
  await page.goto(server.url + '/portal/');
  const a = page.locator('#console-a');
  const b = page.locator('#slot-b');
  await expect(a.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(b.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  const search = (c: typeof a) => c.getByRole('searchbox', { name: 'Search clients' });
  for (const [from, to] of [[a, a], [b, b], [a, a]] as const) {
    await from.getByRole('link', { name: 'Billing Service' }).focus();
    await page.keyboard.press('/');
    await expect(search(to)).toBeFocused();
    await expect(search(to)).toHaveValue('');
  }
  // From the host page: one console takes it (not a "/" typed anywhere).
  await page.getByRole('link', { name: 'Other host page', exact: true }).focus();
  await page.keyboard.press('/');
  const focusedSearches = async () =>
    (await search(a).evaluate((el) => el.matches(':focus'))) || (await search(b).evaluate((el) => el.matches(':focus')));
  await expect.poll(focusedSearches).toBe(true);
  await expect(search(a)).toHaveValue('');
  await expect(search(b)).toHaveValue('');
});

/** Two consoles mounted with mount() into one document (no shadow roots). */
function twinPage(token: string): string {
  const mountOne = (slot: string, base: string) => `mount(document.getElementById("${slot}"), {
      tenantId: "demo-tenant", apiBaseUrl: "", basePath: "${base}", routing: "memory",
      getToken: async () => ${JSON.stringify(token)},
    });`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Twin portal</title></head>
<body>
  <section aria-label="Tenant B"><div id="slot-b"></div></section>
  <section aria-label="Tenant C"><div id="slot-c"></div></section>
  <script type="module">
    import { mount } from "/embed.js";
    ${mountOne('slot-b', '/twin/b')}
    ${mountOne('slot-c', '/twin/c')}
  </script>
</body></html>`;
}

test('two consoles mounted into one document share no id: each label names its own field', async ({ page, server }) => {
  const token = await personaToken(server, 'admin');
  await page.route(
    (url) => url.origin === new URL(server.url).origin && url.pathname === '/twin/',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: twinPage(token) }),
  );
  await page.goto(server.url + '/twin/');
  const b = page.locator('#slot-b');
  const c = page.locator('#slot-c');
  await expect(b.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(c.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  // Open the same dialog-free views in both, then look for an id used twice.
  const duplicateIds = () =>
    page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
  expect(await duplicateIds()).toEqual([]);
  // A label in the second console works its own field, not the first's.
  await c.getByText('Rows per page', { exact: true }).last().click();
  await expect(c.getByRole('combobox', { name: 'Rows per page' })).toBeFocused();
  await c.getByText('Search clients', { exact: true }).click();
  await expect(c.getByRole('searchbox', { name: 'Search clients' })).toBeFocused();
  // The detail page of each, side by side.
  await b.getByRole('link', { name: 'Billing Service' }).click();
  await c.getByRole('link', { name: 'Billing Service' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  await expect(c.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  expect(await duplicateIds()).toEqual([]);
});

test('two consoles asking for sign-in each label their form by their own heading', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  // Two mount() consoles in one document, neither with getToken nor demo
  // personas: both show the sign-in form, named by their page's heading.
  await page.route(
    (url) => url.origin === new URL(server.url).origin && url.pathname === '/portal/',
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head><body>
  <section aria-label="Tenant A"><div id="slot-a"></div></section>
  <section aria-label="Tenant B"><div id="slot-b"></div></section>
  <script type="module">
    import { mount } from "/embed.js";
    for (const x of ["a", "b"])
      mount(document.getElementById("slot-" + x), { tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal/" + x, routing: "memory" });
  </script></body></html>`,
      }),
  );
  await page.goto(server.url + '/portal/');
  for (const slot of ['#slot-a', '#slot-b']) {
    const form = page.locator(slot).locator('form.ncc-signin-form');
    await expect(form).toBeVisible();
    // The element that names the form is this console's own heading.
    const labelledBy = await form.evaluate((f) => {
      const target = document.getElementById(f.getAttribute('aria-labelledby') ?? '');
      const root = f.closest('.ncc');
      return { inside: !!target && !!root && root.contains(target), text: target?.textContent ?? null };
    });
    expect(labelledBy, slot).toEqual({ inside: true, text: 'Sign in to Nexus Clients' });
  }
  expect(crashes).toEqual([]);
});
