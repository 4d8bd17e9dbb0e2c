//! Serving a built console (`--static DIR`) like a CDN would: strict CSP,
//! immutable caching of hashed assets, no-cache for index.html/config.json,
//! SPA fallback, correct MIME types.

use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use std::path::{Path, PathBuf};

/// Cache-Control for hashed assets.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control for index.html and config.json.
pub const NO_CACHE: &str = "no-cache";

/// The Content-Security-Policy header value: `extra_connect_src` is added to
/// `connect-src` (the API's origin when it is not this one), and
/// `frame_ancestors` says who may frame the console (`'none'` unless a
/// portal embeds it in a frame). Images: this origin, each logo host
/// (`https://<host>`, the console's `logoHosts`) and `extra_img_src` (say
/// `https:`, so that "Load logo" can load any logo). No `data:` images:
/// nothing uses them.
pub fn csp(
    extra_connect_src: Option<&str>,
    frame_ancestors: Option<&str>,
    logo_hosts: &[String],
    extra_img_src: Option<&str>,
) -> String {
    let extra = extra_connect_src.map(str::trim).filter(|e| !e.is_empty());
    let connect = match extra {
        Some(e) => format!("'self' {e}"),
        None => "'self'".into(),
    };
    let frames = frame_ancestors
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .unwrap_or("'none'");
    let mut img = String::from("'self'");
    for host in logo_hosts {
        img.push_str(" https://");
        img.push_str(host.trim());
    }
    if let Some(e) = extra_img_src.map(str::trim).filter(|e| !e.is_empty()) {
        img.push(' ');
        img.push_str(e);
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src {img}; connect-src {connect}; frame-ancestors {frames}; base-uri 'self'; object-src 'none'; form-action 'none'"
    )
}

/// The valid `logoHosts` of a config.json document (none when it has no
/// such list, or is not JSON): what the CSP's `img-src` lists when
/// `--logo-hosts` is not given. An invalid entry is left out here; the
/// console refuses the whole configuration for it.
pub fn logo_hosts_in(config_json: &str) -> Vec<String> {
    let Ok(serde_json::Value::Object(doc)) = serde_json::from_str(config_json) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(hosts)) = doc.get("logoHosts") else {
        return Vec::new();
    };
    hosts
        .iter()
        .filter_map(|h| h.as_str())
        .filter(|h| nexus_domain::url_rules::check_logo_host(&nexus_domain::i18n::EN, h).is_ok())
        .map(|h| h.trim().to_string())
        .collect()
}

/// config.json with `logoHosts` set to `hosts` (`--logo-hosts`); a document
/// that is not a JSON object is served as it is (the console reports it).
pub fn with_logo_hosts(config_json: Vec<u8>, hosts: &[String]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(&config_json) {
        Ok(serde_json::Value::Object(mut doc)) => {
            doc.insert("logoHosts".into(), serde_json::json!(hosts));
            serde_json::to_vec_pretty(&doc).unwrap_or(config_json)
        }
        _ => config_json,
    }
}

/// Checks `--csp-img-src`: what [`check_csp_sources`] allows, and the
/// scheme source `https:`.
pub fn check_img_sources(flag: &str, value: &str) -> Result<(), String> {
    let others: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|s| *s != "https:")
        .collect();
    if others.is_empty() {
        return if value.trim().is_empty() {
            Err(format!("{flag}: give at least one source"))
        } else {
            Ok(())
        };
    }
    check_csp_sources(flag, &others.join(" "))
}

/// Checks a list of CSP sources (`--csp-connect-src`,
/// `--csp-frame-ancestors`): each an origin (`https://api.example.com`,
/// `http://127.0.0.1:8081`, `https://*.example.com`) or one of the keywords
/// `'self'` and `'none'`. Anything else (`;`, commas, quotes, paths, control
/// characters) would break or widen the whole policy, so it fails at start-up.
pub fn check_csp_sources(flag: &str, value: &str) -> Result<(), String> {
    let sources: Vec<&str> = value.split_ascii_whitespace().collect();
    if sources.is_empty() {
        return Err(format!("{flag}: give at least one origin"));
    }
    for s in sources {
        if s == "'self'" || s == "'none'" {
            continue;
        }
        let Some((scheme, host)) = s.split_once("://") else {
            return Err(format!(
                "{flag}: '{s}' is not an origin such as https://api.example.com"
            ));
        };
        let host_ok = !host.is_empty()
            && host.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*' | '[' | ']')
            })
            && !host.starts_with([':', '.']);
        if !matches!(scheme, "http" | "https" | "ws" | "wss") || !host_ok {
            return Err(format!(
                "{flag}: '{s}' is not an origin such as https://api.example.com (scheme://host[:port], no path)"
            ));
        }
    }
    Ok(())
}

