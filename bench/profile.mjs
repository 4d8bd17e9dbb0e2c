// Where an interaction's time goes (a tool, not a test): runs the bench's
// search, sort or page steps at 10,000 clients with Chromium's tracing on, and
// prints the main thread's time per trace event (script, style, layout, ...)
// and, with PROFILE_CPU=1, the hottest functions by self and by inclusive
// time. Wasm frames need a build that keeps names: `bash bench/names.sh DIR`
// writes one (a copy of dist/ whose wasm keeps them); NEXUS_DIST=DIR.
// Run: node bench/profile.mjs [search|sort|page|load]   (NEXUS_DIST, NEXUS_DEVSERVER_BIN as bench)
import { adminContext, standInAndBrowser } from "./standin.mjs";

const KIND = process.argv[2] || "page";
const CLIENTS = process.env.PROFILE_CLIENTS || "10000";

const { url, browser, stop } = await standInAndBrowser(CLIENTS);
try {
  const { ctx } = await adminContext(browser, url);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  // Started before the wasm compiles, so its functions carry their names
  // (the load's own work then shows too: decode, index).
  if (process.env.PROFILE_CPU && KIND === "load") {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  await page.goto(url + "/clients?per_page=100");
  await page.waitForSelector("table tbody tr td", { timeout: 60000 });
  await page.waitForTimeout(500);
  const steps = (kind) =>
    page.evaluate(async (kind) => {
      const fire = (el, type, value) => {
        if (value !== undefined) el.value = value;
        el.dispatchEvent(new Event(type, { bubbles: true }));
      };
      const btn = (t) => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === t);
      const list = [];
      if (kind === "search") {
        const input = document.querySelector("input[type=search]");
        const text = "generated client 09";
        for (let i = 1; i <= text.length; i++) list.push(() => fire(input, "input", text.slice(0, i)));
        for (let i = text.length - 1; i >= 0; i--) list.push(() => fire(input, "input", text.slice(0, i)));
      } else if (kind === "sort") {
        const sel = document.getElementById("ncc-sort");
        for (const v of ["type", "product", "id", "managed", "name"]) list.push(() => fire(sel, "change", v));
      } else if (kind === "page") {
        for (let i = 0; i < 6; i++) list.push(() => btn("Next page")?.click());
        for (let i = 0; i < 6; i++) list.push(() => btn("Previous page")?.click());
      }
      const times = [];
      for (const s of list) {
        const t0 = performance.now();
        s();
        await new Promise((r) => setTimeout(r, 0));
        void document.querySelector("table")?.getBoundingClientRect().height;
        times.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return times;
    }, kind);
  // PROFILE_CSS: extra rules to try (e.g. containment) without a rebuild.
  if (process.env.PROFILE_CSS)
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [sheet];
    }, process.env.PROFILE_CSS);
  if (KIND !== "load") await steps(KIND); // warm-up
  // For steps, the CPU profile starts after the load and the warm-up, so it
  // holds the steps alone.
  if (process.env.PROFILE_CPU && KIND !== "load") {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  const events = [];
  cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  // "load": no steps; the CPU profile then shows the load itself.
  const times = KIND === "load" ? [1] : await steps(KIND);
  const prof = process.env.PROFILE_CPU ? (await cdp.send("Profiler.stop")).profile : null;
  await cdp.send("Tracing.end");
  await done;
  times.sort((a, b) => a - b);
  console.log(`${KIND}: ${times.length} steps, median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !main || e.tid !== main.tid || e.pid !== main.pid) continue;
    byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0) / 1000);
  }
  const per = (x) => (x / times.length).toFixed(2).padStart(7);
  // Thread time (tdur) is the main thread's own CPU time: on a busy machine
  // it varies far less than wall time, so two builds compare in it.
  let cpu = 0;
  for (const e of events) if (e.ph === "X" && main && e.tid === main.tid && e.pid === main.pid && e.name === "RunTask") cpu += (e.tdur || 0) / 1000;
  console.log(`main-thread CPU time (all tasks, including work a step defers), ms per step: ${per(cpu)}`);
  console.log("main-thread trace events, ms per step (events nest: a FunctionCall includes what it calls):");
  for (const [n, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${per(t)}  ${n}`);
  // PROFILE_TREE=1: the nesting of the longest step's trace events.
  if (process.env.PROFILE_TREE && main) {
    const mine = events.filter((e) => e.ph === "X" && e.tid === main.tid && e.pid === main.pid && (e.dur || 0) > 200).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tops = mine.filter((e) => e.name === "RunTask");
    const from = tops.filter((e) => e.dur > 2000).at(-4);
    const inside = mine.filter((e) => e.ts >= from.ts).slice(0, 60);
    const stack = [];
    for (const e of inside) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      console.log(`${"  ".repeat(stack.length)}${(e.dur / 1000).toFixed(2)} ${e.name} ${e.args?.data?.functionName || e.args?.data?.type || ""}`);
      stack.push(e);
    }
  }
  if (prof) {
    const self = new Map();
    const dt = new Map();
    prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (prof.timeDeltas[i] || 0) / 1000));
    for (const n of prof.nodes) {
      const k = n.callFrame.functionName || `(${n.callFrame.url.split("/").pop()})`;
      self.set(k, (self.get(k) || 0) + (dt.get(n.id) || 0));
    }
    // Inclusive time: a function with everything it calls (each function
    // counted once per sample), to see which part of the console costs.
    const parent = new Map();
    for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const incl = new Map();
    prof.samples.forEach((id, i) => {
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur).callFrame;
        const k = f.functionName || `(${f.url.split("/").pop()})`;
        if (!seen.has(k)) {
          seen.add(k);
          incl.set(k, (incl.get(k) || 0) + (prof.timeDeltas[i] || 0) / 1000);
        }
      }
    });
    console.log("inclusive time (ms per step):");
    for (const [n, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`  ${per(t)}  ${n.replace(/::h[0-9a-f]{16}/g, "").slice(0, 140)}`);
    console.log("hottest functions (self time, ms per step):");
    for (const [n, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${per(t)}  ${n.slice(0, 140)}`);
  }
} finally {
  await stop();
}
