//! Fuzz harness for every decoder of outside data, on stable Rust.
//!
//! `cargo fuzz` needs a nightly toolchain and libFuzzer; this is a seeded,
//! deterministic mutator instead: each input is a seed document mutated either
//! as raw bytes (bit flips, splices, truncation, interesting tokens) or as
//! JSON structure (replace a node by one of another type, drop or add keys
//! with the contract's names, nest deeply, huge numbers and strings), then fed
//! to the decoder under `catch_unwind`. A panic is printed with the input and
//! makes the run fail.
//!
//! Usage: `nexus-fuzz [INPUTS_PER_TARGET] [SEED]` (defaults: 1,000,000 and 1).

use nexus_domain::{caller_from_jwt, decode_client_list, ClaimNames, NexusClient, ProblemDetails};
use serde_json::{json, Map, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

// The console's own config parser, compiled from its source files: they are
// pure Rust (serde + nexus-domain), so the harness fuzzes the very code the
// wasm build runs without building Leptos for the host.
#[path = "../../../src/config/app_config.rs"]
#[allow(dead_code)]
mod app_config;
#[path = "../../../src/config/parse.rs"]
mod parse;
use app_config::AppConfig;

/// xorshift64*: small, fast, reproducible from a seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Names the decoders look for: mutations add and retype them.
const KEYS: &[&str] = &[
    "id",
    "clientId",
    "client_id",
    "name",
    "description",
    "type",
    "appType",
    "app_type",
    "clientAuthMethod",
    "secret",
    "clientSecret",
    "productName",
    "applicationName",
    "owners",
    "callbackUrls",
    "callbacks",
    "allowedLogoutUrls",
    "allowedWebOrigins",
    "allowedCorsOrigins",
    "grantTypes",
    "logoUrl",
    "logoUri",
    "manuallyCreated",
    "mobile",
    "ios",
    "android",
    "teamId",
    "appBundleIdentifier",
    "keystoreHash",
    "appPackageName",
    "idTokenExpiration",
    "refreshToken",
    "clientUpnKey",
    "initiateLoginUri",
    "clientMetadata",
    "items",
    "clients",
    "data",
    "value",
    "results",
    "total",
    "next",
    "nextLink",
    "@odata.nextLink",
    "links",
    "title",
    "detail",
    "status",
    "type",
    "traceId",
    "instance",
    "errors",
    "apiBaseUrl",
    "tenantId",
    "authMode",
    "devPersonas",
    "applicationTokenHeader",
    "requestTimeoutMs",
    "claimNames",
    "userId",
    "permissions",
    "roles",
    "products",
    "scope",
    "scp",
    "sub",
    "exp",
    "basePath",
    "configUrl",
    "getToken",
    "",
    "__proto__",
    "constructor",
];

/// Byte strings worth splicing in.
const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e400",
    "-1e400",
    "18446744073709551616",
    "-9223372036854775809",
    "1.7976931348623157e309",
    "NaN",
    "\"\"",
    "[]",
    "{}",
    "[[[[[[[[",
    "]]]]",
    "{\"a\":",
    "\\u0000",
    "\\ud800",
    "\\uDFFF",
    "\u{202e}",
    "\u{0}",
    "\u{feff}",
    "\"",
    "\\",
    ",",
    ":",
    "%",
    "%2e%2e",
    "..",
    "<script>",
    "javascript:",
    "Bearer ",
    ".",
    "==",
    "\u{1F600}",
    "\r\n",
    "\t",
];

fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => json!(rng.next() as i64),
        3 => json!(rng.next()),
        4 => json!((rng.next() as f64) / 7.0 * if rng.chance(2) { -1.0 } else { 1.0 }),
        5 => Value::String(rng.pick(TOKENS).to_string()),
        6 => Value::String(rng.pick(KEYS).to_string()),
        7 => Value::String("x".repeat(if rng.chance(64) {
            rng.below(65_536)
        } else {
            rng.below(64)
        })),
        _ => {
            let len = rng.below(40);
            Value::String(
                (0..len)
                    .map(|_| char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'))
                    .collect(),
            )
        }
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    if depth > 4 || rng.chance(2) {
        return random_scalar(rng);
    }
    if rng.chance(2) {
        Value::Array(
            (0..rng.below(5))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        )
    } else {
        let mut m = Map::new();
        for _ in 0..rng.below(6) {
            m.insert(rng.pick(KEYS).to_string(), random_value(rng, depth + 1));
        }
        Value::Object(m)
    }
}

