// Trunk post-build hook (runs in the staging dir before dist/ is replaced).
//
// 1. One stylesheet for the first view instead of one per style/*.css.
// 2. One script: Trunk starts the wasm with an inline <script type="module">
//    (a strict CSP, script-src 'self', blocks inline script) that imports
//    the wasm-bindgen glue. Glue + hooks/boot.js + that start-up code go into
//    console-<hash>.js beside index.html.
// 3. Write embed.js: the stable entry a host page imports to embed the
//    console (`mount(element, options)` and <nexus-clients-console>). It
//    knows this build's hashed file names, so hosts never need to.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { minify as minifyCss } from "csso";
import { minify } from "terser";
import { contentHash, integrity, splitWasm } from "./split-wasm.mjs";

function fail(why) {
  console.error(`post-build: ${why}`);
  process.exit(1);
}
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set");
const hooks = dirname(fileURLToPath(import.meta.url));
// Release builds are split and minified; debug builds stay one readable module.
const release = process.env.TRUNK_PROFILE === "release";
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");

// The first view asks for index.html, one stylesheet, one script, the wasm,
// config.json and the list, and nothing more (bench/bench.mjs counts them).

// 1. One stylesheet: Trunk links each style/*.css on its own.
const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\s*/g)];
if (cssLinks.length === 0) fail("no stylesheet links in index.html");
const joined = cssLinks.map((m) => readFileSync(join(dir, m[1]), "utf8")).join("\n");
// Release: comments and blanks out (csso without restructuring, so every
// rule keeps its place and meaning): 5.5 → 3.9 KB brotli.
const css = release ? minifyCss(joined, { restructure: false }).css : joined;
const cssName = `console-${contentHash(css)}.css`;
writeFileSync(join(dir, cssName), css);
html = html.replace(cssLinks[0][0], `<link rel="stylesheet" href="./${cssName}" />\n    <script type="module" src="./@SCRIPT@"></script>\n    `);
for (const m of cssLinks.slice(1)) html = html.replace(m[0], "");
for (const m of cssLinks) unlinkSync(join(dir, m[1]));
const styles = [cssName];

