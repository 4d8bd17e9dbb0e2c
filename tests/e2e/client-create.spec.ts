import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { signInAs, storedClients, watchForCrashes } from './helpers';
import type { Page, Request } from '@playwright/test';

const CLIENTS_API = /\/v1\/tenants\/[^/]+\/clients$/;

/** Counts the create POSTs the page sends. */
function countCreates(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && CLIENTS_API.test(new URL(r.url()).pathname)) sent.push(r);
  });
  return sent;
}

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });
const createButton = (page: Page) => page.getByRole('button', { name: 'Create client' });

async function addCallback(page: Page, value: string) {
  await page.getByRole('button', { name: 'Add to Allowed callback URLs' }).click();
  const items = page.getByRole('textbox', { name: /^Allowed callback URLs, item \d+$/ });
  const item = items.nth((await items.count()) - 1);
  await item.fill(value);
  return item;
}

test('choosing a type explains it; the form passes axe', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  const spa = page.getByRole('radio', { name: /^Single-page app/ });
  await spa.check();
  await expect(spa).toBeChecked();
  await expect(page.getByText('A JavaScript app running in the browser; it cannot keep a secret.')).toBeVisible();
  // The preset grant types follow the type.
  await expect(page.getByRole('checkbox', { name: 'authorization_code' })).toBeChecked();
  await page.getByRole('radio', { name: /^Machine to machine/ }).check();
  await expect(page.getByRole('checkbox', { name: 'client_credentials' })).toBeChecked();
  // Machine to machine has no callback URLs.
  await expect(page.getByRole('group', { name: 'Allowed callback URLs' })).toHaveCount(0);
  await page.getByRole('radio', { name: /^Regular web app/ }).check();
  await expect(page.getByRole('group', { name: 'Allowed callback URLs' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'create');
  expect(crashes).toEqual([]);
});

test('field errors show as you type, at their fields; submitting with errors focuses the first and sends nothing', async ({ page, server }) => {
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Regular web app/ }).check();

  await nameField(page).fill('a<b');
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField(page)).toHaveAccessibleDescription(/The name cannot contain < or >\./);
  await nameField(page).fill('Fine name');
  await expect(nameField(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(nameField(page)).not.toHaveAccessibleDescription(/cannot contain/);
  // A name has a maximum length (255 characters), shown with the count.
  await nameField(page).fill('n'.repeat(256));
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField(page)).toHaveAccessibleDescription(/A name can be at most 255 characters; this one has 256\./);
  await nameField(page).fill('n'.repeat(255));
  await expect(nameField(page)).not.toHaveAttribute('aria-invalid', 'true');
  await nameField(page).fill('a<b');

  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Used by the e2e tests');
  await expect(page.getByText('21 of 140 characters')).toBeVisible();
  await description.fill('x'.repeat(150));
  await expect(page.getByText('150 of 140 characters')).toBeVisible();
  await expect(description).toHaveAccessibleDescription(/At most 140 characters; this has 150\./);
  await description.fill('Short again');

  const bad = await addCallback(page, 'example.com/callback');
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toHaveAccessibleDescription(/Not a valid URL/);
  const wild = await addCallback(page, 'https://app.*.example.com/callback');
  await expect(wild).toHaveAccessibleDescription(/A wildcard is allowed only at the subdomain level/);
  const good = await addCallback(page, 'https://*.example.com/callback');
  await expect(good).not.toHaveAttribute('aria-invalid', 'true');
  // A Unicode host name is a valid URL (the bundle has no IDNA tables; the shape is checked).
  const idn = await addCallback(page, 'https://bücher.example/callback');
  await expect(idn).not.toHaveAttribute('aria-invalid', 'true');

  const initiate = page.getByRole('textbox', { name: 'Initiate login URI' });
  await initiate.fill('http://login.example.com/start');
  await expect(initiate).toHaveAccessibleDescription(/must use https/);

  await createButton(page).click();
  await expect(nameField(page)).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: /Fix \d+ problem\(s\)/ })).toBeVisible();
  // Fix the name: the next submit focuses the first bad callback.
  await nameField(page).fill('Still broken elsewhere');
  await createButton(page).click();
  await expect(bad).toBeFocused();
  await page.waitForTimeout(300);
  expect(creates).toHaveLength(0);
  expect((await storedClients(server)).length).toBe(36);
});

