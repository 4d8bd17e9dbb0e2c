/**
 * Issue 9, Proof: hostile-data corpus. About 40 payloads after the OWASP XSS
 * filter-evasion cheat sheet go into every string field of a client (client k
 * carries payload k in every scalar field; every list field carries all of
 * them as items) and into problem titles, details and field errors. Views:
 * list, detail, edit, review, create-from-response, and the error views.
 *
 * Asserted: 0 script executions (a tripwire global the payloads call), 0
 * dialogs, 0 `securitypolicyviolation` events, 0 links or images pointing at
 * a hostile URL, and no value wider than the page.
 */
import { test, expect } from './fixtures';
import { signInAs, watchForCrashes } from './helpers';
import type { Page } from '@playwright/test';

const HIT = 'window.__ncc_hit&&__ncc_hit()';
const PAYLOADS: string[] = [
  `<script>${HIT}</script>`,
  `<SCRIPT SRC=data:text/javascript,${HIT}></SCRIPT>`,
  `<IMG SRC="javascript:${HIT}">`,
  `<IMG SRC=javascript:${HIT}>`,
  `<IMG SRC=JaVaScRiPt:${HIT}>`,
  `<img src=x onerror="${HIT}">`,
  `<svg onload=${HIT}>`,
  `<svg><script>${HIT}</script></svg>`,
  `<body onload=${HIT}>`,
  `<iframe src="javascript:${HIT}"></iframe>`,
  `<iframe srcdoc="<script>parent.${HIT}</script>"></iframe>`,
  `<a href="javascript:${HIT}">x</a>`,
  `javascript:${HIT}`,
  ` javascript:${HIT}`,
  `jav&#x09;ascript:${HIT}`,
  `java\u0000script:${HIT}`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `data:text/html,<script>${HIT}</script>`,
  `vbscript:msgbox("x")`,
  `"><script>${HIT}</script>`,
  `'><img src=x onerror=${HIT}>`,
  `" onmouseover="${HIT}" x="`,
  `' onfocus='${HIT}' autofocus x='`,
  `</textarea><script>${HIT}</script>`,
  `</title><script>${HIT}</script>`,
  `<style>@import 'javascript:${HIT}';</style>`,
  `<div style="background:url(javascript:${HIT})">`,
  `<object data="javascript:${HIT}"></object>`,
  `<embed src="data:image/svg+xml,<svg onload=${HIT}>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${HIT}">`,
  `<form action="javascript:${HIT}"><button>x</button></form>`,
  `<details open ontoggle=${HIT}>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${HIT}>`,
  `\u202eevil.exe\u202dgnp.`,
  `null\u0000byte\u0000${HIT}`,
  `{{7*7}}`,
  `\${7*7}<%= 7*7 %>`,
  `%3Cscript%3E${HIT}%3C/script%3E`,
  `&lt;script&gt;${HIT}&lt;/script&gt;`,
  `\\u003cscript\\u003e${HIT}`,
  'A'.repeat(100_000),
  `<a href="https://x" onclick="${HIT}">` + 'B'.repeat(100_000),
];
const N = PAYLOADS.length;
const SCALARS = ['name', 'description', 'productName', 'applicationName', 'logoUrl', 'clientUpnKey', 'initiateLoginUri'];
const LISTS = ['owners', 'callbackUrls', 'allowedLogoutUrls', 'allowedWebOrigins', 'allowedCorsOrigins'];

function hostileClient(k: number): any {
  const p = PAYLOADS[k];
  const c: any = { id: `hostile-${k}`, type: 'regular_web', clientAuthMethod: 'client_secret_post', secret: p, manuallyCreated: true, grantTypes: ['authorization_code'] };
  for (const f of SCALARS) c[f] = p;
  // The admin persona may edit any client; every list carries every payload.
  for (const f of LISTS) c[f] = PAYLOADS;
  c.mobile = { ios: { teamId: p, appBundleIdentifier: p }, android: { keystoreHash: p, appPackageName: p } };
  c.clientMetadata = { [p.slice(0, 50)]: p.slice(0, 255) };
  return c;
}

