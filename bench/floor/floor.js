// The floor page's script (see floor.html). Same inputs as the console: the
// session in sessionStorage, config.json, the list from the stand-in.
const PER_PAGE = Number(new URLSearchParams(location.search).get("per_page")) || 100;
const LABELS = { regular_web: "Regular web app", spa: "Single-page app", native: "Native app", non_interactive: "Machine to machine" };

const [creds] = JSON.parse(sessionStorage.getItem("ncc.session") || "[null]");
const config = await (await fetch("config.json", { mode: "cors", credentials: "same-origin" })).json();
const headers = { Accept: "application/json" };
if (creds?.Bearer) {
  headers.Authorization = `Bearer ${creds.Bearer.token.trim()}`;
  if (creds.Bearer.app_token) headers[config.applicationTokenHeader || "ApplicationToken"] = creds.Bearer.app_token;
} else if (creds?.Basic) {
  headers.Authorization = "Basic " + btoa(`${creds.Basic.username}:${creds.Basic.password}`);
}
const base = (config.apiBaseUrl || "").replace(/\/$/, "");
const resp = await fetch(`${base}/v1/tenants/${encodeURIComponent(config.tenantId)}/clients`, { headers });
const body = JSON.parse(await resp.text());
const items = Array.isArray(body) ? body : body.items || body.clients || body.data || [];
const clients = items
  .filter((c) => c && typeof c === "object")
  .map((c) => {
    const name = c.name || c.id || "(unnamed client)";
    return {
      c,
      name,
      key: name.toLowerCase(),
      hay: [c.name, c.id, c.productName, c.applicationName].filter(Boolean).join("\u0001").toLowerCase(),
    };
  })
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const tbody = document.querySelector("tbody");
const count = document.getElementById("count");
function cell(tr, text) {
  const td = document.createElement("td");
  td.textContent = text;
  tr.append(td);
}
function render(q) {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length ? clients.filter((x) => words.every((w) => x.hay.includes(w))) : clients;
  count.textContent = `${matches.length} of ${clients.length} clients match`;
  const rows = matches.slice(0, PER_PAGE).map(({ c, name }) => {
    const tr = document.createElement("tr");
    const td = document.createElement("td");
    const a = document.createElement("a");
    a.href = `clients/${encodeURIComponent(c.id || "")}`;
    a.textContent = name;
    td.append(a);
    tr.append(td);
    cell(tr, LABELS[c.type] || c.type || "not set");
    cell(tr, c.id || "");
    cell(tr, c.productName || "not set");
    cell(tr, c.manuallyCreated === false ? "Terraform" : "Manual");
    return tr;
  });
  tbody.replaceChildren(...rows);
}
document.getElementById("q").addEventListener("input", (e) => render(e.target.value));
render("");