// 2. One script: Trunk starts the wasm from an inline module (which the
//    strict CSP, script-src 'self', forbids) that imports the wasm-bindgen
//    glue. The glue, the boot script (below) and that start-up code become
//    one file; the plain glue stays for embed.js.
const inline = [...html.matchAll(/<script type="module"([^>]*)>([\s\S]*?)<\/script>\s*/g)].filter(
  (m) => !/\bsrc=/.test(m[1]) && m[2].trim(),
);
if (inline.length !== 1) fail(`expected Trunk's one inline start-up script, found ${inline.length}`);
const start = inline[0][2];
const js = start.match(/import init, \* as bindings from '\.\/([^']+\.js)';/)?.[1];
const wasm = start.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!js || !wasm) fail("could not find the module and wasm names in Trunk's start-up script");
// Release: the wasm in chunks, the pages after the list fetched on first
// visit (hooks/split-wasm.mjs); the wasm's preload then names new bytes.
let chunks = [];
let loads = {};
if (release) {
  try {
    ({ chunks, loads = {} } = splitWasm({ dir, sourceDir: process.env.TRUNK_SOURCE_DIR ?? process.cwd(), glue: js, wasm }));
  } catch (e) {
    fail(e.message);
  }
  const preload = new RegExp(`(<link rel="preload" href="\\./${wasm.replace(/\./g, "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!preload.test(html)) fail("no integrity on the wasm's preload link");
  html = html.replace(preload, (_, a, b) => `${a}${integrity(readFileSync(join(dir, wasm)))}${b}`);
}
const glue = readFileSync(join(dir, js), "utf8");
if (!/__wbg_init as default\b/.test(glue)) fail("the wasm-bindgen glue does not export __wbg_init as its default");
// The boot script preloads the sign-in form's chunks for a reader with no
// stored session (one module: nothing to preload).
const signInSlot = "const SIGN_IN_CHUNKS = [];";
const bootSource = readFileSync(join(hooks, "boot.js"), "utf8");
if (!bootSource.includes(signInSlot)) fail(`hooks/boot.js lost its line ${signInSlot}`);
if (chunks.length && !loads.sign_in) fail("the split build has no sign_in chunk to preload");
const bootJs = bootSource.replace(signInSlot, `const SIGN_IN_CHUNKS = ${JSON.stringify(loads.sign_in ?? [])};`);
const startBody = start
  .replace(/import init, \* as bindings from '[^']+';/, "")
  .replace(/\bawait init\(/, "await __wbg_init(")
  .replace(/window\.wasmBindings = bindings;/, "");
if (/\binit\(|bindings/.test(startBody.replace(/__wbg_init\(/g, ""))) fail(`unexpected start-up script:\n${start}`);
// In a block: the glue has top-level names of its own (`wasm`).
// The wasm starts once the boot script has sent the list request (boot.ready).
let combined = `${glue}\n// ---- boot (hooks/boot.js) ----\n${bootJs}\n// ---- start (Trunk) ----\n{\nawait globalThis.__nccBoot?.ready;\n${startBody.trim()}\n}\n`;
// Release: the script minified (terser, pinned in package.json), as the
// wasm is optimised: 88 KB of glue, boot and start-up code, 12.1 KB brotli,
// become about 40 KB, 8.8 KB. The glue embed.js imports too. Debug builds
// stay readable.
if (release) {
  const small = async (code, what) => {
    try {
      return (await minify(code, { module: true, compress: true, mangle: true, format: { comments: false } })).code;
    } catch (e) {
      fail(`terser could not minify ${what}: ${e.message}`);
    }
  };
  combined = await small(combined, "the start-up script");
  writeFileSync(join(dir, js), await small(glue, js));
}
const scriptName = `console-${contentHash(combined)}.js`;
writeFileSync(join(dir, scriptName), combined);
html = html.replace(inline[0][0], "");
// The glue is now inside the script: preloading it would be a wasted request.
html = html.replace(new RegExp(`<link rel="modulepreload" href="\\./${js.replace(/\./g, "\\.")}"[^>]*>\\s*`), "");
html = html.replace("@SCRIPT@", scriptName);
// A static nonce is worse than none: a CSP that trusted it would be bypassed.
html = html.replace(/\snonce="[^"]*"/g, "");
writeFileSync(file, html);

const embed = `// Generated by hooks/post-build.mjs for this build: do not edit.
// A host page embeds the console with either
//   import { mount } from "<console>/embed.js";  const h = await mount(el, options); h.unmount();
// or
//   <script type="module" src="<console>/embed.js"></script>
//   <nexus-clients-console tenant-id="…" api-base-url="…" base-path="/portal/clients"></nexus-clients-console>
//   (routing="memory": the console keeps its route to itself, so several can share a page)
//   (set element.getToken = async ({ forceRefresh }) => token in the script that
//   imports embed.js, or before adding the element; without it, the console
//   shows its own sign-in)
import init, * as bindings from "./${js}";

const here = (p) => new URL(p, import.meta.url).href;
const STYLES = ${JSON.stringify(styles)}.map(here);
let ready;
const start = () => (ready ??= init({ module_or_path: here("./${wasm}") }));

function addStyles(root) {
  const target = root instanceof ShadowRoot ? root : document.head;
  for (const href of STYLES) {
    if (![...target.querySelectorAll("link[rel=stylesheet]")].some((l) => l.href === href)) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      target.append(link);
    }
  }
}

/** A plain notice in place of a console that could not start. */
function showMountError(element, error) {
  const notice = document.createElement("div");
  notice.setAttribute("role", "alert");
  notice.className = "ncc-fatal";
  const title = document.createElement("strong");
  title.textContent = "The Nexus Clients Console could not start.";
  const detail = document.createElement("p");
  detail.textContent = String(error?.message ?? error);
  notice.append(title, detail);
  element.replaceChildren(notice);
}

/**
 * Mounts the console into element; returns { unmount() }. If it cannot
 * start, the element says why and the promise rejects with the reason.
 */
export async function mount(element, options = {}) {
  try {
    await start();
    addStyles(element.getRootNode());
    // getToken keeps the host's this (the options object), as a method
    // call would; the copy below is a different object.
    const getToken = typeof options.getToken === "function" ? options.getToken.bind(options) : undefined;
    return bindings.mount(element, { configUrl: here("./config.json"), ...options, getToken });
  } catch (error) {
    showMountError(element, error);
    throw error;
  }
}

const ATTRIBUTES = {
  "api-base-url": "apiBaseUrl",
  "tenant-id": "tenantId",
  "base-path": "basePath",
  "config-url": "configUrl",
  "application-token-header": "applicationTokenHeader",
  lang: "locale",
  routing: "routing",
};

/** <nexus-clients-console>: the console in a shadow root, so no style crosses either way. */
export class NexusClientsConsole extends HTMLElement {
  async connectedCallback() {
    if (this._handle || this._mounting) return;
    this._mounting = true;
    // Let the host's script that imported embed.js finish first, so a
    // getToken it sets in the same task is seen.
    await null;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    shadow.replaceChildren();
    const root = document.createElement("div");
    shadow.append(root);
    const options = {};
    for (const [attr, key] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attr)) options[key] = this.getAttribute(attr);
    }
    if (typeof this.getToken === "function") options.getToken = (arg) => this.getToken(arg);
    let handle;
    try {
      handle = await mount(root, options);
    } catch (error) {
      // The console could not start (its files did not load, or the
      // options were refused): say so where it would have been.
      this._mounting = false;
      showMountError(root, error);
      this.dispatchEvent(new CustomEvent("nexus-error", { bubbles: true, detail: { error } }));
      return;
    }
    this._mounting = false;
    if (!this.isConnected) {
      // Removed from the page while the console was loading.
      handle.unmount();
      return;
    }
    this._handle = handle;
    this.dispatchEvent(new CustomEvent("nexus-ready", { bubbles: true }));
  }

  disconnectedCallback() {
    this.unmount();
  }

  /** Removes the console (also done when the element leaves the page). */
  unmount() {
    this._handle?.unmount();
    this._handle = null;
  }
}

if (!customElements.get("nexus-clients-console")) {
  customElements.define("nexus-clients-console", NexusClientsConsole);
}
`;
writeFileSync(join(dir, "embed.js"), embed);

// Release: a brotli (q11) copy beside each hashed wasm, script and
// stylesheet, as a CDN serves them (docs/deployment.md). The stand-in sends
// it to a browser that takes brotli, so the bytes dev.sh and the bench move
// are the ones the size budget counts, and no server compresses 1 MB of
// wasm per load. index.html and config.json are rewritten per server; they
// are compressed on the fly.
let precompressed = 0;
if (release) {
  for (const name of readdirSync(dir)) {
    if (!/-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/.test(name)) continue;
    const raw = readFileSync(join(dir, name));
    const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    writeFileSync(join(dir, `${name}.br`), br);
    precompressed++;
  }
}
console.log(`post-build: wrote ${cssName} (${cssLinks.length} stylesheets), ${scriptName} (glue + boot + start) and embed.js`);
if (precompressed) console.log(`post-build: ${precompressed} hashed files precompressed (brotli q11, name.br)`);
if (chunks.length) console.log(`post-build: the wasm in ${chunks.length} chunks beside the main module: ${chunks.map((c) => `${c.name} (${c.bytes} B)`).join(", ")}`);
