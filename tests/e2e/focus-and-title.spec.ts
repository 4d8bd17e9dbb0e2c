/**
 * On every route change the new page's heading takes the focus and names the
 * document; typing a search (a query change) moves neither.
 */
import { test, expect } from './fixtures';
import { signInAs } from './helpers';

test('route changes focus the page heading and title the document', async ({ page, server }) => {
  await signInAs(page, server, 'admin');
  await expect(page).toHaveTitle('Clients · Nexus Clients');
  // Typing a search keeps the focus in the search box.
  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await search.fill('billing');
  await page.waitForTimeout(300);
  await expect(search).toBeFocused();

  await page.getByRole('link', { name: 'Billing Service' }).click();
  const detail = page.getByRole('heading', { level: 1, name: 'Billing Service' });
  await expect(detail).toBeFocused();
  await expect(page).toHaveTitle('Billing Service · Nexus Clients');

  await page.locator('.ncc-page__head').getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Billing Service' })).toBeFocused();
  await expect(page).toHaveTitle('Edit Billing Service · Nexus Clients');

  await page.goBack();
  await expect(detail).toBeFocused();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeFocused();
  await expect(page).toHaveTitle('Clients · Nexus Clients');
});
