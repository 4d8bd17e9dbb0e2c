// Boot script of the standalone page (hooks/post-build.mjs puts it into the
// page's one script, before the wasm starts). It starts config.json and, on
// the list route with a stored session, the client list while the wasm
// downloads and compiles (without a session, the sign-in form's chunks); src/boot.rs takes both over, checking that the list
// request is exactly the one the console would send. Embedded (embed.js) it
// does not run. Same inputs as the console: config.json, the session stored
// in sessionStorage under "ncc.session:{apiBase}|{tenantId}", and the base path.
{
  // The sign-in form's wasm chunks (hooks/post-build.mjs fills this in).
  const SIGN_IN_CHUNKS = [];
  const boot = (globalThis.__nccBoot = {});
  // Same mode and credentials as the chunk loader's own fetch (a same-origin
  // "cors" request), so the loader takes these responses.
  const preload = (files) => {
    for (const f of files) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = new URL(f, import.meta.url).href;
      document.head.append(link);
    }
  };
  const read = async (r) => ({ status: r.status, contentType: r.headers.get("content-type"), body: await r.text() });
  // The list as bytes: copying them into the wasm is cheaper than a string.
  const readBytes = async (r) => ({ status: r.status, contentType: r.headers.get("content-type"), retryAfter: r.headers.get("retry-after"), body: await r.arrayBuffer() });
  // Same mode and credentials as the <link rel="preload"> in index.html, so
  // this is the preloaded request, not a second one.
  const config = fetch("config.json", { headers: { Accept: "application/json" } }).then(read);
  boot.config = { url: "config.json", response: config };
  const list = config.then((c) => {
    if (c.status < 200 || c.status > 299) return null;
    const cfg = JSON.parse(c.body);
    if (!cfg || typeof cfg !== "object" || cfg.authMode === "host" || typeof cfg.tenantId !== "string") return null;
    const api = (typeof cfg.apiBaseUrl === "string" ? cfg.apiBaseUrl : "").trim().replace(/\/+$/, "");
    // The console's key (src/auth/session.rs storage_key): named for the API and the tenant.
    const [creds] = JSON.parse(sessionStorage.getItem(`ncc.session:${api}|${cfg.tenantId}`) || "null") || [];
    if (!(creds?.Bearer && typeof creds.Bearer.token === "string")) {
      // No stored session (Basic credentials are never stored, memory
      // only): the sign-in form is the first view, whatever the route.
      preload(SIGN_IN_CHUNKS);
      return null;
    }
    // Only on the list route (the root redirects there).
    const base = (typeof cfg.basePath === "string" ? cfg.basePath : new URL(document.baseURI).pathname).replace(/\/+$/, "");
    if (!location.pathname.startsWith(base) || !/^\/?(clients\/?)?$/.test(location.pathname.slice(base.length))) return null;
    const headers = { Accept: "application/json", Authorization: `Bearer ${creds.Bearer.token.trim()}` };
    const app = creds.Bearer.app_token;
    if (typeof app === "string" && app.trim()) headers[cfg.applicationTokenHeader || "ApplicationToken"] = app;
    const url = `${api}/v1/tenants/${encodeURIComponent(cfg.tenantId)}/clients`;
    const controller = new AbortController();
    const response = fetch(url, { headers, signal: controller.signal }).then(readBytes);
    response.catch(() => {}); // a failure is the console's to report, when it asks
    boot.list = { url, headers, controller, response };
  });
  list.catch(() => {}); // no prefetch then: the console asks itself
  // The start-up code waits for this before it starts the wasm (at most a
  // second): the list request then goes out first, instead of waiting behind
  // the wasm's compile and start on the main thread. The wasm itself is
  // already downloading (<link rel="preload">), so nothing waits on the wire.
  boot.ready = Promise.race([list.then(() => {}, () => {}), new Promise((r) => setTimeout(r, 1000))]);
}
