// What a browser downloads for the console's first view, and its size:
// index.html plus every stylesheet, script and wasm it references (the
// favicon, config.json and the list are not build bytes). Shared by the
// benchmark and the size budget check (scripts/size-budget.mjs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

/** Brotli q11 and gzip -9 sizes of a buffer. */
export function compressed(buf) {
  return {
    raw: buf.length,
    gz: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The first-load files of a build in `dist`: [{ name, raw, gz, br }]. */
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const refs = new Set();
  for (const m of html.matchAll(/\b(?:href|src)="\.?\/?([^"?#]+\.(?:css|js|wasm))"/g)) refs.add(m[1]);
  const files = [{ name: "index.html", ...compressed(Buffer.from(html)) }];
  for (const name of [...refs].sort()) files.push({ name, ...compressed(readFileSync(join(dist, name))) });
  return files;
}

export const sum = (files, k) => files.reduce((n, f) => n + f[k], 0);
