// Trunk post-build hook: Trunk starts the wasm with an inline
// <script type="module">; a strict CSP (script-src 'self') blocks inline
// script. Move it to boot-<hash>.js beside index.html and reference it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize-boot: TRUNK_STAGING_DIR is not set");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  // Imports in the moved code are resolved against the new file's URL, which
  // sits beside index.html, so "./x.js" keeps working.
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  count += 1;
  return `<script type="module" src="./${name}"></script>`;
});
// A static nonce is worse than none: a CSP that trusted it would be trivially bypassed.
html = html.replace(/\snonce="[^"]*"/g, "");
writeFileSync(file, html);
console.log(`externalize-boot: moved ${count} inline script(s) out of index.html`);
