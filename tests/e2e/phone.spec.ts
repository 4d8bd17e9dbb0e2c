/**
 * On a 390×844 phone the page never scrolls sideways: the table scrolls in
 * its own box with the name column kept in view, and the header spans the
 * screen. Screenshots in artifacts/screenshots/.
 */
import { test, expect, saveScreenshot } from './fixtures';
import { signInAs } from './helpers';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

async function noSidewaysScroll(page: Page, what: string) {
  const { scroll, client, header } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    header: document.querySelector('.ncc-header')?.getBoundingClientRect().width ?? 0,
  }));
  expect(scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(client);
  expect(header, `${what}: the header spans the screen`).toBeGreaterThanOrEqual(client - 1);
}

test('a phone sees every view without the page scrolling sideways', async ({ page, server }) => {
  await signInAs(page, server, 'admin');
  await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
  await noSidewaysScroll(page, 'list');
  // The table scrolls inside its own box; the name column stays in view.
  const box = page.locator('.ncc-table-scroll');
  const name = page.getByRole('link', { name: 'Shop Storefront' });
  const before = await name.boundingBox();
  await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const after = await name.boundingBox();
  expect(after?.x, 'the name column is sticky').toBeCloseTo(before?.x ?? -1, 0);
  await box.evaluate((el) => (el.scrollLeft = 0));
  await saveScreenshot(page, 'phone-list');

  for (const [route, heading] of [
    ['/clients/cl_shop_storefront_01', 'Shop Storefront'],
    ['/clients/cl_shop_storefront_01/edit', 'Edit Shop Storefront'],
    ['/clients/new', 'New client'],
  ]) {
    await page.goto(server.url + route);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await noSidewaysScroll(page, route);
  }
  await saveScreenshot(page, 'phone-create');
});
