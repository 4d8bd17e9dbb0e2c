// Release builds: the wasm in chunks (called by hooks/post-build.mjs).
//
// Trunk never splits a wasm module (trunk-rs/trunk#1022), so this step
// redoes Trunk's last two (wasm-bindgen, wasm-opt) on a split module:
//   1. wasm-split-cli cuts the raw cargo output at the split points
//      (src/pages/split_page.rs) into the main module, one chunk per page and
//      chunks they share, and writes the loader (__wasm_split.js);
//   2. wasm-bindgen on the main module, keeping the exports the chunks link
//      to (--keep-lld-exports), as cargo-leptos does;
//   3. wasm-opt -Oz on the main module and on each chunk (Trunk's own
//      wasm-opt is off in index.html: it would optimise a module thrown away);
//   4. the loader goes INTO the glue (one script on the first view, and the
//      glue's own initSync, not a second copy's), and each chunk gets a
//      content hash in its name.
// The glue and the main wasm keep Trunk's (hashed) names.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CRATE_BIN = "nexus-clients-console";
const OPT = ["-Oz"];

function run(cmd, args, cwd) {
  try {
    execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stderr ?? e.message}`);
  }
}

function targetDir(sourceDir) {
  const meta = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version=1", "--no-deps", "--offline"], {
      cwd: sourceDir,
      maxBuffer: 64 << 20,
    }),
  );
  return meta.target_directory;
}

const sha = (data, alg = "sha256") => createHash(alg).update(data).digest();

/** The content hash in a built file's name (16 hex digits of SHA-256). */
export const contentHash = (data) => sha(data).toString("hex").slice(0, 16);

/**
 * Splits, binds and optimises this build's wasm into `dir` (Trunk's staging
 * dir), overwriting Trunk's `glue` (.js) and `wasm` files.
 * Returns the chunk files written and whether the module was split.
 */
export function splitWasm({ dir, sourceDir, glue, wasm }) {
  const raw = join(targetDir(sourceDir), "wasm32-unknown-unknown", "release", `${CRATE_BIN}.wasm`);
  const rawBytes = readFileSync(raw);
  if (!rawBytes.includes("__wasm_split_placeholder__")) {
    // NEXUS_NO_SPLIT=1: one module; only the optimisation Trunk skipped.
    run("wasm-opt", [`--output=${join(dir, wasm)}`, ...OPT, join(dir, wasm)], dir);
    return { chunks: [], split: false };
  }
  const stem = glue.replace(/\.js$/, "");
  if (wasm !== `${stem}_bg.wasm`) throw new Error(`unexpected wasm name ${wasm} beside ${glue}`);
  const tmp = mkdtempSync(join(tmpdir(), "ncc-split-"));
  try {
    run("wasm-split-cli", [raw, tmp, "--target", "web", "--out-name", stem], tmp);
    const bg = join(tmp, "bindgen");
    run(
      "wasm-bindgen",
      ["--target=web", "--keep-lld-exports", "--no-demangle", "--no-typescript", `--out-dir=${bg}`, `--out-name=${stem}`, join(tmp, `${stem}.wasm`)],
      tmp,
    );
    run("wasm-opt", [`--output=${join(dir, wasm)}`, ...OPT, join(bg, wasm)], tmp);

    let loader = readFileSync(join(tmp, "__wasm_split.js"), "utf8");
    const chunks = [];
    for (const file of readdirSync(tmp).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`)) {
      const optimised = join(tmp, `opt-${file}`);
      run("wasm-opt", [`--output=${optimised}`, ...OPT, join(tmp, file)], tmp);
      const bytes = readFileSync(optimised);
      const name = `${file.replace(/\.wasm$/, "")}-${contentHash(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      const quoted = `"./${file}"`;
      if (!loader.includes(quoted)) throw new Error(`the loader does not name ${file}`);
      loader = loader.split(quoted).join(`"./${name}"`);
      chunks.push({ name, bytes: bytes.length });
    }

    let js = readFileSync(join(bg, `${stem}.js`), "utf8");
    js = inlineLoader(js, loader, stem);
    writeFileSync(join(dir, glue), js);
    return { chunks, split: true, loads: loadFiles(loader) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Per split point (`sign_in`, `client_detail`, ...), the files its loader
 * fetches: its own chunk and the shared chunks it needs (which need no
 * others), as the loader names them. What a page may preload.
 */
export function loadFiles(loader) {
  const fileOf = new Map();
  for (const m of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) fileOf.set(m[1], m[2]);
  const loads = {};
  const re = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
  for (const m of loader.matchAll(re)) {
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean);
    const files = deps.map((d) => fileOf.get(d));
    if (files.some((f) => !f)) throw new Error(`the loader of ${m[1]} names a chunk it does not define`);
    loads[m[1]] = [m[2], ...files];
  }
  if (Object.keys(loads).length === 0) throw new Error("no split point found in the loader");
  return loads;
}

/**
 * Puts the loader module inside the glue, where the glue imported it: one
 * script fewer, and the loader's `initSync` is the glue's own (the instance
 * that started the wasm), whichever file the glue ends up in.
 */
function inlineLoader(js, loader, stem) {
  // wasm-bindgen writes one `import * as importN from "./__wasm_split.js"`
  // per imported loader function; they all name the one module.
  const importRe = /^import \* as (\w+) from ["']\.\/__wasm_split\.js["'];?\n/gm;
  const aliases = [...js.matchAll(importRe)].map((m) => m[1]);
  if (aliases.length === 0) throw new Error("the glue does not import ./__wasm_split.js");
  const head = `import { initSync } from "./${stem}.js";`;
  if (!loader.startsWith(head)) throw new Error(`unexpected loader start:\n${loader.slice(0, 200)}`);
  const names = [];
  const body = loader.slice(head.length).replace(/^export const (\w+) =/gm, (_, name) => {
    names.push(name);
    return `const ${name} =`;
  });
  if (names.length === 0 || /\bexport\b|\bimport\b/.test(body.replace(/import\.meta/g, ""))) {
    throw new Error("unexpected loader: exports or imports besides its loaders");
  }
  const [first, ...rest] = aliases;
  const inlined =
    `// ---- the chunk loader (wasm-split's __wasm_split.js, by hooks/split-wasm.mjs) ----\n` +
    `const ${first} = (() => {\n${body}\nreturn { ${names.join(", ")} };\n})();\n` +
    rest.map((a) => `const ${a} = ${first};\n`).join("");
  let done = false;
  return js.replace(importRe, () => {
    if (done) return "";
    done = true;
    return inlined;
  });
}

/** The integrity value (SRI) of a file, as Trunk writes it. */
export function integrity(bytes) {
  return `sha384-${sha(bytes, "sha384").toString("base64")}`;
}
