/**
 * Issue 9, item 4: long values must not freeze the page. A client whose every
 * string field (and every list item) holds 100,000 characters is served to the
 * list, detail, edit and review views; each must settle (its content shown and
 * two animation frames later) in under a second, stay inside the viewport's
 * width, and offer the whole value behind a real button.
 *
 * Figures (wall time, and Chromium's LayoutDuration / RecalcStyleDuration from
 * the DevTools Performance domain) are printed per view.
 */
import { test, expect } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';
import type { CDPSession, Page } from '@playwright/test';

const SHOP = 'cl_shop_storefront_01';
/** MEASURE_ONLY=1 records the figures of a build without the fix (NEXUS_DIST=<old dist>) and asserts nothing. */
const MEASURE_ONLY = !!process.env.MEASURE_ONLY;
const LONG = 100_000;

/** `tag` then 'x' up to LONG characters, no break opportunity anywhere. */
function long(tag: string): string {
  return tag + 'x'.repeat(LONG - tag.length);
}

/** Every string (and every string in a list) becomes 100,000 characters; the id stays routable. */
function lengthen(value: any, key = ''): any {
  if (key === 'id' || key === 'clientAuthMethod' || key === 'type' || key === 'grantTypes' || key === 'secret') return value;
  if (typeof value === 'string') return long(key);
  if (Array.isArray(value)) return value.length ? value.map((v) => lengthen(v, key)) : [long(key)];
  if (value && typeof value === 'object') {
    const out: any = {};
    for (const [k, v] of Object.entries(value)) out[k] = lengthen(v, k);
    return out;
  }
  return value;
}

async function serveLongValues(page: Page) {
  await page.route(/\/v1\/tenants\/[^/]+\/clients(\/[^/?]+)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const res = await route.fetch();
    const body = await res.json();
    const isOne = /\/clients\/[^/?]+(\?.*)?$/.test(route.request().url());
    let out: any;
    if (isOne) {
      out = body.id === SHOP ? lengthen(body) : body;
    } else {
      const lengthenShop = (c: any) => (c && c.id === SHOP ? lengthen(c) : c);
      out = Array.isArray(body) ? body.map(lengthenShop) : Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(lengthenShop) : v]));
    }
    await route.fulfill({ response: res, json: out });
  });
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
}

const settled = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

const figures: string[] = [];

/**
 * Runs `act`, waits for `ready`, then two frames; returns the ms from the
 * later of the action and the last API answer to the settled frame (the
 * console's own work: the test's interception, which rewrites 2 MB answers
 * in the test runner, is not), and records layout figures.
 */
async function measure(page: Page, cdp: CDPSession, view: string, act: () => Promise<void>, ready: () => Promise<void>): Promise<number> {
  const before = await metrics(cdp);
  let answered = 0;
  const onResponse = (r: { url(): string }) => {
    if (r.url().includes('/v1/')) answered = Date.now();
  };
  page.on('response', onResponse);
  const t0 = Date.now();
  await act();
  await ready();
  await settled(page);
  const end = Date.now();
  page.off('response', onResponse);
  const ms = end - Math.max(t0, answered);
  const after = await metrics(cdp);
  const d = (k: string) => Math.round((after[k] - before[k]) * 1000);
  figures.push(`${view.padEnd(26)} ${String(ms).padStart(5)} ms to settle (${String(end - t0).padStart(5)} ms with the network)  layout ${String(d('LayoutDuration')).padStart(6)} ms  style ${String(d('RecalcStyleDuration')).padStart(5)} ms  script ${String(d('ScriptDuration')).padStart(5)} ms`);
  return ms;
}

