/**
 * The host's language: the console speaks German when config.json, the
 * mount option or the custom element's `lang` asks for it (in that order of
 * precedence: option or element first, then config.json, then the page's
 * own language), with German counts, dates and decimals, and the domain's
 * reasons and validation messages in German. English stays the default.
 * The layout holds German's longer words on a phone and on a desktop;
 * screenshots in artifacts/screenshots/.
 */
import { test, expect, saveScreenshot } from './fixtures';
import { personaToken, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

/** Serves config.json with `extra` merged in. */
async function configWith(page: Page, extra: Record<string, unknown>): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const res = await route.fetch();
    const config = await res.json();
    await route.fulfill({ response: res, json: { ...config, ...extra } });
  });
}

/** Signs in with a demo persona's German button. */
async function anmelden(page: Page, who: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Bei Nexus Clients anmelden' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`^Anmelden als ${who}`) }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
}

/** A host page at /portal/ whose `<html lang>` is `pageLang`, with `body` in it. */
function hostPage(pageLang: string, body: string): string {
  return `<!DOCTYPE html><html lang="${pageLang}"><head><meta charset="utf-8"><title>Portal</title></head>
<body><h1>Portal</h1>${body}</body></html>`;
}

async function serveHost(page: Page, serverUrl: string, html: string): Promise<void> {
  await page.route(
    (url) => url.origin === new URL(serverUrl).origin && url.pathname.startsWith('/portal/'),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
}

/** Mount options (JS source) for the portal's console, with `extra` added. */
function options(token: string, extra = ''): string {
  return `{ tenantId: "demo-tenant", apiBaseUrl: "", basePath: "/portal", getToken: async () => ${JSON.stringify(token)}${extra} }`;
}

/** A script that mounts the console into #slot with `options` (JS source). */
function mountScript(options: string): string {
  return `<div id="slot"></div><script type="module">
    import { mount } from "/embed.js";
    window.handle = await mount(document.getElementById("slot"), ${options});
  </script>`;
}

async function noSidewaysScroll(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(client);
}

test.describe('German from config.json (1,200 generated clients)', () => {
  test.use({ serverArgs: ['--clients', '1200'] });

  test('labels, counts, dates and the root lang are German', async ({ page, server }) => {
    const crashes = watchForCrashes(page);
    await configWith(page, { locale: 'de' });
    await page.goto(server.url + '/clients');
    await anmelden(page, 'Ada Admin');
    await expect(page.locator('#nexus-clients-console')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    // A count with German thousands separators and plural.
    await expect(page.getByText('1.200 Clients', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Neuer Client' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Clients durchsuchen' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Zeilen pro Seite' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nächste Seite' }).first()).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /Verwaltet von/ })).toBeVisible();
    // The session's end as a German date and time (from the token's exp).
    await expect(page.locator('.ncc-header__session')).toHaveText(/^Sitzung endet \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    // A filtered count: "1 von 1.200 Clients passt" or "n von 1.200 Clients passen".
    await page.getByRole('searchbox', { name: 'Clients durchsuchen' }).fill('zzzz-nothing-matches');
    await expect(page.getByRole('heading', { name: 'Keine passenden Clients' })).toBeVisible();
    await page.getByRole('button', { name: 'Suche und Filter zurücksetzen' }).click();
    await expect(page.getByText('1.200 Clients', { exact: true })).toBeVisible();
    expect(crashes).toEqual([]);
  });
});

test('German from config.json: the detail page, decide() reasons and validation messages', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await configWith(page, { locale: 'de-AT' });
  await page.goto(server.url + '/clients');
  await anmelden(page, 'Vic Viewer');
  // decide(): a viewer's New client is disabled with the domain's reason, in German.
  const neu = page.getByRole('button', { name: 'Neuer Client' });
  await expect(neu).toHaveAttribute('aria-disabled', 'true');
  await expect(neu).toHaveAccessibleDescription(/^Zum Anlegen von Clients brauchen Sie die Berechtigung client\.write oder client\.write\.all; Ihr Token gewährt: /);

  await page.getByRole('link', { name: 'Billing Service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Grunddaten' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Anwendungs-URIs' })).toBeVisible();
  const bearbeiten = page.getByRole('button', { name: 'Bearbeiten' });
  await expect(bearbeiten).toHaveAccessibleDescription(/^Um diesen Client bearbeiten zu können, brauchen Sie die Berechtigung/);
  // Decimals follow the locale: lifetimes read "… Sekunden (… Stunden)" with a decimal comma.
  await expect(page.getByText(/^\d+ Sekunden \(\d+,\d (Stunden|Tage)\)$/).first()).toBeVisible();

  // The admin: German validation messages at their fields.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await anmelden(page, 'Ada Admin');
  await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
  await page.getByRole('link', { name: 'Neuer Client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Client' })).toBeVisible();
  await page.getByRole('radio', { name: /Klassische Web-App/ }).check();
  const name = page.getByRole('textbox', { name: /^Name/ });
  await name.fill('a<b');
  await expect(page.getByText('Der Name darf weder < noch > enthalten.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('');
  await page.getByRole('button', { name: 'Client anlegen' }).click();
  await expect(page.getByText('Geben Sie einen Namen ein (mindestens ein Zeichen).')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /Beheben Sie/ })).toBeVisible();
  expect(crashes).toEqual([]);
});

