import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';

test('admin signs in from the sign-in page and sees the demo clients', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  const configLoads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/config.json')) configLoads.push(r.url());
  });
  await page.goto(server.url + '/');
  await expect(page.getByRole('heading', { name: 'Sign in to Nexus Clients' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign in as Ada Admin/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Or use your own credentials' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'sign-in');
  await page.getByRole('button', { name: /^Sign in as Ada Admin/ }).click();
  await expect(page).toHaveURL(/\/clients$/);
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
  await expect(page.getByText('36 clients')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New client' })).toBeVisible();
  await saveScreenshot(page, 'clients-list-admin');
  // index.html preloads config.json and the loader reuses that response.
  expect(configLoads).toHaveLength(1);
  expect(crashes).toEqual([]);
});

test('viewer sees "New client" disabled with a readable reason', async ({ page, server }) => {
  await signInAs(page, server, 'viewer');
  const button = page.getByRole('button', { name: 'New client' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAccessibleDescription(/client\.write/);
  await button.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(page.getByRole('tooltip')).toContainText('Creating clients needs the client.write');
  await saveScreenshot(page, 'clients-list-viewer');
});