/// The MIME type for a file name.
pub fn mime_for(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "webmanifest" => "application/manifest+json",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a Trunk content hash: `-` and 12 to 16 hex
/// digits (Trunk prints a u64 without leading zeros, so 15 digits happen),
/// then `.` or `_`, e.g. `app-0123456789abcdef_bg.wasm`.
pub fn is_hashed(name: &str) -> bool {
    name.split('-').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        (12..=16).contains(&digits) && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `root` for a relative URL path, refusing anything that
/// could escape it.
fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut p = root.to_path_buf();
    for seg in rel.split('/') {
        if seg.is_empty() {
            continue;
        }
        if seg == "." || seg == ".." || seg.contains(['\\', '\0', ':']) {
            return None;
        }
        p.push(seg);
    }
    Some(p)
}

fn security_headers(h: &mut HeaderMap, state: &AppState) {
    let cfg = state.config();
    if let Ok(v) = HeaderValue::from_str(&csp(
        cfg.csp_connect_src.as_deref(),
        cfg.csp_frame_ancestors.as_deref(),
        state.logo_hosts(),
        cfg.csp_img_src.as_deref(),
    )) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

fn plain(state: &AppState, status: StatusCode, text: &'static str) -> Response {
    let mut res = Response::new(Body::from(text));
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    security_headers(res.headers_mut(), state);
    res
}

fn redirect(state: &AppState, to: &str) -> Response {
    let mut res = Response::new(Body::empty());
    *res.status_mut() = StatusCode::FOUND;
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    security_headers(res.headers_mut(), state);
    res
}

/// Whether an `Accept-Encoding` value accepts brotli (`br`, not `br;q=0`).
pub fn accepts_br(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut it = part.split(';').map(str::trim);
        it.next().is_some_and(|c| c.eq_ignore_ascii_case("br"))
            && !it.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            })
    })
}