test('German from the mount option, over the host page\u2019s English', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const token = await personaToken(server, 'viewer');
  await serveHost(page, server.url, hostPage('en', mountScript(options(token, ', locale: "de"'))));
  await page.goto(server.url + '/portal/');
  await expect(page.locator('#slot')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('searchbox', { name: 'Clients durchsuchen' })).toBeVisible();
  await expect(page.getByText('36 Clients', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Neuer Client' })).toHaveAccessibleDescription(/Zum Anlegen von Clients/);
  expect(crashes).toEqual([]);
});

test('German from the custom element\u2019s lang; the page\u2019s own lang when the host says nothing', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const token = await personaToken(server, 'admin');
  await serveHost(
    page,
    server.url,
    hostPage(
      'en',
      `<nexus-clients-console id="c" lang="de-AT" tenant-id="demo-tenant" api-base-url="" base-path="/portal"></nexus-clients-console>
       <script type="module">
         const el = document.getElementById("c");
         el.getToken = async () => ${JSON.stringify(token)};
         await import("/embed.js");
       </script>`,
    ),
  );
  await page.goto(server.url + '/portal/');
  await expect(page.getByRole('link', { name: 'Neuer Client' })).toBeVisible();
  await expect(page.getByText('36 Clients', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Billing Service' }).click();
  await expect(page.getByRole('button', { name: 'Secret erneuern' })).toBeVisible();

  // No option and no config locale: the host page's <html lang="de"> decides
  // (the route added last answers).
  await serveHost(page, server.url, hostPage('de', mountScript(options(token))));
  await page.goto(server.url + '/portal/clients');
  await expect(page.getByRole('link', { name: 'Neuer Client' })).toBeVisible();
  // And an option beats it: English on a German page.
  await serveHost(page, server.url, hostPage('de', mountScript(options(token, ', locale: "en"'))));
  await page.goto(server.url + '/portal/clients');
  await expect(page.getByRole('link', { name: 'New client' })).toBeVisible();
  await expect(page.getByText('36 clients', { exact: true })).toBeVisible();
  expect(crashes).toEqual([]);
});

for (const [device, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test.describe(`German layout on a ${device}`, () => {
    test.use({ viewport });

    test('list, detail and create fit without the page scrolling sideways', async ({ page, server }) => {
      await configWith(page, { locale: 'de' });
      await page.goto(server.url + '/clients');
      await anmelden(page, 'Ada Admin');
      await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
      await noSidewaysScroll(page, 'list');
      await saveScreenshot(page, `de-${device}-list`);
      for (const [route, heading, shot] of [
        ['/clients/cl_shop_storefront_01', 'Shop Storefront', 'detail'],
        ['/clients/cl_shop_storefront_01/edit', 'Shop Storefront bearbeiten', 'edit'],
        ['/clients/new', 'Neuer Client', 'create'],
      ]) {
        await page.goto(server.url + route);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await noSidewaysScroll(page, route);
        await saveScreenshot(page, `de-${device}-${shot}`);
      }
    });
  });
}

test.describe('a German browser on the standalone page', () => {
  test.use({ locale: 'de-DE' });

  test('gets German without config.json saying so (the page\'s own lang="en" is not a choice); config.json\'s locale still wins', async ({ page, server }) => {
    await page.goto(server.url + '/clients');
    await anmelden(page, 'Ada Admin');
    await expect(page.locator('#nexus-clients-console')).toHaveAttribute('lang', 'de');
    // config.json's English wins over the browser's German.
    await configWith(page, { locale: 'en' });
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('#nexus-clients-console')).toHaveAttribute('lang', 'en');
  });
});
