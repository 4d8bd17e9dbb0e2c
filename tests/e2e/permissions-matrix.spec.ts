/**
 * For every persona × demo client × action, the control is enabled in the UI exactly when
 * the stand-in allows the request. The UI is read first; then the stand-in is asked with the
 * persona's own token: PATCH `{}` for edit (no change), POST an empty create body for create
 * (allowed → 400 validation, denied → 403), and rotate + delete for real (this test's server is
 * thrown away afterwards), where anything but 403 means "allowed".
 */
import { test, expect } from './fixtures';
import { apiCall, personaToken, signInAs, storedClients, type PersonaKey } from './helpers';
import type { Page } from '@playwright/test';

type Action = 'edit' | 'rotate' | 'delete' | 'secret';
const LABELS: Record<Action, string> = { edit: 'Edit', rotate: 'Rotate secret', delete: 'Delete' };

/** Whether the head control for `label` is enabled: a link, or a button without aria-disabled. */
async function enabled(page: Page, label: string): Promise<boolean> {
  const control = page.locator('.ncc-page__head').locator('a, button').filter({ hasText: new RegExp(`^${label}$`) });
  await expect(control).toHaveCount(1);
  return control.evaluate((el) => el.tagName === 'A' || el.getAttribute('aria-disabled') !== 'true');
}

/**
 * Whether Reveal and Copy of the secret are usable. When the secret field is there but denied,
 * both stay visible, aria-disabled, and described by the reason.
 */
async function secretUsable(page: Page): Promise<boolean> {
  const reveal = page.getByRole('button', { name: 'Reveal secret' });
  const copy = page.getByRole('button', { name: 'Copy client secret' });
  if ((await reveal.count()) === 0) {
    await expect(copy).toHaveCount(0);
    return false; // no secret at all ("not set")
  }
  const revealOn = (await reveal.getAttribute('aria-disabled')) !== 'true';
  const copyOn = (await copy.getAttribute('aria-disabled')) !== 'true';
  expect(copyOn, 'Reveal and Copy agree').toBe(revealOn);
  if (!revealOn) {
    await expect(reveal).toHaveAccessibleDescription(/may rotate this secret/);
    await expect(copy).toHaveAccessibleDescription(/may rotate this secret/);
    await reveal.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
    await expect(page.getByRole('button', { name: 'Hide secret' })).toHaveCount(0);
  }
  return revealOn;
}

