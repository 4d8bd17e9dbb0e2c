// Size and speed figures for the release build, each beside a floor measured
// in the same run (a benchmark, not a test: it prints numbers and asserts
// nothing; the size budget that is a test lives in scripts/size-budget.mjs).
// Run: bash scripts/bench.sh   (BENCH_LOADS=8 loads per figure by default;
// BENCH_BASELINE=<an older dist/> measures that build beside this one, as
// "before", in the same run)
//
// The floor (bench/floor/) is a plain-JS page doing the console's first job:
// read the stored session, fetch the list from the same stand-in, JSON.parse,
// show the first 100 rows by name, filter on input.
//
//  1. Bytes: per file of dist/, and the first load (html + css + js + wasm).
//     With twiggy installed, the wasm's code by crate.
//  2. The stand-in's own time per list request (release build, 10,000 clients).
//  3. Rows visible (navigation start → first client row in the DOM), cold
//     cache, per_page=100: 100 and 10,000 clients on loopback, and 100 clients
//     on an emulated 10 Mbit/s link with 40 ms RTT. Console and floor loads
//     alternate, so machine noise hits both alike.
//  4. The requests of the first view.
//  5. Memory at 10,000 clients once the list shows: JS heap + wasm memory.
//  6. Interaction at 10,000 clients, 100 rows per page: search keystroke, sort
//     change, page change → DOM updated and laid out; rows created per step.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { compressed, firstLoadFiles, sum } from "./first-load.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = resolve(ROOT, process.env.NEXUS_DIST || "dist");
const BIN = resolve(ROOT, process.env.NEXUS_DEVSERVER_BIN || "target/release/nexus-devserver");
const LOADS = Number(process.env.BENCH_LOADS || 8);
const RAW_WASM = resolve(ROOT, "target/wasm32-unknown-unknown/release/nexus-clients-console.wasm");
// Optional: a previous build's dist/ measured beside this one in the same run
// (BENCH_BASELINE=/path/to/old/dist), as "before".
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;
const WHO = BASELINE ? ["before", "console", "floor"] : ["console", "floor"];

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)];
const ms = (x) => `${x.toFixed(1).padStart(6)} ms`;

function sizes() {
  console.log("== bytes (KB = 1,000 bytes)");
  console.log("file".padEnd(52), "raw".padStart(8), "gzip".padStart(8), "brotli".padStart(8));
  for (const f of readdirSync(DIST).sort()) {
    const p = join(DIST, f);
    // name.br: the precompressed copy the stand-in sends (its bytes are the brotli column).
    if (!statSync(p).isFile() || f.endsWith(".br")) continue;
    const c = compressed(readFileSync(p));
    console.log(f.padEnd(52), kb(c.raw), kb(c.gz), kb(c.br));
  }
  const first = firstLoadFiles(DIST);
  console.log(`first load (${first.map((f) => f.name.replace(/-[0-9a-f]{12,}/, "-…")).join(", ")}):`);
  console.log("  ".padEnd(52), kb(sum(first, "raw")), kb(sum(first, "gz")), kb(sum(first, "br")));
  // Release builds are split (hooks/split-wasm.mjs): these come later.
  const later = readdirSync(DIST).filter((f) => f.endsWith(".wasm") && !first.some((x) => x.name === f));
  if (later.length) {
    const cs = later.map((f) => compressed(readFileSync(join(DIST, f))));
    console.log(`wasm chunks fetched on a first visit to a client, edit or create (${later.length} files, all of them):`);
    console.log("  ".padEnd(52), kb(sum(cs, "raw")), kb(sum(cs, "gz")), kb(sum(cs, "br")));
  }
  if (BASELINE) {
    const before = firstLoadFiles(BASELINE);
    console.log(`first load of the baseline (${BASELINE}):`);
    console.log("  ".padEnd(52), kb(sum(before, "raw")), kb(sum(before, "gz")), kb(sum(before, "br")));
  }
}