test('a required name and type are asked for on submit', async ({ page, server }) => {
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await expect(nameField(page)).not.toHaveAttribute('aria-invalid', 'true');
  await createButton(page).click();
  // The type chooser comes first in the form, so its first option gets focus.
  await expect(page.getByRole('radio', { name: /^Regular web app/ })).toBeFocused();
  await expect(nameField(page)).toHaveAccessibleDescription(/Enter a name/);
  await expect(page.getByText('Choose an application type.')).toBeVisible();
  await page.getByRole('radio', { name: /^Native app/ }).check();
  await createButton(page).click();
  await expect(nameField(page)).toBeFocused();
  await page.waitForTimeout(200);
  expect(creates).toHaveLength(0);
});

test('a valid create shows the secret once, then the client exists', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Regular web app/ }).check();
  await nameField(page).fill('E2E Created Client');
  await page.getByRole('textbox', { name: 'Description' }).fill('Made by client-create.spec.ts');
  await addCallback(page, 'https://e2e.example.com/callback');
  await addCallback(page, 'https://bücher.example/callback');
  await page.getByRole('textbox', { name: 'Product' }).fill('Shop');
  await page.getByRole('textbox', { name: 'Application name' }).fill('e2e-app');

  await createButton(page).dblclick();
  const panel = page.getByRole('region', { name: /E2E Created Client.*created/ });
  await expect(panel).toContainText('this panel shows it once');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: /E2E Created Client.*created/ })).toBeVisible();
  await page.waitForTimeout(300);
  expect(creates, 'a double click sends exactly one POST').toHaveLength(1);

  const stored = (await storedClients(server)).filter((c) => c.name === 'E2E Created Client');
  expect(stored).toHaveLength(1);
  const created = stored[0];
  expect(created.productName).toBe('Shop');
  expect(created.applicationName).toBe('e2e-app');
  expect(created.callbackUrls ?? created.callbacks).toEqual(['https://e2e.example.com/callback', 'https://bücher.example/callback']);
  const response = await creates[0].response();
  const secret: string = (await response!.json()).secret;
  expect(secret.length).toBeGreaterThan(10);
  await expect(panel).toContainText(secret);
  await expect(panel).toContainText(created.id);
  // Nexus never returns a description: the panel says what was sent, and why
  // the client's page will not show it.
  await expect(panel).toContainText('Description sent: \u201cMade by client-create.spec.ts\u201d. Nexus does not return it');
  expect((await response!.json()).description).toBeUndefined();
  await saveScreenshot(page, 'create-secret-once');

  await panel.getByRole('button', { name: 'Copy client secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // Leaving by another way asks first: the secret is shown only here.
  let asked = '';
  const onDialog = (d: any) => {
    asked = d.message();
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect.poll(() => asked).toMatch(/shown only here and only once/);
  await expect(panel).toBeVisible();
  asked = '';
  // "I have copied it" is the way on: no question.
  await panel.getByRole('link', { name: /open the client/ }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${created.id}$`));
  expect(asked).toBe('');
  page.off('dialog', onDialog);
  await expect(page.getByRole('heading', { level: 1, name: 'E2E Created Client' })).toBeVisible();
  // The secret is masked on the detail view.
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link', { name: 'E2E Created Client' })).toBeVisible();
  await expect(page.getByText('37 clients', { exact: true })).toBeVisible();
});

test('server field errors appear at their fields, with the trace id', async ({ page, server }) => {
  await page.route('**/v1/tenants/*/clients', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Name: ['Name is already taken.'], 'callbacks[0]': ['Callback host not allowed.'] },
        traceId: '00-abc-01',
      }),
    });
  });
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Regular web app/ }).check();
  await nameField(page).fill('Shop Storefront');
  const cb = await addCallback(page, 'https://blocked.example.com/callback');
  await createButton(page).click();

  await expect(page.getByText('One or more validation errors occurred.')).toBeVisible();
  await expect(page.getByText('00-abc-01')).toBeVisible();
  await expect(nameField(page)).toHaveAccessibleDescription(/Name is already taken\./);
  await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(cb).toHaveAccessibleDescription(/Callback host not allowed\./);
  await expect(cb).toHaveAttribute('aria-invalid', 'true');
  // Nothing was stored, and the form is still there to fix.
  expect((await storedClients(server)).length).toBe(36);
  await expect(createButton(page)).not.toHaveAttribute('aria-disabled', 'true');
});

test('a viewer sees "Create client" disabled with the reason', async ({ page, server }) => {
  const creates = countCreates(page);
  await signInAs(page, server, 'viewer', '/clients/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  await expect(createButton(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(createButton(page)).toHaveAccessibleDescription(/Creating clients needs the client\.write/);
  await page.getByRole('radio', { name: /^Regular web app/ }).check();
  await nameField(page).fill('Viewer attempt');
  // Playwright will not click an aria-disabled control unless forced; a user still can.
  await createButton(page).click({ force: true });
  await page.waitForTimeout(200);
  expect(creates).toHaveLength(0);
});

test('"Paste several" opens its textarea with the focus in it', async ({ page, server }) => {
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Regular web app/ }).check();
  await page.getByRole('button', { name: 'Paste several into Allowed callback URLs' }).click();
  await expect(page.getByRole('textbox', { name: /^Paste into Allowed callback URLs/ })).toBeFocused();
});

/** Submits the create form as the browser would on Enter, without its button. */
async function submitForm(page: Page) {
  await nameField(page).evaluate((el: HTMLInputElement) => el.form!.requestSubmit());
}

test('submitting the form without its button still needs the permission', async ({ page, server }) => {
  const creates = countCreates(page);
  await signInAs(page, server, 'viewer', '/clients/new');
  await expect(createButton(page)).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('radio', { name: /^Machine to machine/ }).check();
  await nameField(page).fill('Viewer by Enter');
  await submitForm(page);
  await page.waitForTimeout(300);
  expect(creates).toHaveLength(0);
});

test('a second submit while a create is on its way sends nothing', async ({ page, server }) => {
  const creates = countCreates(page);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(CLIENTS_API, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await held;
    await route.fallback();
  });
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Machine to machine/ }).check();
  await nameField(page).fill('Submitted Twice');
  await createButton(page).click();
  await expect(page.getByRole('button', { name: 'Creating…' })).toBeVisible();
  await submitForm(page);
  await page.waitForTimeout(300);
  expect(creates).toHaveLength(1);
  release();
  await expect(page.getByRole('heading', { name: 'Client “Submitted Twice” created' })).toBeVisible();
  expect((await storedClients(server)).filter((c) => c.name === 'Submitted Twice')).toHaveLength(1);
});

test('duplicate: the detail view opens create prefilled as "Copy of …", without id or secret; creating sends one POST', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/cl_shop_storefront_01');
  await page.getByRole('link', { name: 'Duplicate' }).click();
  await expect(page).toHaveURL(/\/clients\/new\?from=cl_shop_storefront_01$/);
  await expect(nameField(page)).toHaveValue('Copy of Shop Storefront');
  await expect(nameField(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'A copy of' })).toContainText('gets its own client ID and secret');
  await expect(page.getByRole('radio', { name: /^Regular web app/ })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Product' })).toHaveValue('Shop');
  const callbacks = page.getByRole('textbox', { name: /^Allowed callback URLs, item \d+$/ });
  await expect(callbacks).toHaveCount(3);
  await expectNoAxeViolations(page);
  expect(creates).toHaveLength(0);

  await createButton(page).click();
  const panel = page.getByRole('region', { name: /Copy of Shop Storefront.*created/ });
  await expect(panel).toBeVisible();
  expect(creates).toHaveLength(1);
  const body = creates[0].postDataJSON();
  expect(body.name).toBe('Copy of Shop Storefront');
  expect(body).not.toHaveProperty('id');
  expect(JSON.stringify(body)).not.toContain('secret');
  expect(body.client_metadata.productName).toBe('Shop');
  const created = (await storedClients(server)).filter((c) => c.name === 'Copy of Shop Storefront');
  expect(created).toHaveLength(1);
  expect(created[0].id).not.toBe('cl_shop_storefront_01');
  expect(crashes).toEqual([]);
});

test('duplicate: a viewer sees Duplicate disabled with the reason; an unknown id says so and leaves the form empty', async ({ page, server }) => {
  await signInAs(page, server, 'viewer', '/clients/cl_shop_storefront_01');
  await expect(page.getByRole('link', { name: 'Duplicate' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Duplicate' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Duplicate' })).toHaveAccessibleDescription(/Creating clients needs the client\.write/);
  await page.goto(page.url().replace(/\/clients\/.*$/, '/clients/new?from=no-such-client'));
  await expect(page.getByText('The client to duplicate could not be loaded; the form starts empty.')).toBeVisible();
  await expect(nameField(page)).toHaveValue('');
});

test('import: a pasted Auth0 client fills the form and names what it cannot carry; a file works too; bad JSON says why', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByText('Start from a client JSON (import)').click();
  const box = page.getByRole('textbox', { name: 'Client JSON' });
  await box.fill('{"name": "Imported');
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This is not valid JSON' })).toBeVisible();
  await box.fill('[{"name":"a"}]');
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This is a list' })).toBeVisible();

  await box.fill(JSON.stringify({
    client_id: 'abc', name: 'Imported SPA', app_type: 'spa', callbacks: ['https://imp.example.com/cb'],
    client_metadata: { owners: 'alice, bob', productName: 'Shop' }, jwt_configuration: { alg: 'RS256' },
  }));
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(nameField(page)).toHaveValue('Imported SPA');
  await expect(nameField(page)).toBeFocused();
  await expect(page.getByRole('radio', { name: /^Single-page app/ })).toBeChecked();
  await expect(page.getByRole('textbox', { name: /^Allowed callback URLs, item 1$/ })).toHaveValue('https://imp.example.com/cb');
  await expect(page.getByRole('textbox', { name: 'Product' })).toHaveValue('Shop');
  await expect(page.getByRole('status').filter({ hasText: 'Filled from the JSON' })).toContainText('Not carried over (a create does not take them): client_id, jwt_configuration.');
  expect(creates).toHaveLength(0);

  // A file (an export of this console) fills it the same way.
  await page.locator('#ncc-import-file').setInputFiles({
    name: 'billing.client.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name: 'From a file', type: 'non_interactive', productName: 'Billing' })),
  });
  await expect(nameField(page)).toHaveValue('From a file');
  await expect(page.getByRole('radio', { name: /^Machine to machine/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await createButton(page).click();
  await expect(page.getByRole('region', { name: /From a file.*created/ })).toBeVisible();
  expect(creates).toHaveLength(1);
  expect(crashes).toEqual([]);
});

test('an owner line is checked as the edit form checks it: a blank line or one holding a comma is pointed at, not dropped or split', async ({ page, server }) => {
  const creates = countCreates(page);
  await signInAs(page, server, 'admin', '/clients/new');
  await page.getByRole('radio', { name: /^Machine to machine/ }).check();
  await nameField(page).fill('Owner lines');
  const owners = page.getByRole('textbox', { name: /^Owners, item \d+$/ });
  await page.getByRole('button', { name: 'Add to Owners' }).click();
  await owners.last().fill('alice');
  await page.getByRole('button', { name: 'Add to Owners' }).click();
  await page.getByRole('button', { name: 'Add to Owners' }).click();
  await owners.last().fill('team-a,team-b');
  await expect(owners).toHaveCount(3);
  await expect(owners.nth(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(owners.nth(1)).toHaveAccessibleDescription(/Enter a user id or role, or remove this line\./);
  await expect(owners.nth(2)).toHaveAccessibleDescription(/An owner cannot contain a comma\./);
  await expect(owners.nth(0)).not.toHaveAttribute('aria-invalid', 'true');
  await createButton(page).click();
  await expect(owners.nth(1)).toBeFocused();
  expect(creates).toHaveLength(0);
});

test('a product owner starts as an owner with their product, and is warned before creating a client they could not manage', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'owner', '/clients/new');
  const owners = page.getByRole('textbox', { name: /^Owners, item \d+$/ });
  await expect(owners).toHaveCount(1);
  await expect(owners.first()).toHaveValue('po-shop-1');
  await expect(page.getByRole('textbox', { name: 'Product' })).toHaveValue('Shop');
  const warning = page.getByRole('note').filter({ hasText: 'You could not manage this client after creating it' });
  await expect(warning).toHaveCount(0);

  // Without themselves as owner and without their product: warned, with decide()'s reason.
  await page.getByRole('button', { name: 'Remove item 1 from Owners' }).click();
  await page.getByRole('textbox', { name: 'Product' }).fill('Billing');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('not in your product scope');
  await expectNoAxeViolations(page);
  // Their product back: nothing to warn about.
  await page.getByRole('textbox', { name: 'Product' }).fill('Shop');
  await expect(warning).toHaveCount(0);

  // The prefill alone is not input: leaving asks nothing.
  await page.reload();
  await expect(owners.first()).toHaveValue('po-shop-1');
  let asked = false;
  page.on('dialog', (d) => { asked = true; void d.accept(); });
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  expect(asked).toBe(false);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(crashes).toEqual([]);
});
