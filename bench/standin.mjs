// What the single-purpose bench tools share (profile.mjs, bulk.mjs): a
// stand-in serving dist/ with N generated clients, a headless Chromium, and
// a browser context signed in as the demo admin.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { chromium } from "@playwright/test";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const DIST = resolve(ROOT, process.env.NEXUS_DIST || "dist");
const BIN = resolve(ROOT, process.env.NEXUS_DEVSERVER_BIN || "target/release/nexus-devserver");

/** The stand-in (NEXUS_DEVSERVER_BIN, default the release build) serving NEXUS_DIST with `clients` clients, and Chromium. */
export async function standInAndBrowser(clients) {
  const child = spawn(BIN, ["--memory", "--port", "0", "--static", DIST, "--clients", String(clients)], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((res, rej) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) res(m[1]);
    });
    child.on("exit", (c) => rej(new Error(`devserver exited ${c}`)));
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const stop = async () => {
    await browser.close();
    child.kill();
  };
  return { url, browser, stop };
}

/** A context whose pages start signed in as the demo admin (the stored session); `init` runs in each page too. */
export async function adminContext(browser, url, init = null) {
  const personas = await (await fetch(url + "/dev/personas")).json();
  const admin = personas.personas.find((p) => p.id === "admin");
  const ctx = await browser.newContext();
  const session = JSON.stringify([{ Bearer: { token: admin.token, app_token: null } }, admin.label]);
  await ctx.addInitScript((s) => sessionStorage.setItem("ncc.session:|demo-tenant", s), session);
  if (init) await ctx.addInitScript(init);
  return { ctx, admin };
}