/// Walks to a random node and mutates it in place.
fn mutate_value(rng: &mut Rng, v: &mut Value, depth: usize) {
    let descend = depth < 12 && rng.chance(3).then_some(()).is_none();
    match v {
        Value::Object(m) if descend && !m.is_empty() => match rng.below(6) {
            0 => {
                let k = m
                    .keys()
                    .nth(rng.below(m.len()))
                    .cloned()
                    .unwrap_or_default();
                m.remove(&k);
            }
            1 => {
                m.insert(rng.pick(KEYS).to_string(), random_value(rng, depth));
            }
            _ => {
                let i = rng.below(m.len());
                if let Some((_, child)) = m.iter_mut().nth(i) {
                    mutate_value(rng, child, depth + 1);
                }
            }
        },
        Value::Array(a) if descend && !a.is_empty() => match rng.below(6) {
            0 => {
                let i = rng.below(a.len());
                a.remove(i);
            }
            1 => {
                let i = rng.below(a.len());
                let dup = a[i].clone();
                for _ in 0..rng.below(8) {
                    a.push(dup.clone());
                }
            }
            _ => {
                let i = rng.below(a.len());
                mutate_value(rng, &mut a[i], depth + 1);
            }
        },
        _ => {
            *v = match rng.below(4) {
                0 => random_scalar(rng),
                1 => {
                    // Wrap in itself: an array or object around the old value.
                    let old = v.take();
                    if rng.chance(2) {
                        Value::Array(vec![old])
                    } else {
                        json!({ (rng.pick(KEYS).to_string()): old })
                    }
                }
                _ => random_value(rng, depth),
            }
        }
    }
}

fn deep_nesting(rng: &mut Rng) -> Vec<u8> {
    let depth = 1 + rng.below(20_000);
    let (open, close) = if rng.chance(2) {
        ("[", "]")
    } else {
        ("{\"items\":", "}")
    };
    let mut s = open.repeat(depth);
    if rng.chance(2) {
        s.push_str(&close.repeat(depth));
    }
    s.into_bytes()
}

fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let j = (i + rng.below(64)).min(len);
                data.drain(i..j);
            }
            3 => {
                let i = rng.below(len + 1);
                let t = rng.pick(TOKENS).as_bytes().to_vec();
                data.splice(i..i, t);
            }
            4 if len > 0 => {
                // Duplicate a chunk.
                let i = rng.below(len);
                let j = (i + rng.below(256)).min(len);
                let chunk = data[i..j].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, chunk);
            }
            5 => data.truncate(rng.below(len + 1)),
            6 => {
                let i = rng.below(len + 1);
                data.insert(i, rng.next() as u8);
            }
            _ => {}
        }
    }
}

/// One input from a seed: structure, bytes, both, or pathological shapes.
fn make_input(rng: &mut Rng, seeds: &[Value]) -> Vec<u8> {
    let seed = rng.pick(seeds);
    // Pathological shapes are rare (they are slow to build and to read);
    // the bulk is small mutations, which is where the branches are.
    match if rng.chance(200) {
        rng.below(2)
    } else {
        2 + rng.below(18)
    } {
        0 => deep_nesting(rng),
        1 => {
            // A large body: many copies of the seed in an array.
            let n = 1 + rng.below(2000);
            serde_json::to_vec(&Value::Array(vec![seed.clone(); n])).unwrap_or_default()
        }
        2..=9 => {
            let mut v = seed.clone();
            for _ in 0..1 + rng.below(4) {
                mutate_value(rng, &mut v, 0);
            }
            serde_json::to_vec(&v).unwrap_or_default()
        }
        10..=15 => {
            let mut b = serde_json::to_vec(seed).unwrap_or_default();
            mutate_bytes(rng, &mut b);
            b
        }
        _ => {
            let mut v = seed.clone();
            mutate_value(rng, &mut v, 0);
            let mut b = serde_json::to_vec(&v).unwrap_or_default();
            mutate_bytes(rng, &mut b);
            b
        }
    }
}