async fn file_response(
    state: &AppState,
    path: &Path,
    method: &Method,
    br: bool,
) -> Option<Response> {
    let meta = tokio::fs::metadata(path).await.ok()?;
    if !meta.is_file() {
        return None;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    // A hashed asset with a brotli copy beside it (a release build's
    // post-build writes them, as a CDN serves them): that copy, to a browser
    // that takes brotli. The compression layer leaves an encoded answer alone.
    let precompressed = if is_hashed(&name) {
        let mut br_path = path.as_os_str().to_owned();
        br_path.push(".br");
        let br_path = PathBuf::from(br_path);
        let exists = tokio::fs::metadata(&br_path)
            .await
            .is_ok_and(|m| m.is_file());
        exists.then_some(br_path)
    } else {
        None
    };
    let encoded = match &precompressed {
        Some(br_path) if br => tokio::fs::read(br_path).await.ok(),
        _ => None,
    };
    let is_encoded = encoded.is_some();
    let mut bytes = match encoded {
        Some(b) => b,
        None => tokio::fs::read(path).await.ok()?,
    };
    if name == "index.html" {
        bytes = with_base_href(bytes, state.config().base_path.as_str());
    }
    if name == "config.json" {
        if let Some(hosts) = &state.config().logo_hosts {
            bytes = with_logo_hosts(bytes, hosts);
        }
    }
    let len = bytes.len();
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    let mut res = Response::new(body);
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(mime_for(&name)),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    let cache = if name == "index.html" || name == "config.json" || name == "embed.js" {
        Some(NO_CACHE)
    } else if is_hashed(&name) {
        Some(IMMUTABLE)
    } else {
        None
    };
    if let Some(c) = cache {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(c));
    }
    if precompressed.is_some() {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if is_encoded {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
    }
    security_headers(h, state);
    Some(res)
}

/// index.html ships with `<base href="/" />`; under a sub-path the console's
/// relative asset URLs and its router base come from this one element, so it
/// is rewritten here (as nginx's `sub_filter` does in the recipe).
pub fn with_base_href(html: Vec<u8>, base: &str) -> Vec<u8> {
    const DEFAULT: &str = "<base href=\"/\" />";
    if base == "/" {
        return html;
    }
    match String::from_utf8(html) {
        Ok(text) => text
            .replacen(DEFAULT, &format!("<base href=\"{base}\" />"), 1)
            .into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

/// Extensions of files a build contains. A missing one is a 404; any other
/// path (a client id may contain a dot: `/clients/app.v2`) is a route.
const ASSET_EXTENSIONS: [&str; 14] = [
    "js", "mjs", "wasm", "css", "map", "json", "svg", "png", "jpg", "jpeg", "gif", "ico", "webp",
    "txt",
];

/// Whether a missing path names an asset (404) rather than a route (index.html).
pub fn looks_like_asset(rel: &str) -> bool {
    let last = rel.rsplit('/').next().unwrap_or_default();
    match last.rsplit_once('.') {
        Some((_, ext)) => {
            last != "index.html" && ASSET_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
        }
        None => false,
    }
}

/// The fallback handler for everything outside `/v1` and `/dev`.
pub async fn serve(State(state): State<AppState>, req: Request) -> Response {
    let Some(root) = state.config().static_dir.clone() else {
        return plain(
            &state,
            StatusCode::NOT_FOUND,
            "Not found. (No --static directory is being served.)",
        );
    };
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let br = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(accepts_br);
    let base = state.config().base_path.clone();
    if !base.is_root() && (path == "/" || path == base.without_trailing_slash()) {
        return redirect(&state, base.as_str());
    }
    let Some(rel) = path.strip_prefix(base.as_str()) else {
        return plain(&state, StatusCode::NOT_FOUND, "Not found.");
    };
    if method != Method::GET && method != Method::HEAD {
        let mut res = plain(
            &state,
            StatusCode::METHOD_NOT_ALLOWED,
            "Method not allowed.",
        );
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let Some(rel) = percent_decode(rel) else {
        return plain(&state, StatusCode::BAD_REQUEST, "Bad path encoding.");
    };
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    };
    let Some(file) = safe_join(&root, &rel) else {
        return plain(&state, StatusCode::NOT_FOUND, "Not found.");
    };
    if let Some(res) = file_response(&state, &file, &method, br).await {
        return res;
    }
    if looks_like_asset(&rel) {
        return plain(&state, StatusCode::NOT_FOUND, "Not found.");
    }
    match file_response(&state, &root.join("index.html"), &method, br).await {
        Some(res) => res,
        None => plain(
            &state,
            StatusCode::NOT_FOUND,
            "Not found (the static directory has no index.html).",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_mimes() {
        for hashed in [
            "nexus-clients-console-0123456789abcdef_bg.wasm",
            "nexus-clients-console-998157bc9bc0123_bg.wasm",
            "style-0123456789ABCDEF.css",
            "boot-f33399ad473b034c.js",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in ["index.html", "app-0123.js"] {
            assert!(!is_hashed(plain), "{plain}");
        }
        assert_eq!(mime_for("a.wasm"), "application/wasm");
        assert_eq!(mime_for("a.JS"), "text/javascript");
        assert!(safe_join(Path::new("/x"), "../etc/passwd").is_none());
    }

    #[test]
    fn dots_in_routes_are_not_assets() {
        for asset in ["app-0123456789abcdef.js", "x/missing.WASM"] {
            assert!(looks_like_asset(asset), "{asset}");
        }
        for route in ["clients/app.v2", "clients/app.v2/edit", "clients"] {
            assert!(!looks_like_asset(route), "{route}");
        }
    }

    #[test]
    fn logo_hosts_feed_img_src_and_config_json() {
        let hosts = vec![
            "cdn.example.com".to_string(),
            "img.example.org:8443".to_string(),
        ];
        let policy = csp(None, None, &hosts, Some("https:"));
        assert!(
            policy.contains(
                "; img-src 'self' https://cdn.example.com https://img.example.org:8443 https:; "
            ),
            "{policy}"
        );
        assert!(csp(None, None, &[], None).contains("; img-src 'self'; "));
        assert_eq!(
            logo_hosts_in(r#"{"tenantId":"t","logoHosts":["cdn.example.com","bad host",3]}"#),
            ["cdn.example.com"]
        );
        assert!(logo_hosts_in("not json").is_empty());
        let served = with_logo_hosts(
            br#"{"tenantId":"t","logoHosts":["old.example"]}"#.to_vec(),
            &hosts,
        );
        assert_eq!(logo_hosts_in(&String::from_utf8(served).unwrap()), hosts);
        assert_eq!(with_logo_hosts(b"[1]".to_vec(), &hosts), b"[1]".to_vec());
        assert!(check_img_sources("--csp-img-src", "https: https://cdn.example.com").is_ok());
        assert!(check_img_sources("--csp-img-src", " ").is_err());
    }

    #[test]
    fn base_href_follows_the_base_path() {
        let html = b"<head><base href=\"/\" /></head>".to_vec();
        assert_eq!(with_base_href(html.clone(), "/"), html);
        assert_eq!(
            String::from_utf8(with_base_href(html, "/admin/clients/")).unwrap(),
            "<head><base href=\"/admin/clients/\" /></head>"
        );
    }
}
