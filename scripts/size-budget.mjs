// Size budget (a test: bytes are deterministic): the console's first load
// (index.html + the CSS, JS and wasm it references), brotli q11, must stay
// within BUDGET_KB. Run after `trunk build --release`:  node scripts/size-budget.mjs [dist]
import { resolve } from "node:path";
import { firstLoadFiles, sum } from "../bench/first-load.mjs";

/** KB = 1,000 bytes, as the and the React admin's figures are given. */
// Issue 8 aims at 240 KB (below a React admin's 267 KB); the console is not
// there yet (README, "Speed and size"). This budget is a ratchet at today's
// bytes plus a little: lower it whenever the first load shrinks.
// 340 → 348 (2026-12-01): the hardening issue's second half added 9.2 KB
// (336.8 → 346.0): Retry-After advice with HTTP dates, the partial-list
// reasons, the logo host allow-list and its "Load logo" view, answers keyed
// by client id with the rotate guard, the embedding checks and the refresh
// single-flight. Each was weighed; none could be left out.
const BUDGET_KB = Number(process.env.NCC_SIZE_BUDGET_KB || 348);
const dist = resolve(process.argv[2] || "dist");
const files = firstLoadFiles(dist);
for (const f of files) console.log(`${f.name.padEnd(52)} ${(f.br / 1000).toFixed(1).padStart(7)} KB brotli`);
const total = sum(files, "br");
const line = `first load: ${(total / 1000).toFixed(1)} KB brotli q11 (budget ${BUDGET_KB} KB)`;
if (total > BUDGET_KB * 1000) {
  console.error(`size budget exceeded: ${line}`);
  process.exit(1);
}
console.log(`ok: ${line}`);