/** The wasm's code by crate (twiggy on the un-optimised cargo output, which keeps names). */
function crates() {
  const twiggy = spawnSync("twiggy", ["--version"]);
  if (twiggy.status !== 0 || !existsSync(RAW_WASM)) {
    console.log("\n== wasm by crate: skipped (needs twiggy and target/wasm32-unknown-unknown/release/*.wasm)");
    return;
  }
  const out = spawnSync("twiggy", ["top", "-n", "1000000", "--format", "json", RAW_WASM], { maxBuffer: 1 << 30 });
  const items = JSON.parse(out.stdout.toString());
  const by = new Map();
  let total = 0;
  for (const it of items) {
    const name = it.name || "";
    // Names and wasm-bindgen's own section are not shipped (wasm-opt drops them).
    if (/subsection|custom section/.test(name)) continue;
    let crate = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1];
    if (!crate) crate = /^data\[/.test(name) ? "(data segments)" : /^(code|elem|type|import|export|table|memory|global|custom)/.test(name) ? "(wasm sections)" : "(other)";
    if (crate === "std" || crate === "alloc" || crate === "core") crate = `${crate}`;
    by.set(crate, (by.get(crate) || 0) + it.shallow_size);
    total += it.shallow_size;
  }
  console.log(`\n== wasm code by crate (twiggy, un-optimised ${(total / 1000).toFixed(0)} KB of code and data; shares carry over to the shipped file)`);
  const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, 18);
  for (const [c, n] of rows) console.log(`  ${c.padEnd(28)} ${kb(n)} KB ${((100 * n) / total).toFixed(1).padStart(5)} %`);
}

/** dist/ plus the floor page, in a temporary directory the stand-in serves. */
function siteDir(dist = DIST) {
  const dir = mkdtempSync(join(tmpdir(), "ncc-bench-"));
  cpSync(dist, dir, { recursive: true });
  for (const f of ["floor.html", "floor.js"]) copyFileSync(join(ROOT, "bench/floor", f), join(dir, f));
  return dir;
}

function startServer(site, args) {
  return new Promise((res, rej) => {
    const child = spawn(BIN, ["--memory", "--port", "0", "--static", site, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) res({ url: m[1], child });
    });
    child.on("exit", (c) => rej(new Error(`devserver exited ${c}`)));
  });
}

async function adminToken(url) {
  const personas = await (await fetch(url + "/dev/personas")).json();
  return personas.personas.find((p) => p.id === "admin");
}

/** The stand-in's own time per list request (node fetch, gzip as a browser asks). */
async function serverTime(site) {
  const { url, child } = await startServer(site, ["--clients", "10000"]);
  try {
    const admin = await adminToken(url);
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const r = await fetch(`${url}/v1/tenants/demo-tenant/clients`, { headers: { Authorization: `Bearer ${admin.token}`, "Accept-Encoding": "gzip" } });
      bytes = (await r.arrayBuffer()).byteLength;
      if (i >= 2) times.push(performance.now() - t0);
    }
    console.log(`\n== the stand-in (release build): 10,000-client list, ${(bytes / 1e6).toFixed(1)} MB of JSON: median ${ms(median(times))} per request (p95 ${ms(pct(times, 0.95))})`);
  } finally {
    child.kill();
  }
}

