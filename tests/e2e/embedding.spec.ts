/**
 * Embedded in a host page, the console leaves the host alone: it routes only
 * under its base path (segment by segment), it refuses to start without one,
 * it removes every window and document listener it added when unmounted, it calls the
 * host's getToken as a method (one forced refresh for many 401s), and it
 * keeps nothing in storage.
 */
import { test, expect } from './fixtures';
import { devPost, personaToken, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

/** A host page at /portal/ that mounts the console with `options` (JS source); its base is /portal. */
function hostPage(options: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body>
  <h1>Portal home</h1>
  <nav>
    <a href="/portal-old/archive">Old portal archive</a>
    <a href="/other">Other host page</a>
    <a href="/elsewhere">Elsewhere</a>
  </nav>
  <div id="slot"></div>
  <script type="module">
    import { mount } from "/embed.js";
    window.mounted = (async () => {
      try {
        window.handle = await mount(document.getElementById("slot"), ${options});
        return "ok";
      } catch (e) {
        return "failed: " + e;
      }
    })();
  </script>
</body></html>`;
}

/** Serves the host page at /portal/… and a plain host page at every other host path. */
async function serveHost(page: Page, serverUrl: string, options: string): Promise<void> {
  await page.route(
    (url) => url.origin === new URL(serverUrl).origin && /^\/(portal\/.*|portal-old\/.*|other|elsewhere)$/.test(url.pathname),
    (route) => {
      const path = new URL(route.request().url()).pathname;
      const body =
        // The portal answers its page for the console's deep links too.
        path.startsWith('/portal/')
          ? hostPage(options)
          : `<!DOCTYPE html><html lang="en"><head><title>Host ${path}</title></head><body><h1>Host page ${path}</h1></body></html>`;
      return route.fulfill({ status: 200, contentType: 'text/html', body });
    },
  );
}

/** The window's (or `of`'s) event listeners, by type, as Chromium's debugger sees them. */
async function windowListeners(page: Page, of = 'window'): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: of });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  const counts: Record<string, number> = {};
  for (const l of listeners) counts[l.type] = (counts[l.type] ?? 0) + 1;
  return counts;
}

test('host links outside the base stay the host page’s, before and after unmount; unmount removes every window and document listener', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const token = await personaToken(server, 'admin');
  await serveHost(
    page,
    server.url,
    `{ tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal", getToken: async () => ${JSON.stringify(token)} }`,
  );
  const hostLinks = [
    // Its path starts with the base's characters, not with the base's segment.
    ['Old portal archive', '/portal-old/archive'],
    ['Other host page', '/other'],
    ['Elsewhere', '/elsewhere'],
  ] as const;

  // Before anything is mounted: what the host page's window has of its own.
  await page.goto(server.url + '/portal/');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  // The console is at the base, and its own links stay in the app.
  await expect(page).toHaveURL(server.url + '/portal/clients');
  await page.getByRole('link', { name: 'Billing Service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/portal\/clients\/cl_/);

  for (const [name, path] of hostLinks) {
    await page.goto(server.url + '/portal/');
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await page.getByRole('link', { name, exact: true }).click();
    // A real page load of the host's page, not the console's "Not found".
    await expect(page.getByRole('heading', { level: 1, name: `Host page ${path}` })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);
  }

  // Unmount: the window has exactly the listeners it had before the mount.
  await page.goto(server.url + '/portal/');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  const mounted = await windowListeners(page);
  expect(mounted.click ?? 0, 'the console listens for clicks while mounted').toBeGreaterThan(0);
  await page.evaluate(() => (window as any).handle.unmount());
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toHaveCount(0);
  const after = await windowListeners(page);
  // A page with nothing mounted, for comparison: the same host page whose mount is refused.
  expect(after.click ?? 0, `click listeners left on window: ${JSON.stringify(after)}`).toBe(0);
  expect(after.popstate ?? 0, `popstate listeners left on window: ${JSON.stringify(after)}`).toBe(0);
  expect(after.keydown ?? 0, `keydown listeners left on window: ${JSON.stringify(after)}`).toBe(0);
  expect(after.beforeunload ?? 0).toBe(0);
  // Nor on document (the host page adds none of its own; Playwright's are its own).
  const onDocument = Object.keys(await windowListeners(page, 'document')).filter((t) => !t.startsWith('__playwright'));
  expect(onDocument, 'listeners left on document').toEqual([]);

  // And the host's links still work after the unmount, even the one under the base.
  for (const [name, path] of hostLinks) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Host page ${path}` })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Portal home' })).toBeVisible();
    await page.evaluate(() => (window as any).mounted.then(() => (window as any).handle.unmount()));
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toHaveCount(0);
  }
  expect(crashes).toEqual([]);
});

test('embedded without a basePath, the console refuses to start and says why in its element', async ({ page, server }) => {
  const token = await personaToken(server, 'admin');
  await serveHost(page, server.url, `{ tenantId: "demo-tenant", apiBaseUrl: "", getToken: async () => ${JSON.stringify(token)} }`);
  await page.goto(server.url + '/portal/');
  await expect(page.locator('#slot')).toContainText('basePath is required when the console is embedded');
  // Nothing took over the host's links.
  await page.getByRole('link', { name: 'Elsewhere', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Host page /elsewhere' })).toBeVisible();
});

test('a console that cannot start says so in its element, and mount rejects', async ({ page, server }) => {
  await page.route(server.url + '/embed.js', async (route) => {
    // embed.js loads, the wasm does not.
    const res = await route.fetch();
    const body = (await res.text()).replace(/module_or_path: here\("[^"]+"\)/, 'module_or_path: here("./missing.wasm")');
    await route.fulfill({ response: res, body });
  });
  await serveHost(page, server.url, `{ tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal" }`);
  await page.goto(server.url + '/portal/');
  await expect(page.locator('#slot').getByRole('alert')).toContainText('could not start');
  expect(await page.evaluate(() => (window as any).mounted)).toMatch(/^failed: /);
});

test('getToken is called as the host’s method, and nothing is stored', async ({ page, server }) => {
  const token = await personaToken(server, 'admin');
  // getToken reads `this.token` and records its calls on the options object.
  await serveHost(
    page,
    server.url,
    `{ tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal", token: ${JSON.stringify(token)},
       calls: [], fetchFresh: async () => (await (await fetch("/dev/personas")).json()).personas.find((p) => p.id === "admin").token,
       async getToken({ forceRefresh }) {
         window.tokenCalls = this.calls;
         this.calls.push(forceRefresh);
         if (forceRefresh) this.token = await this.fetchFresh();
         return this.token;
       } }`,
  );
  await page.goto(server.url + '/portal/');
  await expect(page.getByRole('link', { name: 'Billing Service' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).tokenCalls.length)).toBeGreaterThan(0);
  // After every token is revoked, the 401 asks the host's method to refresh.
  await devPost(server, '/dev/revoke-tokens');
  await page.getByRole('link', { name: 'Billing Service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).tokenCalls.filter((f: boolean) => f).length)).toBe(1);
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
});