fn client_seed() -> Value {
    json!({
        "id": "cl_shop_storefront_01", "name": "Shop Storefront", "description": "The shop",
        "type": "regular_web", "clientAuthMethod": "client_secret_post", "secret": "s3cr3t",
        "productName": "Shop", "applicationName": "Storefront", "owners": ["u-1", "role:shop"],
        "callbackUrls": ["https://shop.example.com/cb"], "allowedLogoutUrls": ["https://shop.example.com/"],
        "allowedWebOrigins": ["https://shop.example.com"], "allowedCorsOrigins": ["https://*.example.com"],
        "grantTypes": ["authorization_code", "refresh_token"], "logoUrl": "https://cdn.example.com/l.png",
        "manuallyCreated": false, "allowCrossOriginAuthentication": true,
        "mobile": { "ios": { "teamId": "T1", "appBundleIdentifier": "com.example" }, "android": { "keystoreHash": "AB:CD", "appPackageName": "com.example" } },
        "idTokenExpiration": 36000, "isRefreshTokenRotationEnabled": true, "refreshTokenReuseInterval": 30,
        "isRefreshTokenAbsoluteExpirationEnabled": true, "refreshTokenAbsoluteLifetime": 2592000,
        "isRefreshTokenInactivityLifetimeEnabled": false, "refreshTokenInactivityLifetime": 1296000,
        "clientUpnKey": "upn", "clientMetadata": { "k": "v" }
    })
}

fn problem_seeds() -> Vec<Value> {
    vec![
        json!({ "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.", "status": 400, "traceId": "00-abc-01", "errors": { "Name": ["The name is required."], "CallbackUrls[0]": ["Not a URL."] } }),
        json!({ "title": "Forbidden", "status": 403, "detail": "You may not edit this client." }),
        json!({ "message": "plain json error", "code": 500 }),
        json!("<html><body><h1>502 Bad Gateway</h1></body></html>"),
    ]
}

fn claim_seeds() -> Vec<Value> {
    vec![
        json!({ "sub": "u-1", "name": "Ada", "permissions": ["client.read", "client.write.all"], "roles": ["admin"], "products": ["Shop"], "exp": 9999999999u64 }),
        json!({ "sub": "u-2", "scope": "client.read client.write", "roles": "owner", "products": "Shop Billing" }),
        json!({ "scp": ["client.read"] }),
    ]
}

fn config_seeds() -> Vec<Value> {
    let repo: Value =
        serde_json::from_str(include_str!("../../../config.json")).unwrap_or(Value::Null);
    vec![
        repo,
        json!({ "tenantId": "t", "apiBaseUrl": "https://api.example.com/nexus", "authMode": "host", "basePath": "/portal/clients/", "requestTimeoutMs": 2000 }),
    ]
}

/// Embedding options: what `mount(element, options)` turns into a config
/// document (JSON.stringify of the options, `tenantId` present).
fn embed_seeds() -> Vec<Value> {
    vec![
        json!({ "tenantId": "t", "apiBaseUrl": "https://api.example.com", "authMode": "host", "basePath": "/portal/clients/" }),
        json!({ "tenantId": "t", "configUrl": "/cfg.json", "claimNames": { "permissions": "scope" } }),
    ]
}

type Target = fn(&[u8]);

fn target_client(b: &[u8]) {
    let s = String::from_utf8_lossy(b);
    if let Ok(c) = serde_json::from_str::<NexusClient>(&s) {
        let _ = (c.display_name(), c.kind(), c.is_terraform_managed());
        let _ = serde_json::to_string(&c);
    }
}

fn target_list(b: &[u8]) {
    let _ = decode_client_list(&String::from_utf8_lossy(b));
}