/** A context with the admin's session stored, and the first-row probe installed. */
async function signedInContext(browser, url) {
  const admin = await adminToken(url);
  const ctx = await browser.newContext();
  const session = JSON.stringify([{ Bearer: { token: admin.token, app_token: null } }, admin.label]);
  await ctx.addInitScript((s) => {
    // The console's key names the API and the tenant (config.json: same origin,
    // demo-tenant); builds before 2026-12-01 and the floor read the plain one.
    sessionStorage.setItem("ncc.session:|demo-tenant", s);
    sessionStorage.setItem("ncc.session", s);
    // The moment the first client row is in the DOM.
    new MutationObserver((_, obs) => {
      if (document.querySelector("table tbody tr td")) {
        window.__firstRow = performance.now();
        obs.disconnect();
        // Told through the console, which the bench hears without running
        // anything in the page: a polling waitForFunction evaluates
        // Playwright's injected script (some 18 ms on its first run) in the
        // middle of the load it measures.
        console.debug("ncc-bench:first-row");
      }
    }).observe(document, { childList: true, subtree: true });
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasmMemory = e.detail?.wasm?.memory;
      window.__started = performance.now();
    });
  }, session);
  return ctx;
}

async function throttle(ctx, page, link) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: link.rttMs, downloadThroughput: (link.mbps * 1e6) / 8, uploadThroughput: (link.mbps * 1e6) / 8 });
}

const PAGES = { console: "/clients?per_page=100", floor: "/floor.html?per_page=100" };

/** One cold load of `which`: ms to the first row, bytes on the wire, requests. */
async function coldLoad(browser, url, path, link) {
  const ctx = await signedInContext(browser, url);
  try {
    const page = await ctx.newPage();
    if (link) await throttle(ctx, page, link);
    const requests = [];
    page.on("request", (r) => requests.push(r.url().replace(url, "")));
    const firstRow = page.waitForEvent("console", { predicate: (m) => m.text() === "ncc-bench:first-row", timeout: 60000 });
    await page.goto(url + path);
    await firstRow;
    return await page.evaluate((reqs) => ({
      ms: window.__firstRow,
      // Where the time went: the wasm on the wire, the wasm started (compiled
      // and instantiated, main() ran), the list's answer in.
      wasmIn: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd,
      started: window.__started,
      listIn: performance.getEntriesByType("resource").find((e) => /\/clients(\?|$)/.test(e.name))?.responseEnd,
      bytes: performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + (e.transferSize || 0), 0),
      requests: reqs,
    }), requests);
  } finally {
    await ctx.close();
  }
}

/** One stand-in per build measured: { console, floor, before? } → { url }. */
async function servers(args) {
  const main = await startServer(SITES.main, args);
  const base = SITES.base ? await startServer(SITES.base, args) : null;
  return {
    at: { console: main.url, floor: main.url, before: base?.url },
    stop: () => { main.child.kill(); base?.child.kill(); },
  };
}
const pathOf = (who) => PAGES[who === "before" ? "console" : who];

/** Rows visible for each build and the floor, loads alternating. Returns the console's last requests. */
async function firstRender(browser, label, args, link = null) {
  const { at, stop } = await servers(args);
  try {
    const runs = Object.fromEntries(WHO.map((w) => [w, []]));
    let requests = [];
    await coldLoad(browser, at.console, pathOf("console"), link); // warm the servers and the OS page cache
    for (let i = 0; i < LOADS; i++) {
      for (const who of WHO) {
        const r = await coldLoad(browser, at[who], pathOf(who), link);
        runs[who].push(r);
        if (who === "console") requests = r.requests;
      }
    }
    const f = median(runs.floor.map((r) => r.ms));
    console.log(label);
    for (const who of WHO) {
      const m = median(runs[who].map((r) => r.ms));
      const kbs = (median(runs[who].map((r) => r.bytes)) / 1000).toFixed(0);
      const rel = who === "floor" ? "" : `  ${(m / f).toFixed(2)}× floor (+${(m - f).toFixed(0)} ms)`;
      console.log(`  ${who.padEnd(8)} ${ms(m)}${rel.padEnd(28)} ${kbs.padStart(5)} KB on the wire; runs ${runs[who].map((r) => r.ms.toFixed(0)).join(", ")}`);
    }
    // Each build's own path; "after both" is the first row's time past the
    // later of wasm started and list answered: the console's own work on
    // the answer (decode, index, views), which the network does not blur.
    for (const who of WHO.filter((w) => w !== "floor")) {
      const c = runs[who];
      const med = (k) => median(c.map((r) => r[k] ?? NaN)).toFixed(0);
      const after = median(c.map((r) => r.ms - Math.max(r.started ?? NaN, r.listIn ?? NaN))).toFixed(0);
      console.log(`  ${who}, where the time goes (medians): wasm on the wire ${med("wasmIn")} ms → wasm started ${med("started")} ms → list answered ${med("listIn")} ms → first row ${med("ms")} ms (${after} ms after both)`);
    }
    return requests;
  } finally {
    stop();
  }
}

