import { test, expect } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';
import type { Locator, Page } from '@playwright/test';

// Issue 10, item 2: a field is declared once, so create and edit describe it
// with the same words. Each control's accessible description starts with its
// hint, as a screen reader announces it.

const LISTS = ['Allowed callback URLs', 'Allowed web origins', 'Allowed CORS origins', 'Allowed logout URLs', 'Owners'];
const TEXTS = [
  'Product',
  'Application name',
  'Client UPN key',
  'iOS team ID',
  'iOS app bundle identifier',
  'Android keystore hash',
  'Android app package name',
];

/** The hint of a new, empty item of each list, and of each text field. */
async function hints(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const list of LISTS) {
    await page.getByRole('button', { name: `Add to ${list}` }).click();
    const items = page.getByRole('textbox', { name: new RegExp(`^${list}, item \\d+$`) });
    const item = items.nth((await items.count()) - 1);
    out[list] = await hintOf(item);
  }
  for (const label of TEXTS) {
    out[label] = await hintOf(page.getByRole('textbox', { name: label, exact: true }));
  }
  return out;
}

/** The hint among what an element's aria-describedby names (the rest are
 *  its messages, which differ: edit checks only what changed). */
async function hintOf(el: Locator): Promise<string> {
  return el.evaluate((node) =>
    (node.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id.endsWith('-hint'))
      .map((id) => node.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' '),
  );
}

test('create and edit describe each field they share with the same hint', async ({ page, server }) => {
  const crashes = watchForCrashes(page);
  await signInAs(page, server, 'admin', '/clients/new');
  // A native app: every application URI and the mobile settings show.
  await page.getByRole('radio', { name: /^Native app/ }).check();
  const onCreate = await hints(page);

  // Nothing typed (empty items are no input): the page is left without a question.
  await page.goto(`${server.url}/clients/cl_shop_storefront_01/edit`);
  await expect(page.getByRole('heading', { level: 1, name: /^Edit / })).toBeVisible();
  const onEdit = await hints(page);

  expect(onEdit).toEqual(onCreate);
  for (const [field, hint] of Object.entries(onCreate)) {
    expect(hint, field).not.toBe('');
  }
  // The three that used to differ, word for word.
  expect(onCreate['Allowed callback URLs']).toBe(
    'Where users may be sent after signing in. Wildcards only as the first part of the host: https://*.example.com.',
  );
  expect(onCreate['Allowed web origins']).toBe(
    'Origins for cross-origin authentication and web message mode. Origins only: scheme, host and port.',
  );
  expect(onCreate['Allowed CORS origins']).toBe(
    'Extra origins allowed to call the API from JavaScript. Origins only: scheme, host and port.',
  );
  expect(crashes).toEqual([]);
});
