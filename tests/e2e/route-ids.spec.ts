/**
 * Route ids are percent-decoded exactly once: an id holding `%`, `/`, `?`, `#`, spaces or
 * Unicode opens its own client, whether reached by a link in the list or typed as a URL, and
 * the API request names it with the same single encoding.
 */
import { test, expect } from './fixtures';
import { signInAs } from './helpers';

const IDS = ['100%', 'a%3Cb', '%2e%2e', 'x/y', 'what?', 'hash#tag', 'with space', 'ünï-código-✓'];

test('odd client ids are decoded exactly once', async ({ page, server }) => {
  const requested: string[] = [];
  await page.route(
    (url) => url.pathname.startsWith('/v1/tenants/'),
    async (route) => {
      const url = new URL(route.request().url());
      const m = url.pathname.match(/^\/v1\/tenants\/[^/]+\/clients(?:\/(.*))?$/);
      if (!m) return route.continue();
      if (m[1] === undefined) {
        return route.fulfill({
          json: IDS.map((id, i) => ({ id, name: `Odd ${i}`, type: 'spa', manuallyCreated: true })),
        });
      }
      requested.push(m[1]);
      const id = decodeURIComponent(m[1]);
      return route.fulfill({ json: { id, name: `Odd ${IDS.indexOf(id)}`, type: 'spa', manuallyCreated: true } });
    },
  );
  await signInAs(page, server, 'admin', '/clients');
  const idCell = page.locator('.ncc-dl__row', { hasText: 'Client ID' }).locator('dd code');
  for (const [i, id] of IDS.entries()) {
    // By a link in the list.
    await page.goto(server.url + '/clients');
    requested.length = 0;
    await page.getByRole('link', { name: `Odd ${i}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Odd ${i}` })).toBeVisible();
    await expect(idCell).toHaveText(id);
    expect(requested, `link to ${id}`).toEqual([encodeURIComponent(id)]);
    expect(new URL(page.url()).pathname).toBe(`/clients/${encodeURIComponent(id)}`);
    // Typed as a URL.
    requested.length = 0;
    await page.goto(`${server.url}/clients/${encodeURIComponent(id)}`);
    await expect(idCell).toHaveText(id);
    expect(requested, `URL of ${id}`).toEqual([encodeURIComponent(id)]);
  }
});
