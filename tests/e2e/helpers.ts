/** Helpers shared by the view tests: sign in as a persona, watch for crashes. */
import { expect, type Page } from '@playwright/test';
import type { DevServer } from './fixtures';

export const PERSONAS = {
  admin: 'Ada Admin',
  owner: 'Pat Product-Owner',
  viewer: 'Vic Viewer',
} as const;

export type PersonaKey = keyof typeof PERSONAS;

/** Fails the test on any uncaught error or wasm panic in the page. */
export function watchForCrashes(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** Opens `path` (under the server root) and signs in with a persona button. */
export async function signInAs(page: Page, server: DevServer, who: PersonaKey, path = '/clients'): Promise<void> {
  await page.goto(server.url + path);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${PERSONAS[who]}`) }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs in with demo Basic credentials (the console cannot read their permissions). */
export async function signInBasic(page: Page, server: DevServer, label: string, path = '/clients'): Promise<void> {
  await page.goto(server.url + path);
  await page.getByRole('button', { name: `Sign in with Basic credentials as ${label}` }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Calls a dev route of the stand-in (faults, token revocation). */
export async function devPost(server: DevServer, route: string, body?: unknown): Promise<void> {
  const res = await fetch(server.url + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route} answered ${res.status}`);
}

export const TENANT = 'demo-tenant';

/** A fresh bearer token for a persona, from `GET /dev/personas`. */
export async function personaToken(server: DevServer, who: PersonaKey): Promise<string> {
  const data = await server.personas<{ personas: { id: string; token: string }[] }>();
  const p = data.personas.find((x) => x.id === who);
  if (!p) throw new Error(`no persona ${who} in /dev/personas`);
  return p.token;
}

/** Calls the stand-in's API directly (outside the page) as a persona. */
export async function apiCall(
  server: DevServer,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: any; cacheControl: string | null }> {
  const res = await fetch(`${server.url}/v1/tenants/${TENANT}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, cacheControl: res.headers.get('cache-control') };
}

/** Every client the stand-in stores, as admin. */
export async function storedClients(server: DevServer): Promise<any[]> {
  const { status, json } = await apiCall(server, await personaToken(server, 'admin'), 'GET', '/clients');
  if (status !== 200) throw new Error(`GET /clients answered ${status}`);
  return Array.isArray(json) ? json : (json.items ?? json.clients ?? json.data ?? []);
}

/** Does `leave` (a click that would leave or sign out), refuses the leave
 *  guard's question, and checks that it was asked with words matching `asks`. */
export async function refuseLeaving(page: Page, leave: () => Promise<void>, asks: RegExp): Promise<void> {
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await leave();
  await expect.poll(() => asked).toMatch(asks);
}
