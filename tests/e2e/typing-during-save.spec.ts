/**
 * Issue 9, item 7: edits typed while a save is in flight are kept. The saved
 * body becomes the baseline, not the draft at the time the answer comes, so
 * what was typed meanwhile stays in the form, unsaved and reviewable.
 */
import { test, expect } from './fixtures';
import { apiCall, devPost, personaToken, signInAs, watchForCrashes } from './helpers';

const SHOP = 'cl_shop_storefront_01';

test('typing while a save is in flight: the later edit stays in the form, unsaved', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', `/clients/${SHOP}/edit`);
  const product = page.getByRole('textbox', { name: 'Product', exact: true });
  const app = page.getByRole('textbox', { name: 'Application name', exact: true });
  await expect(product).toHaveValue('Shop');
  const appBefore = await app.inputValue();
  await product.fill('Shop saved first');
  await devPost(server, '/dev/faults', { latencyMs: 2500, method: 'PATCH', count: 1 });
  await page.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('region', { name: 'Review changes' });
  await review.getByRole('button', { name: 'Save changes' }).click();
  await expect(review.getByRole('button', { name: 'Saving…' })).toBeVisible();
  // While the PATCH waits on the server: back to the form, type more.
  await review.getByRole('button', { name: 'Back to editing' }).click();
  await app.fill('Typed while saving');

  await expect(page.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible({ timeout: 10_000 });
  // Saved: only what was sent.
  const stored = (await apiCall(server, await personaToken(server, 'admin'), 'GET', `/clients/${SHOP}`)).json;
  expect(stored.productName).toBe('Shop saved first');
  expect(stored.applicationName).toBe(appBefore);
  // Kept: the later edit, still in the form and still a change to review.
  await expect(page).toHaveURL(new RegExp(`/clients/${SHOP}/edit$`));
  await expect(app).toHaveValue('Typed while saving');
  await expect(product).toHaveValue('Shop saved first');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const rows = page.getByRole('region', { name: 'Review changes' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Application name' })).toContainText('Typed while saving');
  await expect(rows.filter({ hasText: 'Product' })).toHaveCount(0);
  expect(crashes).toEqual([]);
});