fn target_problem(b: &[u8]) {
    // Status and content type come from the first byte, so every branch runs.
    let k = b.first().copied().unwrap_or(0) as usize;
    let status = [
        200u16, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 0, 999,
    ][k % 13];
    let ct = [
        Some("application/problem+json"),
        Some("application/json; charset=utf-8"),
        Some("text/html"),
        Some("text/plain"),
        None,
        Some(""),
    ][k % 6];
    let p = ProblemDetails::from_response(
        &nexus_domain::i18n::EN,
        status,
        ct,
        &String::from_utf8_lossy(b),
    );
    let _ = (p.field_errors(), p.unplaced_errors(), p.status_code());
}

fn target_claims(b: &[u8]) {
    use base64::Engine;
    let names = ClaimNames::default();
    // As the payload of a token, and as a whole token.
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    let _ = caller_from_jwt(&format!("eyJhbGciOiJIUzI1NiJ9.{payload}.sig"), &names);
    let _ = caller_from_jwt(&String::from_utf8_lossy(b), &names);
}

fn target_config(b: &[u8]) {
    if let Ok(c) = parse::parse_config(&nexus_domain::i18n::EN, &String::from_utf8_lossy(b)) {
        let _: &AppConfig = &c;
        let _ = (c.api_base(), c.problems(&nexus_domain::i18n::DE));
    }
}

/// A `Retry-After` header (seconds or an HTTP date), as the api layer reads it.
fn target_retry_after(b: &[u8]) {
    let s = String::from_utf8_lossy(b);
    // The JSON string seeds arrive quoted: the header is the text inside.
    let header = s.trim_matches('"');
    for now in [0i64, 1_764_547_200, i64::MAX, i64::MIN] {
        if let Some(secs) = nexus_domain::retry_after::seconds_to_wait(header, now) {
            let _ = nexus_domain::retry_after::advice(&nexus_domain::i18n::DE, secs);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args
        .next()
        .and_then(|a| a.replace(['_', ','], "").parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    // Silence the default hook: panics are counted and reported here.
    std::panic::set_hook(Box::new(|_| {}));

    let targets: Vec<(&str, Target, Vec<Value>)> = vec![
        (
            "client (NexusClient via serde_json)",
            target_client,
            vec![client_seed(), json!({}), json!({ "id": null, "name": 7 })],
        ),
        (
            "list (decode_client_list)",
            target_list,
            vec![
                json!([client_seed(), client_seed()]),
                json!({ "items": [client_seed()], "total": 2, "next": "/v1/x?page=2" }),
                json!({ "clients": [], "nextLink": "https://evil.example/" }),
            ],
        ),
        (
            "problem (ProblemDetails::from_response)",
            target_problem,
            problem_seeds(),
        ),
        ("JWT claims (caller_from_jwt)", target_claims, claim_seeds()),
        ("config.json (parse_config)", target_config, config_seeds()),
        (
            "embedding options (parse_config)",
            target_config,
            embed_seeds(),
        ),
        (
            "Retry-After (retry_after::seconds_to_wait)",
            target_retry_after,
            vec![
                json!("30"),
                json!("Wed, 21 Oct 2015 07:28:00 GMT"),
                json!("Wednesday, 21-Oct-15 07:28:00 GMT"),
                json!("Wed Oct 21 07:28:00 2015"),
                json!("18446744073709551616"),
            ],
        ),
    ];
    let mut total_panics = 0u64;
    println!(
        "{:<44} {:>12} {:>8} {:>8}",
        "target", "inputs", "panics", "seconds"
    );
    for (t, (name, run, seeds)) in targets.iter().enumerate() {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (t as u64 + 1) | 1);
        let start = Instant::now();
        let mut panics = 0u64;
        for i in 0..n {
            let input = make_input(&mut rng, seeds);
            if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
                panics += 1;
                if panics <= 3 {
                    let shown: String = String::from_utf8_lossy(&input).chars().take(300).collect();
                    eprintln!("PANIC in {name} at input {i} (seed {seed}): {shown:?}");
                }
            }
        }
        total_panics += panics;
        println!(
            "{:<44} {:>12} {:>8} {:>8.1}",
            name,
            n,
            panics,
            start.elapsed().as_secs_f64()
        );
    }
    if total_panics > 0 {
        eprintln!("{total_panics} panics");
        std::process::exit(1);
    }
}