/** Memory once the 10,000-client list shows: JS heap (after GC) and wasm memory. */
async function memory(browser) {
  const { at, stop } = await servers(["--clients", "10000"]);
  try {
    console.log("\n== memory with 10,000 clients shown (JS heap after GC + wasm linear memory)");
    for (const who of WHO) {
      const ctx = await signedInContext(browser, at[who]);
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await page.goto(at[who] + pathOf(who));
      await page.waitForFunction(() => window.__firstRow, null, { timeout: 60000 });
      await page.waitForTimeout(300);
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = await cdp.send("Runtime.getHeapUsage");
      const wasm = await page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? 0);
      const mb = (n) => (n / 1e6).toFixed(1).padStart(5);
      console.log(`  ${who.padEnd(8)} JS heap ${mb(heap.usedSize)} MB + wasm ${mb(wasm)} MB = ${mb(heap.usedSize + wasm)} MB`);
      await ctx.close();
    }
  } finally {
    stop();
  }
}

/** In the page: run `steps` actions, timing each from the event to the DOM updated and laid out. */
async function timeSteps(page, kind, rounds) {
  return page.evaluate(async ({ kind, rounds }) => {
    const tbody = () => document.querySelector("table tbody");
    // Leptos applies changes in microtasks after the event; a 0 ms task runs
    // after them ("script"), then layout is forced.
    const laidOut = () => void document.querySelector("table")?.getBoundingClientRect().height;
    const ids = () => [...(tbody()?.querySelectorAll("tr") ?? [])].map((tr) => tr.querySelector("td:nth-child(3)")?.textContent);
    const fire = (el, type, value) => {
      if (value !== undefined) el.value = value;
      el.dispatchEvent(new Event(type, { bubbles: true }));
    };
    const steps = [];
    const input = document.querySelector("input[type=search]");
    for (let r = 0; r < rounds; r++) {
      if (kind === "search") {
        const text = ["generated client 09", "client 1 shop", "zz"][r % 3];
        for (let i = 1; i <= text.length; i++) steps.push(() => fire(input, "input", text.slice(0, i)));
        for (let i = text.length - 1; i >= 0; i--) steps.push(() => fire(input, "input", text.slice(0, i)));
      } else if (kind === "sort") {
        const sel = document.getElementById("ncc-sort");
        for (const v of ["type", "product", "name"]) steps.push(() => fire(sel, "change", v));
        steps.push(() => document.querySelector("button[aria-label^='Sort order']")?.click());
      } else if (kind === "page") {
        for (let i = 0; i < 6; i++) steps.push(() => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Next page")?.click());
        for (let i = 0; i < 6; i++) steps.push(() => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Previous page")?.click());
      }
    }
    const out = [];
    for (const step of steps) {
      const before = new Set(ids());
      let created = 0;
      const obs = new MutationObserver((ms) => ms.forEach((m) => (created += [...m.addedNodes].filter((n) => n.nodeName === "TR").length)));
      if (tbody()) obs.observe(tbody(), { childList: true });
      const t0 = performance.now();
      step();
      await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      laidOut();
      const t = performance.now() - t0;
      const script = t1 - t0;
      obs.disconnect();
      const entering = ids().filter((k) => !before.has(k)).length;
      out.push({ t, script, created, entering });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, { kind, rounds });
}

async function interaction(browser) {
  const { at, stop } = await servers(["--clients", "10000"]);
  try {
    console.log("\n== interaction, 10,000 clients, 100 rows per page (event → DOM updated and laid out)");
    for (const who of WHO) {
      const ctx = await signedInContext(browser, at[who]);
      const page = await ctx.newPage();
      await page.goto(at[who] + pathOf(who));
      await page.waitForFunction(() => window.__firstRow, null, { timeout: 60000 });
      await page.waitForTimeout(300);
      for (const kind of who === "floor" ? ["search"] : ["search", "sort", "page"]) {
        await timeSteps(page, kind, 1); // warm-up
        const steps = await timeSteps(page, kind, kind === "search" ? 3 : 4);
        const t = steps.map((s) => s.t);
        const wasted = steps.reduce((n, s) => n + Math.max(0, s.created - s.entering), 0);
        const over = t.filter((x) => x > 16.7).length;
        const sc = steps.map((s) => s.script);
        console.log(`  ${who.padEnd(8)} ${kind.padEnd(7)} n=${String(t.length).padStart(3)}  median ${ms(median(t))}  p95 ${ms(pct(t, 0.95))}  max ${ms(Math.max(...t))}  over one frame: ${String(over).padStart(2)}  (script median ${ms(median(sc))}, p95 ${ms(pct(sc, 0.95))}; the rest is style and layout)  rows created although already shown: ${wasted}`);
      }
      if (who === "console") await rowCosts(page);
      await ctx.close();
    }
  } finally {
    stop();
  }
}

/**
 * What the per-row Copy button and link cost: page changes with each taken
 * out of layout (display: none), beside the full row.
 */
async function rowCosts(page) {
  const variants = {
    "full rows": "",
    "without Copy buttons": ".ncc-table__copy { display: none !important; }",
    "without the name links": ".ncc-table__name { display: none !important; }",
  };
  // Interleaved (a round of each variant, four times): one variant after
  // the other measured the machine's drift as often as the rows.
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < 4; round++) {
    for (const [label, css] of Object.entries(variants)) {
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [sheet];
      }, css);
      const steps = await timeSteps(page, "page", 1);
      times[label].push(...steps.map((s) => s.t));
    }
  }
  await page.evaluate(() => (document.adoptedStyleSheets = []));
  const out = Object.entries(times).map(([label, t]) => `${label} ${ms(median(t))}`);
  console.log(`  console  page change, median of ${times["full rows"].length} per variant, interleaved: ${out.join(" · ")}`);
}

// BENCH_ONLY=load,interaction (any of sizes, crates, server, load, slow,
// memory, interaction) runs only those parts, for a quick comparison.
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const part = (name) => !ONLY || ONLY.has(name);
if (part("sizes")) sizes();
if (part("crates")) crates();
const SITES = { main: siteDir(), base: BASELINE ? siteDir(BASELINE) : null };
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  if (part("server")) await serverTime(SITES.main);
  if (part("load") || part("slow")) console.log(`\n== rows visible (navigation start → first row), cold cache, per_page=100, median of ${LOADS} loads, headless Chromium`);
  if (part("load")) {
    const requests = await firstRender(browser, "loopback, 100 clients", ["--clients", "100"]);
    await firstRender(browser, "loopback, 10,000 clients", ["--clients", "10000"]);
    console.log(`\n== requests for the console's first view (${requests.length}):\n  ${requests.join("\n  ")}`);
  }
  if (part("slow")) await firstRender(browser, "10 Mbit/s + 40 ms RTT, 100 clients", ["--clients", "100"], { mbps: 10, rttMs: 40 });
  if (part("memory")) await memory(browser);
  if (part("interaction")) await interaction(browser);
} finally {
  await browser.close();
  for (const dir of Object.values(SITES)) if (dir) rmSync(dir, { recursive: true, force: true });
}
