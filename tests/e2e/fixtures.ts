/**
 * Shared Playwright fixtures and helpers for the console's browser tests.
 *
 *   import { test, expect, expectNoAxeViolations, saveScreenshot } from './fixtures';
 *
 *   test.use({ serverArgs: ['--clients', '200'] });   // optional, per file/describe
 *   test('lists clients', async ({ page, server }) => {
 *     const personas = await server.personas();
 *     await page.goto(server.url + '/');
 *     await expectNoAxeViolations(page);
 *     await saveScreenshot(page, 'clients-list');
 *   });
 *
 * `server` is a fresh `nexus-devserver --memory --port 0 --static <dist>` per test,
 * killed after the test. Env overrides: NEXUS_DEVSERVER_BIN (default
 * target/debug/nexus-devserver), NEXUS_DIST (default dist), both relative to the repo root.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

export { expect };

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 20_000;
const LISTENING_RE = /listening on (https?:\/\/\S+)/;

/** A persona as served by `GET /dev/personas`; the exact shape is the devserver's. */
export type Persona = { [key: string]: unknown };

export interface DevServer {
  /** Base URL printed by the server, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** `GET ${url}/dev/personas`, parsed as JSON. */
  personas<T = Persona[]>(): Promise<T>;
  /** Stop the server now (also done automatically after the test). Idempotent. */
  kill(): Promise<void>;
  /** Everything the server printed so far (stdout + stderr). */
  log(): string;
}

type Fixtures = {
  /** Extra command-line arguments for this test's devserver, e.g. `['--clients', '10000']`. */
  serverArgs: string[];
  server: DevServer;
};

function fromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(REPO_ROOT, p);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function startDevServer(extraArgs: string[]): Promise<{ server: DevServer; child: ChildProcess }> {
  const bin = fromRoot(process.env.NEXUS_DEVSERVER_BIN || 'target/debug/nexus-devserver');
  const dist = fromRoot(process.env.NEXUS_DIST || 'dist');
  if (!existsSync(bin)) {
    throw new Error(`nexus-devserver binary not found at ${bin}: run \`cargo build -p nexus-devserver\` (or set NEXUS_DEVSERVER_BIN)`);
  }
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no built console at ${dist}/index.html: run \`trunk build --release\` (or set NEXUS_DIST)`);
  }

  const args = ['--memory', '--port', '0', '--static', dist, ...extraArgs];
  const child = spawn(bin, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let output = '';

  const url = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const err = stderr.trim() ? `\n--- stderr ---\n${stderr.trim()}` : '\n(stderr was empty)';
      const out = stdout.trim() ? `\n--- stdout ---\n${stdout.trim()}` : '';
      reject(new Error(`nexus-devserver ${why}\ncommand: ${bin} ${args.join(' ')}${err}${out}`));
    };
    const timer = setTimeout(
      () => fail(`printed no "listening on" line within ${READY_TIMEOUT_MS / 1000} s`),
      READY_TIMEOUT_MS,
    );
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
      const m = LISTENING_RE.exec(stdout);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(m[1].replace(/\/+$/, ''));
      }
    });
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      output += chunk;
    });
    child.once('error', (e) => fail(`could not be started: ${e.message}`));
    child.once('close', (code, signal) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
  });

  const server: DevServer = {
    url,
    async personas<T = Persona[]>(): Promise<T> {
      const res = await fetch(`${url}/dev/personas`);
      if (!res.ok) {
        throw new Error(`GET ${url}/dev/personas -> ${res.status} ${res.statusText}: ${await res.text()}`);
      }
      return (await res.json()) as T;
    },
    kill: () => stopProcess(child),
    log: () => output,
  };
  return { server, child };
}

export const test = base.extend<Fixtures>({
  serverArgs: [[], { option: true }],
  server: async ({ serverArgs }, use, testInfo: TestInfo) => {
    const { server, child } = await startDevServer(serverArgs);
    try {
      await use(server);
    } finally {
      await stopProcess(child);
      if (testInfo.status !== testInfo.expectedStatus && server.log()) {
        await testInfo.attach('nexus-devserver.log', { body: server.log(), contentType: 'text/plain' });
      }
    }
  },
});

/**
 * Run axe (WCAG 2.x A/AA rules) on the page, or on `include` only, and fail with a readable
 * list of violations. `disableRules` switches off named rules for a known, justified case.
 */
export async function expectNoAxeViolations(
  page: Page,
  options: { include?: string; exclude?: string[]; disableRules?: string[]; tags?: string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(
    options.tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
  );
  if (options.include) builder = builder.include(options.include);
  for (const sel of options.exclude ?? []) builder = builder.exclude(sel);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
      .join('\n');
    return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
  });
  expect(
    results.violations.length,
    `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  ).toBe(0);
}

/** Full-page screenshot to `artifacts/screenshots/<name>.png`; returns the file path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(REPO_ROOT, 'artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