function hostileProblem(k: number, status: number): any {
  const p = PAYLOADS[k];
  return { type: `javascript:${HIT}`, title: p, status, detail: p, traceId: p, instance: p, errors: { ProductName: [p], [p.slice(0, 40)]: [p] } };
}

/** Which hostile client the next create is answered with. */
let createAnswer = 0;
const UNSAVED = 'You have unsaved changes. Leave this page and discard them?';

async function go(page: Page, url: string) {
  await page.evaluate((u) => { history.pushState({}, '', u); dispatchEvent(new PopStateEvent('popstate')); }, url);
}

async function serveHostile(page: Page) {
  await page.route(/\/v1\/tenants\/[^/]+\/clients(\/[^?]*)?(\?.*)?$/, async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname;
    const one = path.match(/\/clients\/([^/]+)$/);
    if (req.method() === 'GET' && !one) {
      const res = await route.fetch();
      const body = await res.json();
      const hostile = PAYLOADS.map((_, k) => hostileClient(k));
      const out = Array.isArray(body) ? [...hostile, ...body] : { ...body, items: hostile };
      return route.fulfill({ response: res, json: out });
    }
    const k = one ? Number(decodeURIComponent(one[1]).replace(/^hostile-|^problem-/, '')) : NaN;
    if (req.method() === 'GET' && one && one[1].startsWith('hostile-')) return route.fulfill({ json: hostileClient(k) });
    if (req.method() === 'GET' && one && one[1].startsWith('problem-')) {
      return route.fulfill({ status: 400, contentType: 'application/problem+json', body: JSON.stringify(hostileProblem(k, 400)) });
    }
    if (req.method() === 'PATCH' && one) {
      return route.fulfill({ status: 422, contentType: 'application/problem+json', body: JSON.stringify(hostileProblem(k, 422)) });
    }
    if (req.method() === 'POST' && !one) return route.fulfill({ status: 201, json: hostileClient(createAnswer) });
    return route.fallback();
  });
}

type Audit = { hits: number; dialogs: number; csp: number; badRefs: string[]; overflow: number };

