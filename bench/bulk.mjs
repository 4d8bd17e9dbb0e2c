// A bulk action at scale (a figure, not a test): 1,000 clients selected
// ("Select all 1,000 matching"), "Add an owner" on all of them, and what the
// page did meanwhile: the total time from the confirm to "Finished", the
// longest main-thread task (PerformanceObserver "longtask") and the longest
// gap between two animation frames during the run, and the progress as it
// ended (the status line and the <progress> value), checked against the
// stand-in (every client holds the new owner).
// Run: node bench/bulk.mjs   (NEXUS_DIST, NEXUS_DEVSERVER_BIN as bench.mjs; BULK_CLIENTS=1000)
import { adminContext, standInAndBrowser } from "./standin.mjs";

const CLIENTS = Number(process.env.BULK_CLIENTS || 1000);
const grouped = (n) => n.toLocaleString("en-US");

const { url, browser, stop } = await standInAndBrowser(CLIENTS);
try {
  const { ctx, admin } = await adminContext(browser, url, () => {
    // Long tasks and frame gaps, recorded once the run starts.
    window.__bulk = { longest: 0, tasks: 0, gap: 0, on: false };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!window.__bulk.on) continue;
        window.__bulk.tasks += 1;
        if (e.duration > window.__bulk.longest) {
          window.__bulk.longest = e.duration;
          window.__bulk.longestAt = e.startTime - window.__bulk.t0;
        }
      }
    }).observe({ type: "longtask", buffered: false });
    let last = 0;
    const frame = (t) => {
      if (window.__bulk.on && last) window.__bulk.gap = Math.max(window.__bulk.gap, t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const page = await ctx.newPage();
  await page.goto(url + "/clients?per_page=100");
  const bar = page.getByRole("group", { name: "Selection" });
  await bar.getByRole("button", { name: `Select all ${grouped(CLIENTS)} matching` }).click({ timeout: 60000 });
  await bar.getByRole("status").filter({ hasText: `${grouped(CLIENTS)} clients selected` }).waitFor();
  await bar.getByRole("button", { name: "Add an owner" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an owner to the selected clients" });
  await dialog.getByRole("textbox", { name: "Owner (a user id or role)" }).fill("bench-owner");
  const confirm = dialog.getByRole("button", { name: `Add to ${grouped(CLIENTS)} clients` });
  // The progress as it moves: sampled each frame, so a count that goes
  // backwards or skips past the total would show.
  await page.evaluate(() => {
    window.__bulk.on = true;
    window.__bulk.t0 = performance.now();
    window.__bulk.samples = [];
    const sample = () => {
      const p = document.querySelector("progress");
      if (p) window.__bulk.samples.push(Number(p.value));
      if (window.__bulk.on) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await confirm.click();
  const status = page.getByRole("region").filter({ has: page.getByRole("progressbar") }).last().getByRole("status").first();
  await status.filter({ hasText: /^Finished: / }).waitFor({ timeout: 600000 });
  const r = await page.evaluate(() => {
    window.__bulk.on = false;
    const p = document.querySelector("progress");
    const s = window.__bulk.samples;
    const monotonic = s.every((v, i) => i === 0 || v >= s[i - 1]);
    return { ms: performance.now() - window.__bulk.t0, longest: window.__bulk.longest, longestAt: window.__bulk.longestAt ?? 0, tasks: window.__bulk.tasks, gap: window.__bulk.gap, value: Number(p.value), max: Number(p.max), samples: s.length, monotonic };
  });
  const said = (await status.textContent()).trim();
  const stored = await (await fetch(`${url}/v1/tenants/demo-tenant/clients`, { headers: { Authorization: `Bearer ${admin.token}` } })).json();
  const list = Array.isArray(stored) ? stored : stored.items ?? stored.clients ?? [];
  const withOwner = list.filter((c) => (c.owners ?? []).includes("bench-owner")).length;
  console.log(`\n== bulk: add an owner to ${grouped(CLIENTS)} selected clients (4 requests in flight), headless Chromium, loopback`);
  console.log(`  total ${r.ms.toFixed(0)} ms (${(r.ms / CLIENTS).toFixed(1)} ms a client)`);
  console.log(`  main thread during the run: longest task ${r.longest.toFixed(0)} ms at ${r.longestAt.toFixed(0)} ms (${r.tasks} tasks over 50 ms), longest gap between frames ${r.gap.toFixed(0)} ms`);
  console.log(`  progress at the end: "${said}", <progress> ${r.value}/${r.max}; ${r.samples} samples, ${r.monotonic ? "never went back" : "WENT BACK"}`);
  console.log(`  the stand-in: ${grouped(withOwner)} of ${grouped(list.length)} clients hold the new owner`);
  if (!said.startsWith(`Finished: ${grouped(CLIENTS)} of ${grouped(CLIENTS)} done`) || r.value !== CLIENTS || withOwner !== CLIENTS) process.exitCode = 1;
} finally {
  await stop();
}
