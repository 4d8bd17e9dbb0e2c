/**
 * The release build behind a real nginx (Debian's), configured by the repo's
 * deploy/nginx/nexus-clients-console.conf with only its three "site:" lines
 * changed: port, dist directory, API upstream (the stand-in).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, expect, saveScreenshot } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startNginx(apiUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!NGINX) throw new Error('nginx is not installed (scripts/setup.sh installs nginx-light)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ncc-nginx-'));
  const port = await freePort();
  const dist = path.resolve(ROOT, process.env.NEXUS_DIST || 'dist');
  const site = readFileSync(path.join(ROOT, 'deploy/nginx/nexus-clients-console.conf'), 'utf8')
    .replace(/listen \d+;(\s+# site: port)/, `listen 127.0.0.1:${port};$1`)
    .replace(/root [^;]+;(\s+# site: the dist)/, `root ${dist};$1`)
    .replace(/proxy_pass [^;]+;(\s+# site: API upstream)/, `proxy_pass ${apiUrl};$1`);
  expect(site).toContain(`listen 127.0.0.1:${port};`);
  expect(site).toContain(`root ${dist};`);
  writeFileSync(path.join(dir, 'site.conf'), site);
  copyFileSync(path.join(ROOT, 'deploy/nginx/security-headers.conf'), path.join(dir, 'security-headers.conf'));
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    // master_process off: one process that never switches user. As root, nginx's
    // workers would otherwise run as "nobody", which may not be able to read a
    // checkout under a private directory, or may not exist in a sandbox
    // (setuid fails and requests hang: seen in CI).
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; }
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  execFileSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => (existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  let ready = '';
  for (let i = 0; i < 50 && child.exitCode === null; i++) {
    try {
      const r = await get(url + '/index.html');
      if (r.ok) {
        ready = 'ok';
        break;
      }
      ready = `HTTP ${r.status}`;
    } catch (e) {
      ready = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (ready !== 'ok') {
    child.kill('SIGKILL');
    throw new Error(`nginx did not serve ${dist}/index.html (${ready}, exit ${child.exitCode}):\n${errorLog()}`);
  }
  return {
    url,
    errorLog,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await done;
        clearTimeout(killer);
      }
    },
  };
}

/** A fetch that cannot hang the test: each request has its own deadline. */
function get(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}

test('nginx serves the release build with the recipe: headers, SPA fallback, deep-link reload', async ({ page, server }, testInfo) => {
  const nginx = await startNginx(server.url);
  try {
    const index = await get(nginx.url + '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const html = await index.text();
    const wasm = html.match(/href="\.\/([^"]+_bg\.wasm)"/)?.[1];
    expect(wasm).toBeTruthy();
    const asset = await get(`${nginx.url}/${wasm}`);
    expect(asset.headers.get('content-type')).toBe('application/wasm');
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toBeTruthy();
    expect((await get(nginx.url + '/missing-0123456789abcdef.js')).status).toBe(404);
    expect((await get(nginx.url + '/clients/app.v2')).status).toBe(200);
    const deep = await get(nginx.url + '/clients/cl_shop_storefront_01/edit');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<base href="/" />');
    expect((await get(nginx.url + '/config.json')).headers.get('cache-control')).toBe('no-cache');

    // In the browser: sign in by pasting a token (the recipe does not proxy the
    // stand-in's /dev routes), then deep-link and reload.
    const personas = (await (await fetch(server.url + '/dev/personas')).json()) as { personas: Array<{ id: string; token: string }> };
    const admin = personas.personas.find((p) => p.id === 'admin')!;
    await page.goto(nginx.url + '/clients/cl_billing_service_11');
    await page.getByRole('textbox', { name: 'Bearer token' }).fill(admin.token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Billing Service' })).toBeVisible();
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click();
    await expect(page.getByRole('link', { name: 'Shop Storefront' })).toBeVisible();
    await saveScreenshot(page, 'nginx-list');
  } finally {
    await nginx.stop();
    if (nginx.errorLog()) {
      await testInfo.attach('nginx-error.log', { body: nginx.errorLog(), contentType: 'text/plain' });
    }
  }
});