async function audit(page: Page): Promise<Omit<Audit, 'dialogs'>> {
  return page.evaluate(() => {
    const hostile = /^\s*(javascript|data|vbscript):|__ncc_hit/i;
    const badRefs: string[] = [];
    for (const e of document.querySelectorAll('[href], [src], [srcdoc], [action], [formaction], [data], [style]')) {
      for (const a of ['href', 'src', 'srcdoc', 'action', 'formaction', 'data']) {
        const v = e.getAttribute(a);
        if (v !== null && hostile.test(v)) badRefs.push(`${e.tagName}[${a}]`);
      }
    }
    for (const e of document.querySelectorAll('.ncc script, .ncc iframe, .ncc object, .ncc embed, .ncc svg script, .ncc meta, .ncc form[action]')) badRefs.push(e.tagName);
    const w = (window as any);
    // Read and reset: each audit counts what happened since the last one (a
    // full page load starts the counters again).
    const out = { hits: w.__ncc_hits ?? 0, csp: w.__ncc_csp ?? 0, badRefs, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    w.__ncc_hits = 0;
    w.__ncc_csp = 0;
    return out;
  });
}

test('hostile payloads in every field and problem: nothing runs, nothing links out, nothing spills', async ({ page, server }) => {
  test.setTimeout(900_000);
  const crashes = watchForCrashes(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    // The unsaved-changes guard's own question is the app's, not a payload's.
    if (d.type() === 'confirm' && d.message() === UNSAVED) return void d.accept();
    if (d.type() === 'beforeunload') return void d.accept();
    dialogs++;
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as any;
    w.__ncc_hits = 0;
    w.__ncc_csp = 0;
    w.__ncc_hit = () => { w.__ncc_hits++; };
    document.addEventListener('securitypolicyviolation', () => { w.__ncc_csp++; });
  });
  await serveHostile(page);
  await signInAs(page, server, 'admin');

  const audits: { view: string; a: Omit<Audit, 'dialogs'> }[] = [];
  const check = async (view: string) => {
    audits.push({ view, a: await audit(page) });
  };

  // List: every hostile client on the first page.
  await expect(page.getByRole('link', { name: /^<script>/ }).first()).toBeVisible();
  await check('list');

  for (let k = 0; k < N; k++) {
    // Detail (client-side navigation keeps the tripwire counters).
    if (k === 0) await go(page, `/clients/hostile-${k}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 2, name: 'Basics' })).toBeVisible();
    await check(`detail ${k}`);
    // Edit, review, and a save answered with a hostile problem (field errors).
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    const product = page.getByRole('textbox', { name: 'Product', exact: true });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (PAYLOADS[k].length > 2000) await page.getByRole('button', { name: /^Edit all .* characters of Product$/ }).click();
    await expect(product).toHaveValue(PAYLOADS[k]);
    await check(`edit ${k}`);
    await product.fill('changed');
    const reviewBtn = page.getByRole('button', { name: 'Review changes' });
    if (await reviewBtn.getAttribute('aria-disabled') !== 'true') {
      await reviewBtn.click();
      const review = page.getByRole('region', { name: 'Review changes' });
      await expect(review).toBeVisible();
      await check(`review ${k}`);
      await page.route(/\/clients\/hostile-\d+$/, (r) => r.request().method() === 'PATCH'
        ? r.fulfill({ status: 422, contentType: 'application/problem+json', body: JSON.stringify(hostileProblem(k, 422)) })
        : r.fallback());
      await review.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await check(`save problem ${k}`);
      await page.unroute(/\/clients\/hostile-\d+$/);
    }
    // Error view: the detail of a client answered by a hostile problem.
    await go(page, `/clients/problem-${k}`);
    await expect(page.getByRole('alert').first()).toBeVisible();
    await check(`error view ${k}`);
    // Create, answered 201 with the hostile client: the created view.
    createAnswer = k;
    await go(page, '/clients/new');
    await page.getByRole('radio', { name: /^Machine to machine/ }).check();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Hostile ${k}`);
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect(page.getByRole('heading', { name: /created/ })).toBeVisible();
    await check(`created ${k}`);
    // The next client by a full load (the created view keeps its own state).
    if (k + 1 < N) {
      await page.goto(`${server.url}/clients/hostile-${k + 1}`);
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 });
    }
  }

  const total = audits.reduce((t, { a }) => ({ hits: t.hits + a.hits, csp: t.csp + a.csp, bad: t.bad + a.badRefs.length, overflow: Math.max(t.overflow, a.overflow) }), { hits: 0, csp: 0, bad: 0, overflow: 0 });
  const last = { hits: total.hits, csp: total.csp };
  console.log(`\n== hostile-data corpus: ${N} payloads, ${audits.length} view audits; executions ${total.hits}, dialogs ${dialogs}, CSP violations ${total.csp}, hostile links/images ${total.bad}, max overflow ${total.overflow}px`);
  const bad = audits.filter(({ a }) => a.badRefs.length || a.overflow > 0).map(({ view, a }) => `${view}: ${a.badRefs.join(' ')} overflow ${a.overflow}`);
  expect(bad).toEqual([]);
  expect(last.hits).toBe(0);
  expect(last.csp).toBe(0);
  expect(dialogs).toBe(0);
  // Known, not from the payloads: one "closure invoked recursively or after
  // being dropped" per full page load after the create view (a listener that
  // outlives its closure; reported for an issue). Every other error fails.
  expect(crashes.filter((e) => !/closure invoked recursively or after being dropped/.test(e))).toEqual([]);
});