/** The page never gets wider than the viewport: the longest value stays in its column. */
async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements wider than the viewport: where a value escapes its column.
    const wide = [...document.querySelectorAll('.ncc *')]
      .filter((e) => e.getBoundingClientRect().width > client && ![...e.children].some((c) => c.getBoundingClientRect().width > client))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    const right = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > client + 1)
      .slice(-5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide: wide.length ? wide : right };
  });
  expect(scroll, `page is wider than the viewport: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
}

test.afterAll(() => {
  console.log('\n== long values (100,000 characters in every field)\n' + figures.join('\n'));
});

test('100,000-character values: list, detail, edit and review each settle in under a second', async ({ page, server }) => {
  test.setTimeout(MEASURE_ONLY ? 1_800_000 : 120_000);
  const crashes = watchForCrashes(page);
  await serveLongValues(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await signInAs(page, server, 'admin', '/clients/cl_billing_service_11');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // List (in-app navigation from a short client's page).
  const listMs = await measure(page, cdp, 'list', () => page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients' }).click(),
    () => expect(page.getByRole('link', { name: /^namex/ })).toBeVisible());
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);

  // Detail.
  // (Clicked near its start: the 100,000-character link runs on, clipped, under the next cells.)
  const detailMs = await measure(page, cdp, 'detail', () => page.getByRole('link', { name: /^namex/ }).click({ position: { x: 20, y: 5 } }),
    () => expect(page.getByRole('heading', { level: 1, name: MEASURE_ONLY ? /^namex/ : /^namex+…$/ })).toBeVisible({ timeout: MEASURE_ONLY ? 600_000 : 5_000 }));
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);
  let expandMs = 0;
  if (!MEASURE_ONLY) {
  // Every long value is cut, with a real button that shows it all.
  const showName = page.getByRole('button', { name: 'Show all 100,000 characters of Name' });
  await expect(showName).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Show all 100,000 characters of Product' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show all 100,000 characters of Allowed callback URLs' }).first()).toBeVisible();
  expandMs = await measure(page, cdp, 'detail: show all of Name', () => showName.click(),
    () => expect(page.getByRole('button', { name: 'Show less of Name' })).toHaveAttribute('aria-expanded', 'true'));
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);
  expect(await page.locator('.ncc-longtext__full').first().evaluate((e) => e.textContent?.length)).toBe(LONG);
  }

  // Edit.
  const openProduct = page.getByRole('button', { name: 'Edit all 100,000 characters of Product' });
  const editMs = await measure(page, cdp, 'edit', () => page.getByRole('link', { name: 'Edit', exact: true }).click(),
    () => expect(MEASURE_ONLY ? page.getByRole('textbox', { name: 'Product', exact: true }) : openProduct).toBeVisible({ timeout: MEASURE_ONLY ? 600_000 : 5_000 }));
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);
  // A 100,000-character value is edited on request: the input then holds all of it.
  let openMs = 0;
  if (!MEASURE_ONLY) {
    openMs = await measure(page, cdp, 'edit: open Product', () => openProduct.click(),
      () => expect(page.getByRole('textbox', { name: 'Product', exact: true })).toHaveValue(long('productName')));
    await expect(page.getByRole('textbox', { name: 'Product', exact: true })).toBeFocused();
  }
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);

  // Review: change the product, then review the 100,000-character before/after.
  await page.getByRole('textbox', { name: 'Product', exact: true }).fill('Shop');
  const reviewMs = await measure(page, cdp, 'review', () => page.getByRole('button', { name: 'Review changes' }).click(),
    () => expect(page.getByRole('region', { name: 'Review changes' })).toBeVisible());
  if (MEASURE_ONLY) return;
  if (!MEASURE_ONLY) await expectNoHorizontalOverflow(page);
  await expect(page.getByRole('button', { name: 'Show all 100,000 characters of Product (before)' })).toBeVisible();

  for (const [view, ms] of [['list', listMs], ['detail', detailMs], ['show all', expandMs], ['edit', editMs], ['open Product', openMs], ['review', reviewMs]] as const) {
    expect(ms, `${view} took ${ms} ms`).toBeLessThan(1000);
  }
  expect(crashes).toEqual([]);
});

