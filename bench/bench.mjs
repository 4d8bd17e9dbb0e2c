// Size and speed figures for the release build (a benchmark, not a test:
// it prints numbers and asserts nothing). Run: bash scripts/bench.sh
//
// 1. Bundle size per file in dist/: raw, gzip -9, brotli q11.
// 2. First render: navigation start → first client row, median of 5 loads:
//    cold and warm cache, loopback and an emulated 10 Mbit/s link with 40 ms
//    RTT, the demo data (36 clients) and 10,000 generated clients; with the
//    bytes transferred (the stand-in gzips, as a CDN would).
// 3. Search with 10,000 clients: per keystroke, input event → DOM settled
//    (next frame), and how many table rows were added (a keyed list: only
//    rows that change are created, never the whole table).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { chromium } from "@playwright/test";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = resolve(ROOT, process.env.NEXUS_DIST || "dist");
const BIN = resolve(ROOT, process.env.NEXUS_DEVSERVER_BIN || "target/debug/nexus-devserver");

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
function sizes() {
  console.log("== bundle size (dist/)");
  console.log("file".padEnd(52), "raw KiB".padStart(8), "gzip".padStart(8), "brotli".padStart(8));
  const total = { raw: 0, gz: 0, br: 0 };
  for (const f of readdirSync(DIST).sort()) {
    const p = join(DIST, f);
    if (!statSync(p).isFile()) continue;
    const b = readFileSync(p);
    const gz = gzipSync(b, { level: 9 }).length;
    const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total.raw += b.length; total.gz += gz; total.br += br;
    console.log(f.padEnd(52), kb(b.length), kb(gz), kb(br));
  }
  console.log("total".padEnd(52), kb(total.raw), kb(total.gz), kb(total.br));
}

function startServer(args) {
  return new Promise((res, rej) => {
    const child = spawn(BIN, ["--memory", "--port", "0", "--static", DIST, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) res({ url: m[1], child });
    });
    child.on("exit", (c) => rej(new Error(`devserver exited ${c}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function signedInContext(browser, url) {
  const personas = await (await fetch(url + "/dev/personas")).json();
  const admin = personas.personas.find((p) => p.id === "admin");
  const ctx = await browser.newContext();
  const session = JSON.stringify([{ Bearer: { token: admin.token, app_token: null } }, admin.label]);
  await ctx.addInitScript((s) => sessionStorage.setItem("ncc.session", s), session);
  return ctx;
}

/** Slows this page's network to `link` (Chromium's own emulation, applied to bytes on the wire). */
async function throttle(ctx, page, link) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: link.rttMs,
    downloadThroughput: (link.mbps * 1e6) / 8,
    uploadThroughput: (link.mbps * 1e6) / 8,
  });
}

/**
 * Navigation start → first client row, median of 5 loads. Cold: a new browser
 * context (empty cache) per load. Warm: one context, primed by a first load, so
 * the hashed assets come from the cache (a returning admin).
 */
async function firstRender(browser, label, args, { warm = false, link = null } = {}) {
  const { url, child } = await startServer(args);
  try {
    const shared = warm ? await signedInContext(browser, url) : null;
    const load = async (ctx) => {
      const page = await ctx.newPage();
      if (link) await throttle(ctx, page, link);
      await page.goto(url + "/clients");
      await page.waitForSelector("table.ncc-table tbody tr");
      const r = await page.evaluate(() => ({
        ms: performance.now(),
        bytes: performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
          .reduce((n, e) => n + (e.transferSize || 0), 0),
      }));
      await page.close();
      return r;
    };
    if (warm) await load(shared);
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const ctx = shared ?? (await signedInContext(browser, url));
      runs.push(await load(ctx));
      if (!shared) await ctx.close();
    }
    const times = runs.map((r) => r.ms);
    const kib = (median(runs.map((r) => r.bytes)) / 1024).toFixed(0);
    console.log(`${label.padEnd(48)} median ${median(times).toFixed(0).padStart(5)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(", ")}; ${kib} KiB transferred)`);
  } finally {
    child.kill();
  }
}

async function search(browser) {
  const { url, child } = await startServer(["--clients", "10000"]);
  try {
    const ctx = await signedInContext(browser, url);
    const page = await ctx.newPage();
    await page.goto(url + "/clients");
    await page.waitForSelector("table.ncc-table tbody tr");
    const result = await page.evaluate(async () => {
      const input = document.getElementById("ncc-search");
      const tbody = () => document.querySelector("table.ncc-table tbody");
      const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const text = "generated client 0999";
      const out = [];
      const keys = () => [...(tbody()?.querySelectorAll("tr td:nth-child(3) code") ?? [])].map((c) => c.textContent);
      for (let i = 1; i <= text.length; i++) {
        const before = new Set(keys());
        let added = 0;
        const obs = new MutationObserver((ms) => ms.forEach((m) => (added += [...m.addedNodes].filter((n) => n.nodeName === "TR").length)));
        const body = tbody();
        if (body) obs.observe(body, { childList: true });
        const t0 = performance.now();
        input.value = text.slice(0, i);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await settle();
        const ms = performance.now() - t0;
        const changed = keys().filter((k) => !before.has(k)).length;
        out.push({ ms, added, changed, rows: tbody()?.children.length ?? 0 });
        obs.disconnect();
      }
      return out;
    });
    const ms = result.map((r) => r.ms);
    console.log(`keystrokes: ${result.length}; per keystroke (input → next frame): median ${median(ms).toFixed(1)} ms, p90 ${pct(ms, 0.9).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);
    const wasted = result.reduce((n, r) => n + Math.max(0, r.added - r.changed), 0);
    console.log(`rows created per keystroke: ${result.map((r) => r.added).join(" ")}`);
    console.log(`rows newly visible per keystroke: ${result.map((r) => r.changed).join(" ")}`);
    console.log(`rows re-created although already shown: ${wasted} (keyed list: only rows entering the page are created)`);
    console.log(`rows shown after the last keystroke: ${result.at(-1).rows}`);
  } finally {
    child.kill();
  }
}

sizes();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  console.log("\n== first render (navigation start → first row), release build, headless Chromium, stand-in gzips");
  await firstRender(browser, "cold cache, loopback, 36 clients", []);
  await firstRender(browser, "cold cache, loopback, 10,000 clients", ["--clients", "10000"]);
  await firstRender(browser, "warm cache, loopback, 36 clients", [], { warm: true });
  const link = { mbps: 10, rttMs: 40 };
  await firstRender(browser, "cold cache, 10 Mbit/s + 40 ms RTT, 36 clients", [], { link });
  await firstRender(browser, "warm cache, 10 Mbit/s + 40 ms RTT, 36 clients", [], { warm: true, link });
  console.log("\n== search over 10,000 clients");
  await search(browser);
} finally {
  await browser.close();
}