/** Client-side navigation (no reload): the router follows popstate. */
async function navigate(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

for (const persona of ['admin', 'owner', 'viewer'] as PersonaKey[]) {
  test(`controls match the stand-in for ${persona}`, async ({ page, server }) => {
    test.setTimeout(180_000);
    const clients = (await storedClients(server)).map((c) => ({ id: c.id as string }));
    expect(clients).toHaveLength(36);
    const token = await personaToken(server, persona);

    // UI side.
    await signInAs(page, server, persona, '/clients');
    const ui: Record<string, Record<Action | 'create', boolean>> = {};
    const secretsShown: string[] = [];
    const newClient = page.locator('.ncc-page__head').locator('a, button').filter({ hasText: /^New client$/ });
    await expect(newClient).toHaveCount(1);
    const createEnabled = await newClient.evaluate(
      (el) => el.tagName === 'A' || el.getAttribute('aria-disabled') !== 'true',
    );
    for (const { id } of clients) {
      await navigate(page, `/clients/${encodeURIComponent(id)}`);
      await expect(page.locator('.ncc-dl__row', { hasText: 'Client ID' }).locator('dd code')).toHaveText(id);
      ui[id] = {
        edit: await enabled(page, LABELS.edit),
        rotate: await enabled(page, LABELS.rotate),
        delete: await enabled(page, LABELS.delete),
        secret: await secretUsable(page),
        create: createEnabled,
      };
    }

    // Stand-in side.
    const mismatches: string[] = [];
    const check = (id: string, action: Action | 'create', status: number) => {
      expect([401, 404], `${persona} ${action} ${id} answered ${status}`).not.toContain(status);
      // A rotate the server refuses for the client's sake (400: public or
      // Private Key JWT, no secret to rotate) is one the console disables too.
      const allowed = action === 'rotate' ? status < 300 : status !== 403;
      if (allowed !== ui[id][action]) {
        mismatches.push(`${persona.padEnd(6)} ${action.padEnd(6)} ${id.padEnd(32)} ui=${ui[id][action] ? 'enabled ' : 'disabled'} server=${status}`);
      }
    };
    const create = await apiCall(server, token, 'POST', '/clients', {});
    check(clients[0].id, 'create', create.status);
    for (const { id } of clients) {
      const path = `/clients/${encodeURIComponent(id)}`;
      // The secret: sent only to who may rotate it, and never cacheable.
      const got = await apiCall(server, token, 'GET', path);
      expect(got.status).toBe(200);
      const hasSecret = typeof got.json?.secret === 'string' && got.json.secret !== '';
      if (hasSecret) {
        secretsShown.push(id);
        expect(got.cacheControl, `${id}: a secret must not be cached`).toBe('no-store');
      }
      if (hasSecret !== ui[id].secret) {
        mismatches.push(`${persona.padEnd(6)} secret ${id.padEnd(32)} ui=${ui[id].secret ? 'enabled ' : 'disabled'} server=${hasSecret ? 'sent' : 'withheld'}`);
      }
      check(id, 'edit', (await apiCall(server, token, 'PATCH', path, {})).status);
      check(id, 'rotate', (await apiCall(server, token, 'POST', `${path}/rotate-secret`)).status);
      check(id, 'delete', (await apiCall(server, token, 'DELETE', path)).status);
    }
    const counts = Object.values(ui).reduce(
      (acc, r) => {
        for (const a of ['edit', 'rotate', 'delete'] as Action[]) if (r[a]) acc[a] += 1;
        return acc;
      },
      { edit: 0, rotate: 0, delete: 0 },
    );
    console.log(`${persona}: create=${createEnabled} enabled of 36 → edit ${counts.edit}, rotate ${counts.rotate}, delete ${counts.delete}`);
    expect(mismatches, `UI and stand-in disagree on ${mismatches.length} cell(s):\n${mismatches.join('\n')}`).toEqual([]);
    // Sanity: the extremes are what the personas are for.
    if (persona === 'admin') {
      expect(counts.edit).toBe(36);
      expect(counts.delete).toBe(36);
      // Every client but the public ones and the Private Key JWT one.
      expect(counts.rotate).toBeGreaterThan(20);
      expect(counts.rotate).toBeLessThan(36);
    }
    if (persona === 'viewer') expect(counts).toEqual({ edit: 0, rotate: 0, delete: 0 });
    if (persona === 'viewer') expect(secretsShown, 'a viewer never gets a secret').toEqual([]);
    if (persona === 'admin') expect(secretsShown.length).toBeGreaterThan(0);
    if (persona === 'owner') expect(counts.edit).toBeGreaterThan(0);
    if (persona === 'owner') expect(counts.edit).toBeLessThan(36);
  });
}

/**
 * The bulk paths: for every persona, with all 36 demo clients selected, the clients a bulk
 * delete or owner change skips (the console's plan, by decide()) are exactly those the stand-in
 * refuses with 403, asked with the persona's own token for the very request the run would send
 * (PATCH carrying only `owners`; DELETE, for real on this throwaway server).
 */
for (const persona of ['admin', 'owner', 'viewer'] as PersonaKey[]) {
  test(`bulk delete and owner changes skip exactly what the stand-in refuses for ${persona}`, async ({ page, server }) => {
    test.setTimeout(120_000);
    // Each client by the name the console shows (its id when it has none).
    const clients = (await storedClients(server)).map((c) => ({ ...c, shown: String(c.name ?? '').trim() ? c.name : c.id }));
    expect(clients).toHaveLength(36);
    expect(new Set(clients.map((c) => c.shown)).size, 'demo names are unique').toBe(36);
    const token = await personaToken(server, persona);
    await signInAs(page, server, persona, '/clients?per_page=100');
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.locator('tbody tr')).toHaveCount(36);
    await table.getByRole('checkbox', { name: 'Select all clients on this page' }).check();
    const bar = page.getByRole('group', { name: 'Selection' });

    // The UI: which clients each action would skip.
    const skippedBy: Record<'delete' | 'owners', Set<string>> = { delete: new Set(), owners: new Set() };
    const del = bar.getByRole('button', { name: 'Delete selected' });
    if ((await del.getAttribute('aria-disabled')) === 'true') {
      // Nothing may be changed: the button says why, and every client counts as skipped.
      await expect(del).toHaveAccessibleDescription(/^You may change none of the 36 clients selected\./);
      await expect(bar.getByRole('button', { name: 'Add an owner' })).toHaveAttribute('aria-disabled', 'true');
      for (const c of clients) {
        skippedBy.delete.add(c.shown);
        skippedBy.owners.add(c.shown);
      }
    } else {
      await del.click();
      const dialog = page.getByRole('dialog', { name: /^Delete \d+ clients?\?$/ });
      // The dialog's code comes in a chunk on first open: count() does not wait.
      await expect(dialog).toBeVisible();
      if ((await dialog.getByText('Why, client by client').count()) > 0) {
        await dialog.getByText('Why, client by client').click();
        for (const name of await dialog.getByRole('listitem').locator('strong').allTextContents()) skippedBy.delete.add(name);
      }
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await bar.getByRole('button', { name: 'Add an owner' }).click();
      const add = page.getByRole('dialog', { name: 'Add an owner to the selected clients' });
      await add.getByRole('textbox', { name: 'Owner (a user id or role)' }).fill('matrix-owner');
      await add.getByRole('button', { name: /^Add to / }).click();
      const run = page.getByRole('region').filter({ has: page.getByRole('progressbar') }).last();
      await expect(run.getByRole('status').first()).toHaveText(/^Finished: \d+ of \d+ done(, \d+ skipped)?\.$/, { timeout: 30_000 });
      const lines = run.getByRole('listitem').filter({ hasText: 'skipped: To edit this client' });
      for (const name of await lines.getByRole('link').allTextContents()) skippedBy.owners.add(name);
    }

    // The stand-in, asked for the same requests.
    const mismatches: string[] = [];
    for (const c of clients) {
      const path = `/clients/${encodeURIComponent(c.id)}`;
      const patch = await apiCall(server, token, 'PATCH', path, { owners: c.owners ?? [] });
      if ((patch.status === 403) !== skippedBy.owners.has(c.shown)) mismatches.push(`owners ${c.id}: ui ${skippedBy.owners.has(c.shown) ? 'skips' : 'sends'}, server ${patch.status}`);
      const gone = await apiCall(server, token, 'DELETE', path);
      if ((gone.status === 403) !== skippedBy.delete.has(c.shown)) mismatches.push(`delete ${c.id}: ui ${skippedBy.delete.has(c.shown) ? 'skips' : 'sends'}, server ${gone.status}`);
    }
    console.log(`${persona}: bulk skips ${skippedBy.delete.size} of 36 (delete), ${skippedBy.owners.size} (owners)`);
    expect(mismatches, mismatches.join('\n')).toEqual([]);
    if (persona === 'admin') expect(skippedBy.delete.size).toBe(0);
    if (persona === 'viewer') expect(skippedBy.owners.size).toBe(36);
    if (persona === 'owner') expect(skippedBy.owners.size).toBeGreaterThan(0);
  });
}
